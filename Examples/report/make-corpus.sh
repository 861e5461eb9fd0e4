#!/usr/bin/env bash
# Writes a synthetic CSV corpus of N records (default 1000) to stdout, for trying and testing
# `tillit report --input csv --group-by …`: each record is 1–6 paragraphs drawn from the seed
# documents in Corpus/, with the metadata columns party, municipality and year.
# Usage: Examples/report/make-corpus.sh [N] > corpus.csv
set -euo pipefail
cd "$(dirname "$0")/../.."
n=${1:-1000}
awk -v n="$n" '
BEGIN { RS = ""; np = 0 }
{ par[np++] = $0 }
END {
  split("S M SD C V KD L MP", party, " ")
  split("Malmö|Lund|Göteborg|Uppsala|Umeå|Region Skåne", muni, "|")
  print "id,party,municipality,year,text"
  seed = 12345
  for (i = 1; i <= n; i++) {
    seed = (seed * 1103515245 + 12345) % 2147483648; start = seed % np
    seed = (seed * 1103515245 + 12345) % 2147483648; len = 1 + seed % 6
    text = ""
    for (j = 0; j < len; j++) text = text (j ? "\n\n" : "") par[(start + j) % np]
    gsub(/"/, "\"\"", text)
    printf "doc-%04d,%s,%s,%d,\"%s\"\n", i, party[1 + i % 8], muni[1 + (i * 7) % 6], 2015 + (i * 3) % 10, text
  }
}' Corpus/*.txt
