#!/usr/bin/env python3
"""Writes the second-coder passages as a gold-format TSV, their text cut from the shared corpus.

Usage: scripts/silver-passages.py SHARED [CODES] OUT.tsv

CODES (default Lexicons/silver-codes.tsv) holds, per passage, only where it lies in
shared/corpus/riksdag-sfs-distinct.txt.gz (byte offset and length in the decompressed text),
a hash of its bytes, its label and how it was coded: the text itself is never committed.
Each passage is a paragraph of a Riksdag interpellation (one line of the corpus), coded under
shared/gold/CODEBOOK.md by two independent coders who were first checked against coded dev
passages (docs/EVALUATION.md); only passages both coded alike are listed. The output has the
columns id, label, dims, source, text of the gold files, one source group per passage, and is
read by `tillit train --gold` and `tillit validate --cv K --train-also`.
"""
import gzip, hashlib, sys

args = sys.argv[1:]
if len(args) not in (2, 3):
    sys.exit(__doc__)
shared, out = args[0], args[-1]
codes = args[1] if len(args) == 3 else "Lexicons/silver-codes.tsv"
with gzip.open(f"{shared}/corpus/riksdag-sfs-distinct.txt.gz", "rb") as f:
    corpus = f.read()
rows = [l.rstrip("\n").split("\t") for l in open(codes, encoding="utf-8") if not l.startswith("#")]
header, rows = rows[0], rows[1:]
col = {name: i for i, name in enumerate(header)}
with open(out, "w", encoding="utf-8") as w:
    w.write("id\tlabel\tdims\tsource\ttext\n")
    for r in rows:
        o, n = int(r[col["offset"]]), int(r[col["length"]])
        b = corpus[o:o + n]
        if hashlib.sha1(b).hexdigest()[:12] != r[col["sha1"]]:
            sys.exit(f"silver-passages: {r[col['id']]}: the corpus bytes at {o}+{n} are not the coded passage (another corpus version?)")
        text = b.decode("utf-8").replace("\t", " ").strip()
        w.write(f"{r[col['id']]}\t{r[col['label']]}\t\tsilver:{r[col['id']]}\t{text}\n")
print(f"silver-passages: wrote {len(rows)} passages to {out}", file=sys.stderr)
