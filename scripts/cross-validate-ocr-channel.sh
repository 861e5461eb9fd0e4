#!/usr/bin/env bash
# Out-of-fold word error rate of repair with the learned OCR rewrites on ocr/riksdag-dev:
# its 100 documents are split into 3 folds (by position in name order); for each fold the
# rewrites are learned from ocr/dev and the other two folds (scripts/build-ocr-channel.py
# --hold-out NAMES) and the fold is repaired with them (tillit eval repair --ocr-rewrites
# FILE). Extra arguments go to `tillit eval repair`.
#
# Usage: scripts/cross-validate-ocr-channel.sh SHARED_DIR [eval options]
set -euo pipefail
shared=${1:?usage: scripts/cross-validate-ocr-channel.sh SHARED_DIR [eval options]}
shift
cd "$(dirname "$0")/.."
swift build -c release --product tillit >/dev/null
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
names=$(ls "$shared/ocr/riksdag-dev" | sed -n 's/\.gold\.txt$//p')
for k in 0 1 2; do
  fold=$(echo "$names" | awk -v k=$k '(NR - 1) % 3 == k' | paste -sd, -)
  python3 scripts/build-ocr-channel.py "$shared" "$tmp/fold$k.txt" --hold-out "$fold"
  .build/release/tillit eval repair "$shared/ocr/riksdag-dev" --only "$fold" --ocr-rewrites "$tmp/fold$k.txt" "$@" | awk '$2 ~ /^[0-9]+$/'
done | awk '{ f[$1] += $2; w[$1] += $3; b[$1] += $4 * $3 / 100; a[$1] += $5 * $3 / 100; br[$1] += $8 }
  END { print "input      files  words  WER before  WER after  broken   (ocr/riksdag-dev, rewrites out of fold, 3 folds)";
        for (k in w) printf "%-10s %5d %6d  %9.2f%% %9.2f%% %7d\n", k, f[k], w[k], 100 * b[k] / w[k], 100 * a[k] / w[k], br[k] }'
