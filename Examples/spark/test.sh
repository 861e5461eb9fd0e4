#!/usr/bin/env bash
# Runs score_corpus.py on Spark local[2] over Corpus/ and checks that every document's
# result equals the single-machine run of `tillit score --unit document`. Installs pyspark
# from PyPI when missing; skips when that or Java is not available.
set -euo pipefail
cd "$(dirname "$0")/../.."
command -v java >/dev/null || { echo "spark test: skipped (no Java runtime)"; exit 0; }
if ! python3 -c "import pyspark" 2>/dev/null; then
  timeout 600 python3 -m pip install -q pyspark >/dev/null 2>&1 || { echo "spark test: skipped (pyspark could not be installed)"; exit 0; }
fi
bin=$(swift build -c release --show-bin-path)
[ -x "$bin/tillit" ] || swift build -c release --product tillit
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 Examples/spark/score_corpus.py Corpus/ "$work/spark.jsonl" --tillit "$bin/tillit" --master "local[2]" 2>"$work/spark.log" || { tail -20 "$work/spark.log" >&2; exit 1; }
"$bin/tillit" score Corpus/ --unit document --format jsonl > "$work/local.jsonl"
python3 - "$work/spark.jsonl" "$work/local.jsonl" <<'PY'
import json, os, sys
spark = {r["id"]: r for r in map(json.loads, open(sys.argv[1]))}
local = {}
for line in open(sys.argv[2]):
    r = json.loads(line)
    r["id"] = os.path.basename(r["id"])
    local[r["id"]] = r
assert spark.keys() == local.keys(), f"documents differ: {sorted(spark)} vs {sorted(local)}"
for k in sorted(local):
    assert spark[k] == local[k], f"{k}: spark {spark[k]} != local {local[k]}"
print(f"spark test: ok ({len(local)} documents identical on local[2] and on one machine)")
PY
