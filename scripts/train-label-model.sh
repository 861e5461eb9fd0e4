#!/usr/bin/env bash
# Trains the embedded label model on the coded dev passages and embeds it.
#
#   scripts/train-label-model.sh ../shared
#
# Reads shared/gold/passages-dev*.tsv (kept out of the repository), writes
# Lexicons/label-model.tsv (weights only, no passage text), re-embeds the lexicons and
# rebuilds. Run it again after editing Lexicons/governance.tillit: the model's features are
# computed with the lexicon, so the two belong together.
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${1:-../shared}
gold=("$shared"/gold/passages-dev.tsv "$shared"/gold/passages-dev2.tsv "$shared"/gold/passages-dev3.tsv)
swift build -c release --product tillit >/dev/null
bin=$(swift build -c release --show-bin-path)/tillit
"$bin" train --gold "${gold[@]}" --lexicon Lexicons/governance.tillit -o Lexicons/label-model.tsv
python3 scripts/embed-lexicons.py
swift build -c release --product tillit >/dev/null
echo "grouped cross-validation of the training settings (what docs/EVALUATION.md reports):"
"$bin" validate --gold "${gold[@]}" --cv 10 | sed -n '1,14p'
