#!/usr/bin/env bash
# The CLI table of README "Measured speed": streams each 100 MB corpus through
# `tillit score` as one document (--unit document --format jsonl) with 1 and 2 threads, then
# the default per-paragraph run on the clean corpus split into paragraphs, next to `wc -w`,
# and prints the best wall time of N runs (default 5), the MB/s it gives and the peak RSS,
# measured with /usr/bin/time.
#
# Usage: scripts/bench-cli.sh CORPUS_DIR [RUNS]    (CORPUS_DIR from ../shared/bench/make-corpus.py)
set -euo pipefail
dir=${1:?usage: scripts/bench-cli.sh CORPUS_DIR [RUNS]}
runs=${2:-5}
cd "$(dirname "$0")/.."
swift build -c release --product tillit >/dev/null
bin=$(swift build -c release --show-bin-path)/tillit
best() {   # best wall time and the largest RSS over $runs runs of "$@"
  local t m bt=999999 bm=0
  for _ in $(seq "$runs"); do
    read -r t m < <( { /usr/bin/time -f "%e %M" "$@" > /dev/null; } 2>&1 | tail -1 )
    bt=$(awk -v a="$t" -v b="$bt" 'BEGIN { print (a < b) ? a : b }')
    bm=$(( m > bm ? m : bm ))
  done
  echo "$bt $bm"
}
echo "| run | threads | best of $runs | MB/s | peak RSS |"
echo "|---|---|---|---|---|"
for f in clean ocrlike; do
  file="$dir/$f-100mb.txt"
  mb=$(awk -v b="$(stat -c %s "$file")" 'BEGIN { printf "%.1f", b / 1e6 }')
  for j in 1 2; do
    read -r t m < <(best "$bin" score --jobs "$j" --unit document --format jsonl "$file")
    awk -v f="$f" -v j="$j" -v t="$t" -v m="$m" -v mb="$mb" 'BEGIN { printf "| `tillit score %s-100mb.txt` | %d | %.2f s | %.0f | %.1f MiB |\n", f, j, t, mb / t, m / 1024 }'
  done
done
# the default run, one row per paragraph: the clean corpus with a blank line after each of its
# lines (about 190-byte paragraphs, 520,000 JSONL rows), as researchers' documents come
para=$(mktemp -d)
trap 'rm -rf "$para"' EXIT
sed 's/$/\n/' "$dir/clean-100mb.txt" > "$para/paragraphs.txt"
mb=$(awk -v b="$(stat -c %s "$para/paragraphs.txt")" 'BEGIN { printf "%.1f", b / 1e6 }')
for j in 1 2; do
  read -r t m < <(best "$bin" score --jobs "$j" --format jsonl "$para/paragraphs.txt")
  awk -v j="$j" -v t="$t" -v m="$m" -v mb="$mb" 'BEGIN { printf "| `tillit score` (paragraph rows) on clean-100mb.txt with blank lines | %d | %.2f s | %.0f | %.1f MiB |\n", j, t, mb / t, m / 1024 }'
done
file="$dir/clean-100mb.txt"
mb=$(awk -v b="$(stat -c %s "$file")" 'BEGIN { printf "%.1f", b / 1e6 }')
read -r t m < <(best wc -w "$file")
awk -v t="$t" -v m="$m" -v mb="$mb" 'BEGIN { printf "| `wc -w clean-100mb.txt` | 1 | %.2f s | %.0f | %.1f MiB |\n", t, mb / t, m / 1024 }'
