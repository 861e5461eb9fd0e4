#!/usr/bin/env python3
"""Score a directory of documents with tillit on Apache Spark, as a streaming stage.

    score_corpus.py DIR OUT.jsonl [--tillit PATH] [--master local[2]] [--partitions N]

Each document becomes one JSONL record {"id": FILE NAME, "text": ...}; Spark's RDD.pipe
streams every partition through `tillit score --input jsonl --format jsonl -`, one tillit
process per partition, and the scored rows (one per document) are written to OUT.jsonl,
sorted by id. Needs only pyspark (PyPI) and a Java runtime; the tillit binary must exist on
every worker (here: the local machine).
"""
import argparse, json, os, shutil, sys

from pyspark.sql import SparkSession


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("dir")
    ap.add_argument("out")
    ap.add_argument("--tillit", default=shutil.which("tillit") or ".build/release/tillit")
    ap.add_argument("--master", default="local[2]")
    ap.add_argument("--partitions", type=int, default=2)
    a = ap.parse_args()
    tillit = os.path.abspath(a.tillit)
    if not os.access(tillit, os.X_OK):
        sys.exit(f"score_corpus.py: tillit binary not found at {tillit} (build it: swift build -c release)")

    spark = SparkSession.builder.master(a.master).appName("tillit-score").config("spark.ui.enabled", "false").getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    sc = spark.sparkContext
    files = sc.wholeTextFiles(os.path.abspath(a.dir), minPartitions=a.partitions)
    docs = files.filter(lambda kv: kv[0].endswith((".txt", ".md")) and not os.path.basename(kv[0]).upper().startswith(("README", "LICENSE", "CHANGELOG")))
    records = docs.map(lambda kv: json.dumps({"id": os.path.basename(kv[0]), "text": kv[1]}, ensure_ascii=False))
    scored = records.pipe(f"{tillit} score --input jsonl --format jsonl --jobs 1 --quiet -")
    rows = sorted((json.loads(line) for line in scored.collect() if line.strip()), key=lambda r: r["id"])
    with open(a.out, "w", encoding="utf-8") as out:
        for r in rows:
            out.write(json.dumps(r, ensure_ascii=False, sort_keys=True) + "\n")
    print(f"score_corpus.py: {len(rows)} documents scored on {a.master} -> {a.out}")
    spark.stop()


if __name__ == "__main__":
    main()
