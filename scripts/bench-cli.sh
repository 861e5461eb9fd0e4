#!/usr/bin/env bash
# The CLI figures of docs/PERFORMANCE.md, measured side by side with the C floor: the first
# 20 MB of a corpus (the distinct corpus: zcat ../shared/corpus/riksdag-sfs-distinct.txt.gz),
# scored by `tillit score --jobs 1` and counted by `floor lookup` and `wc -w` in interleaved
# rounds; then 10,000 files of about 1 KB of whole lines against the same bytes as one file; then --jobs 2
# against --jobs 1 on the whole corpus. Prints CPU time (user + sys) and wall time, medians
# and minima over the rounds (default 7). Needs python3 (for CPU times with microseconds)
# and cc (for the floor); a missing tool skips its rows with a message.
#
# Usage: scripts/bench-cli.sh CORPUS.txt [ROUNDS] [FLOOR.c]   (FLOOR.c default ../shared/bench/floor.c)
set -euo pipefail
corpus=${1:?usage: scripts/bench-cli.sh CORPUS.txt [ROUNDS] [FLOOR.c]}
rounds=${2:-7}
floor_src=${3:-../shared/bench/floor.c}
cd "$(dirname "$0")/.."
command -v python3 >/dev/null || { echo "bench-cli: python3 not found; nothing measured" >&2; exit 0; }
swift build -c release --product tillit >/dev/null
bin=$(swift build -c release --show-bin-path)/tillit
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
head -c 20000000 "$corpus" > "$work/c20.txt"

floor_rows=()
if command -v cc >/dev/null && [ -f "$floor_src" ] && cc -O2 -o "$work/floor" "$floor_src" 2>/dev/null; then
  floor_rows=("floor lookup=$work/floor lookup read $work/c20.txt $(dirname "$floor_src")/floor-words.txt")
else
  echo "bench-cli: no floor (cc missing or $floor_src not found); floor row skipped" >&2
fi

# interleaved rounds: CPU (user + sys, from wait4) and wall time per command
rounds_py() {
python3 - "$@" <<'EOF'
import os, sys, time, shlex, statistics
n = int(sys.argv[1]); cmds = [a.split('=', 1) for a in sys.argv[2:]]
res = {k: ([], []) for k, _ in cmds}
for _ in range(n):
    for k, c in cmds:
        t0 = time.perf_counter()
        pid = os.fork()
        if pid == 0:
            fd = os.open('/dev/null', os.O_WRONLY); os.dup2(fd, 1); os.dup2(fd, 2)
            a = shlex.split(c); os.execvp(a[0], a)
        _, st, ru = os.wait4(pid, 0)
        res[k][0].append(ru.ru_utime + ru.ru_stime); res[k][1].append(time.perf_counter() - t0)
base = statistics.median(res[cmds[0][0]][0])
print(f"| command | CPU median | CPU min | wall median | × {cmds[0][0]} (CPU) |")
print("|---|---|---|---|---|")
for k, _ in cmds:
    cpu, wall = res[k]
    print(f"| {k} | {statistics.median(cpu):.3f} s | {min(cpu):.3f} s | {statistics.median(wall):.3f} s | {statistics.median(cpu) / base:.2f} |")
EOF
}

echo "## first 20 MB, $rounds interleaved rounds"
rounds_py "$rounds" "${floor_rows[@]}" \
  "tillit score --jobs 1 --paragraphs blank=$bin score $work/c20.txt --jobs 1 --paragraphs blank" \
  "tillit score --jobs 1 --paragraphs blank --repair off=$bin score $work/c20.txt --jobs 1 --paragraphs blank --repair off" \
  "tillit score --jobs 1=$bin score $work/c20.txt --jobs 1" \
  "wc -w=wc -w $work/c20.txt"

# 10,000 files of about 1 KB of whole lines (cut after the last line end in the next 1,024
# bytes, or after the first one past them), and the same bytes as one file: both score the
# same passages (a cut after any space splits paragraphs, and gave the many files 28% more rows)
python3 - "$work/c20.txt" "$work" <<'EOF'
import os, sys
data = open(sys.argv[1], 'rb').read(); out = sys.argv[2]
os.makedirs(out + '/many')
i = 0
with open(out + '/one.txt', 'wb') as one:
    for n in range(10000):
        j = data.rfind(b'\n', i, i + 1024) + 1
        if j <= i: j = data.find(b'\n', i + 1024) + 1 or len(data)
        open(out + '/many/f%05d.txt' % n, 'wb').write(data[i:j]); one.write(data[i:j]); i = j
EOF
echo
echo "## 10,000 files of about 1 KB against the same bytes in one file, $rounds interleaved rounds"
rounds_py "$rounds" \
  "one file=$bin score $work/one.txt --jobs 1 --format jsonl" \
  "10,000 files=$bin score $work/many --jobs 1 --format jsonl" \
  "one file, --repair off=$bin score $work/one.txt --jobs 1 --format jsonl --repair off" \
  "10,000 files, --repair off=$bin score $work/many --jobs 1 --format jsonl --repair off"

echo
echo "## --jobs 2 against --jobs 1 on the whole corpus, 3 interleaved rounds (judge only on a quiet machine)"
rounds_py 3 \
  "--jobs 1=$bin score $corpus --jobs 1 --paragraphs blank" \
  "--jobs 2=$bin score $corpus --jobs 2 --paragraphs blank"
