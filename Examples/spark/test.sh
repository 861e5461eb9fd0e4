#!/usr/bin/env bash
# Runs score_corpus.py on Spark local[2] over a nested copy of Corpus/ and checks
#  1. the folders are walked recursively like the CLI: every document `tillit score DIR`
#     finds is scored, nothing else (hidden files, README, non-.txt are left out);
#  2. ids are relative to the input root: two files named alike in different folders
#     stay two rows;
#  3. results are written to storage as part files (_SUCCESS + part-*), not collected;
# and that every document's row equals `tillit score DIR --unit document --ids relative`.
# Installs pyspark from PyPI when missing; skips when that or Java is not available.
# TILLIT_BIN_DIR=.build/debug uses that build instead of the release one.
set -euo pipefail
cd "$(dirname "$0")/../.."
command -v java >/dev/null && java -version >/dev/null 2>&1 || { echo "spark test: skipped (no Java runtime)"; exit 0; }
command -v python3 >/dev/null || { echo "spark test: skipped (no python3)"; exit 0; }
if ! python3 -c "import pyspark" 2>/dev/null; then
  timeout 600 python3 -m pip install -q pyspark >/dev/null 2>&1 || { echo "spark test: skipped (pyspark could not be installed)"; exit 0; }
  python3 -c "import pyspark" 2>/dev/null || { echo "spark test: skipped (pyspark could not be imported)"; exit 0; }
fi
bin=${TILLIT_BIN_DIR:-$(swift build -c release --show-bin-path)}
[ -x "$bin/tillit" ] || swift build -c release --product tillit
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# a nested corpus: Corpus/ spread over three levels, two files called same.txt with
# different text, and entries the CLI skips
tree="$work/corpus"
mkdir -p "$tree/a/b/c" "$tree/x" "$tree/.hidden"
i=0
for f in Corpus/*.txt; do
  case $((i % 3)) in 0) d="$tree";; 1) d="$tree/a";; 2) d="$tree/a/b/c";; esac
  cp "$f" "$d/"
  i=$((i + 1))
done
first=$(ls Corpus/*.txt | head -1); last=$(ls Corpus/*.txt | tail -1)
cp "$first" "$tree/a/same.txt"
cp "$last" "$tree/x/same.txt"
cp "$first" "$tree/.hidden/skipped.txt"
cp "$first" "$tree/a/README.txt"
echo "not a document" > "$tree/a/notes.csv"

python3 Examples/spark/score_corpus.py "$tree" "$work/out" --tillit "$bin/tillit" --master "local[2]" 2>"$work/spark.log" || { tail -20 "$work/spark.log" >&2; exit 1; }
"$bin/tillit" score "$tree" --unit document --format jsonl --ids relative > "$work/local.jsonl"
python3 - "$work/out" "$work/local.jsonl" "$tree" <<'PY'
import glob, json, os, sys
out, local_path, tree = sys.argv[1:]
# 3. storage, not the driver: a folder of part files that Spark marked complete
assert os.path.isfile(os.path.join(out, "_SUCCESS")), f"no _SUCCESS in {out}"
parts = sorted(glob.glob(os.path.join(out, "part-*")))
assert parts, f"no part files in {out}"
spark = {}
for p in parts:
    for line in open(p, encoding="utf-8"):
        r = json.loads(line)
        assert r["id"] not in spark, f"id {r['id']} twice"
        spark[r["id"]] = r
local = {r["id"]: r for r in map(json.loads, open(local_path, encoding="utf-8"))}
# 1. recursive walk like the CLI: the same documents, at every depth
assert spark.keys() == local.keys(), f"documents differ: only spark {sorted(spark.keys() - local.keys())}, only CLI {sorted(local.keys() - spark.keys())}"
assert any(k.startswith("a/b/c/") for k in spark), "nothing from the third level"
assert not any(".hidden" in k or "README" in k or k.endswith(".csv") for k in spark), "a skipped entry was scored"
# 2. relative ids keep same-named files apart
assert {"a/same.txt", "x/same.txt"} <= spark.keys(), f"same-named files lost: {sorted(k for k in spark if 'same' in k)}"
assert spark["a/same.txt"]["tokens"] != spark["x/same.txt"]["tokens"], "the two same.txt rows hold one document's result"
assert all(not os.path.isabs(k) for k in spark), "an absolute id"
for k in sorted(local):
    assert spark[k] == local[k], f"{k}: spark {spark[k]} != local {local[k]}"
print(f"spark test: ok ({len(local)} documents over 4 folder levels, ids relative, {len(parts)} part files; identical on local[2] and on one machine)")
PY
