#!/usr/bin/env python3
"""Loads tillit's csv and jsonl score output with pandas and checks what a researcher relies on.

    load_pandas.py OUT.csv OUT.jsonl SOURCE_DIR

Both tables have the same columns' values for every row, as many rows as the jsonl file
has lines, and each row's char_offset/char_length (Unicode scalars) slices its `text` out
of the source file as Python reads it; offset/length do the same on the file's bytes.
"""
import json, os, sys
import pandas as pd

csv_path, jsonl_path, root = sys.argv[1:]
lines = [json.loads(l) for l in open(jsonl_path, encoding="utf-8")]
c = pd.read_csv(csv_path, keep_default_na=False, dtype={"text": str, "id": str})
j = pd.read_json(jsonl_path, lines=True, dtype={"id": str})
assert len(c) == len(lines) == len(j), f"rows: csv {len(c)}, jsonl {len(j)}, lines {len(lines)}"
for col in ["id", "unit", "index", "kind", "offset", "length", "char_offset", "char_length", "tokens", "label", "probability", "text", "status"]:
    assert col in c.columns, f"csv lacks column {col}: {list(c.columns)}"
for col in ["id", "index", "offset", "length", "char_offset", "char_length", "label", "text"]:
    assert col in j.columns, f"jsonl lacks column {col}: {list(j.columns)}"
assert (c["id"] == j["id"]).all() and (c["label"] == j["label"]).all() and (c["tokens"] == j["tokens"]).all(), "csv and jsonl rows differ"
assert (c["char_offset"] == j["char_offset"]).all(), "csv and jsonl offsets differ"
texts, raws = {}, {}
multibyte = 0
for r in c.itertuples():
    if r.id not in texts:
        raw = open(os.path.join(root, r.id) if not os.path.isabs(r.id) and not os.path.exists(r.id) else r.id, "rb").read()
        raws[r.id] = raw
        texts[r.id] = raw.decode("utf-8")
    got = texts[r.id][r.char_offset:r.char_offset + r.char_length]
    assert got == r.text, f"{r.id} #{r.index}: chars {r.char_offset}+{r.char_length} slice {got[:60]!r}, text is {r.text[:60]!r}"
    got_bytes = raws[r.id][r.offset:r.offset + r.length].decode("utf-8")
    assert got_bytes == r.text, f"{r.id} #{r.index}: bytes {r.offset}+{r.length} slice {got_bytes[:60]!r}"
    multibyte += r.offset != r.char_offset
assert multibyte > 0, "no row where byte and char offsets differ: the check proves nothing"
print(f"pandas: ok ({len(c)} rows, {len(c.columns)} csv columns, {len(j.columns)} jsonl columns; char offsets slice the text in {len(c)} rows, {multibyte} past multi-byte letters)")
