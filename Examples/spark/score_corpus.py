#!/usr/bin/env python3
"""Score a folder tree of documents with tillit on Apache Spark, as a streaming stage.

    score_corpus.py DIR OUT_DIR [--tillit PATH] [--master local[2]] [--partitions N]

The driver walks DIR the way the CLI does (`tillit score DIR`): recursively, `*.txt` and
`*.md` in sorted order, skipping hidden entries and a folder's own README*, LICENSE* and
CHANGELOG*, following links to files but not links to folders. Each document's id is its
path below DIR (`sub/a.txt`), as `tillit score DIR --ids relative` gives, so files that
share a basename in different folders keep apart.

Only the list of paths travels from the driver; each worker reads its own documents (DIR
must be visible to every worker, e.g. a shared file system), decodes them as UTF-8 (or
Windows-1252 when that fails), turns each into one JSONL record {"id", "text"} and streams
its partition through `tillit score --input jsonl --format jsonl --unit document -` with
RDD.pipe, one tillit process per partition. The scored rows are written to OUT_DIR as
Spark part files (`part-00000` ..., one JSON row per document, plus `_SUCCESS`); nothing
is collected on the driver. OUT_DIR must not exist yet.

Needs pyspark (PyPI) and a Java runtime; the tillit binary must exist on every worker.
"""
import argparse, json, os, shutil, sys

DOC_EXTENSIONS = (".txt", ".md")
OWN_DOCS = ("README", "LICENSE", "CHANGELOG")


def walk(root):
    """The documents under root as (id relative to root, absolute path), in the CLI's order."""
    found = []

    def visit(d):
        try:
            names = sorted(os.listdir(d))
        except OSError as e:
            sys.exit(f"score_corpus.py: {d}: {e.strerror.lower()}")
        for name in names:
            if name.startswith("."):
                continue
            full = os.path.join(d, name)
            if os.path.isdir(full) and not os.path.islink(full):
                visit(full)
                continue
            if not name.lower().endswith(DOC_EXTENSIONS) or name.upper().startswith(OWN_DOCS):
                continue
            if os.path.isfile(full):  # a link is followed once, to see whether it names a file
                found.append(full)

    visit(root)
    found.sort()  # the CLI sorts the full paths of a walked folder
    return [(os.path.relpath(p, root), p) for p in found]


def record(item):
    """One JSONL record for (id, path), read on the worker."""
    doc_id, path = item
    with open(path, "rb") as f:
        raw = f.read()
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        text = raw.decode("cp1252", errors="replace")
    return json.dumps({"id": doc_id, "text": text}, ensure_ascii=False)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("dir")
    ap.add_argument("out_dir")
    ap.add_argument("--tillit", default=shutil.which("tillit") or ".build/release/tillit")
    ap.add_argument("--master", default="local[2]")
    ap.add_argument("--partitions", type=int, default=2)
    a = ap.parse_args()
    tillit = os.path.abspath(a.tillit)
    if not os.access(tillit, os.X_OK):
        sys.exit(f"score_corpus.py: tillit binary not found at {tillit} (build it: swift build -c release)")
    if not os.path.isdir(a.dir):
        sys.exit(f"score_corpus.py: {a.dir}: not a folder")
    if os.path.exists(a.out_dir):
        sys.exit(f"score_corpus.py: {a.out_dir}: already exists (Spark writes a new folder of part files)")
    docs = walk(os.path.abspath(a.dir))
    if not docs:
        sys.exit(f"score_corpus.py: {a.dir}: contains no .txt or .md files")

    from pyspark.sql import SparkSession
    spark = SparkSession.builder.master(a.master).appName("tillit-score").config("spark.ui.enabled", "false").getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    sc = spark.sparkContext
    records = sc.parallelize(docs, max(1, min(a.partitions, len(docs)))).map(record)
    scored = records.pipe(f"{tillit} score --input jsonl --format jsonl --unit document --jobs 1 --quiet -")
    scored.filter(lambda line: line.strip()).saveAsTextFile(a.out_dir)
    print(f"score_corpus.py: {len(docs)} documents scored on {a.master} -> {a.out_dir}/part-*")
    spark.stop()


if __name__ == "__main__":
    main()
