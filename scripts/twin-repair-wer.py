#!/usr/bin/env python3
"""Word error rate of `tillit repair` on the OCR-like twin of a clean text, against the text.

Usage: scripts/twin-repair-wer.py SHARED_DIR CLEAN TWIN [LINES] [TILLIT]

CLEAN is a clean text (the distinct corpus of SHARED_DIR/corpus, unpacked), TWIN its OCR-like
twin (SHARED_DIR/bench/make-ocrlike.py CLEAN TWIN), which keeps its lines. The first LINES
lines (default 4000) of TWIN are repaired with TILLIT (default .build/release/tillit) and
compared with the same lines of CLEAN, line by line, by the word error rate of
SHARED_DIR/tools/wer.py (its `words` and `distance`). Prints the words, the errors and the
rate, before and after repair.
"""
import os, subprocess, sys, tempfile


def main():
    args = sys.argv[1:]
    if len(args) < 3:
        sys.exit(__doc__)
    shared, clean, twin = args[0], args[1], args[2]
    lines = int(args[3]) if len(args) > 3 else 4000
    tillit = args[4] if len(args) > 4 else ".build/release/tillit"
    # the project's word error rate definition, from shared/tools/wer.py itself
    sys.path.insert(0, os.path.join(shared, "tools"))
    from wer import words, distance
    with open(clean, encoding="utf-8", errors="replace") as f:
        gold = [next(f, "").rstrip("\n") for _ in range(lines)]
    with open(twin, encoding="utf-8", errors="replace") as f:
        ocr = [next(f, "").rstrip("\n") for _ in range(lines)]
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False, encoding="utf-8") as t:
        t.write("\n".join(ocr) + "\n")
    try:
        out = subprocess.run([tillit, "repair", t.name], capture_output=True, text=True, check=True).stdout
    finally:
        os.unlink(t.name)
    repaired = out.split("\n")[:lines]
    if len(repaired) < len(ocr):
        sys.exit("twin-repair-wer: repair returned fewer lines than it was given")
    total = sum(len(words(g)) for g in gold)
    for name, hyp in (("before", ocr), ("after", repaired)):
        errors = sum(distance(words(g), words(h)) for g, h in zip(gold, hyp))
        print(f"{name:7s} {total:8d} words {errors:7d} errors {100 * errors / max(total, 1):6.2f}%")


if __name__ == "__main__":
    main()
