#!/usr/bin/env bash
# OCR-like twins of coded passages, for the scorer's OCR-robustness figure on text that has
# no real OCR reading (passages-dev2/dev3).
#
#   scripts/ocrlike-passages.sh SHARED_DIR GOLD.tsv OUT.tsv
#
# Applies SHARED/bench/make-ocrlike.py (English-model OCR confusions of å/ä/ö) to the text
# column only; ids, labels and sources stay, so `tillit validate --gold OUT.tsv` compares
# with `tillit validate --gold GOLD.tsv` passage by passage. Nothing is fitted here.
set -euo pipefail
shared=$1 gold=$2 out=$3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cut -f5- "$gold" > "$tmp/text.txt"
python3 "$shared/bench/make-ocrlike.py" "$tmp/text.txt" "$tmp/ocr.txt"
paste <(cut -f1-4 "$gold") <(sed '1s/.*/text/' "$tmp/ocr.txt") > "$out"
