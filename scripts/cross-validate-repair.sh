#!/usr/bin/env bash
# Out-of-fold word error rate of the repairer on ocr/dev, without touching the held-out
# documents: the 29 documents talbanken-dev-001..029 are split into 3 folds; for each fold a
# lexicon is built with that fold also held out (scripts/build-repair-lexicon.py
# --also-hold-out) and the fold is repaired with it. Extra arguments go to `tillit eval repair`
# (for example --context-weight 0). Needs what the lexicon build needs (wordfreq, hunspell-sv).
#
# Usage: scripts/cross-validate-repair.sh SHARED_DIR [eval options]
# With PROSE=FILE in the environment, each fold's lexicon is built with --prose FILE.
set -euo pipefail
shared=${1:?usage: scripts/cross-validate-repair.sh SHARED_DIR [eval options]}
shift
cd "$(dirname "$0")/.."
swift build -c release --product tillit >/dev/null
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for k in 0 1 2; do
  names=$(python3 -c "print(','.join(f'talbanken-dev-{i:03d}' for i in range(1, 30) if i % 3 == $k))")
  python3 scripts/build-repair-lexicon.py "$shared" "$tmp/fold$k.txt" ${PROSE:+--prose "$PROSE"} --also-hold-out "$names" 2>/dev/null
  .build/release/tillit eval repair "$shared/ocr/dev" --only "$names" --repair-lexicon "$tmp/fold$k.txt" "$@" | tail -n +2
done | awk '$2 ~ /^[0-9]+$/ { f[$1] += $2; w[$1] += $3; b[$1] += $4 * $3 / 100; a[$1] += $5 * $3 / 100; br[$1] += $8; am[$1] += $10; ar[$1] += $12 * $10 / 100 }
  END { print "input      files  words  WER before  WER after  broken/1k  ambiguous right after   (out of fold, 3 folds)";
        for (k in w) printf "%-10s %5d %6d  %9.2f%% %9.2f%% %10.2f %20.2f%%\n", k, f[k], w[k], 100 * b[k] / w[k], 100 * a[k] / w[k], 1000 * br[k] / w[k], am[k] ? 100 * ar[k] / am[k] : 0 }'
