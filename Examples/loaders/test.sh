#!/usr/bin/env bash
# Loads `tillit score --format csv|tsv|jsonl --text --chars` output with pandas and with base
# R (read.csv) and checks columns, row counts and that char offsets slice the right text.
# Tries `pip install pandas` and, as root, `apt-get install r-base-core r-cran-jsonlite`
# (each with a timeout) when they are missing; each half skips with a message when its tool
# is still not there.
set -euo pipefail
cd "$(dirname "$0")/../.."
bin=$(swift build -c release --show-bin-path)
[ -x "$bin/tillit" ] || swift build -c release --product tillit
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# multi-byte letters before most paragraphs, so byte and char offsets differ; --repair off
# because --text gives the repaired text where a unit was repaired, which no offset slices
"$bin/tillit" score Corpus/ --format csv --text --chars --repair off > "$work/out.csv"
"$bin/tillit" score Corpus/ --format tsv --text --chars --repair off > "$work/out.tsv"
"$bin/tillit" score Corpus/ --format jsonl --text --chars --repair off > "$work/out.jsonl"
if command -v python3 >/dev/null; then
  if ! python3 -c "import pandas" 2>/dev/null; then
    timeout 300 python3 -m pip install -q pandas >/dev/null 2>&1 || true
  fi
  if python3 -c "import pandas" 2>/dev/null; then
    python3 Examples/loaders/load_pandas.py "$work/out.csv" "$work/out.jsonl" .
  else echo "pandas load: skipped (pandas could not be installed)"; fi
else echo "pandas load: skipped (no python3)"; fi
# R: installed from Debian (with a timeout) when missing and this runs as root with apt-get
if ! command -v Rscript >/dev/null && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  timeout 300 apt-get install -y -q --no-install-recommends r-base-core r-cran-jsonlite >/dev/null 2>&1 || true
fi
if command -v Rscript >/dev/null && ! Rscript -e 'library(jsonlite)' >/dev/null 2>&1 && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  timeout 300 apt-get install -y -q --no-install-recommends r-cran-jsonlite >/dev/null 2>&1 || true
fi
if command -v Rscript >/dev/null; then
  Rscript Examples/loaders/load_r.R "$work/out.csv" "$work/out.tsv" "$work/out.jsonl" .
else echo "R load: skipped (no Rscript; Debian r-base-core)"; fi
