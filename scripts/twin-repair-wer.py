#!/usr/bin/env python3
"""Word error rate of `tillit repair` on the OCR-like twin of a clean text, against the text.

Usage: scripts/twin-repair-wer.py CLEAN TWIN [LINES] [TILLIT]

CLEAN is a clean text (the distinct corpus of ../shared/corpus, unpacked), TWIN its OCR-like
twin (../shared/bench/make-ocrlike.py CLEAN TWIN), which keeps its lines. The first LINES
lines (default 4000) of TWIN are repaired with TILLIT (default .build/release/tillit) and
aligned word by word with the same lines of CLEAN, line by line; the words of CLEAN that
differ count as errors, as `shared/tools/wer.py` counts them (substitutions, insertions and
deletions of the alignment). Prints the words, the errors and the rate, before and after.
"""
import difflib, os, subprocess, sys, tempfile


def errors(gold_lines, hyp_lines):
    words = errs = 0
    for g, h in zip(gold_lines, hyp_lines):
        gw, hw = g.split(), h.split()
        words += len(gw)
        sm = difflib.SequenceMatcher(None, gw, hw, autojunk=False)
        errs += sum(max(i2 - i1, j2 - j1) for tag, i1, i2, j1, j2 in sm.get_opcodes() if tag != "equal")
    return words, errs


def main():
    args = sys.argv[1:]
    if len(args) < 2:
        sys.exit(__doc__)
    clean, twin = args[0], args[1]
    lines = int(args[2]) if len(args) > 2 else 4000
    tillit = args[3] if len(args) > 3 else ".build/release/tillit"
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
    for name, hyp in (("before", ocr), ("after", repaired)):
        w, e = errors(gold, hyp)
        print(f"{name:7s} {w:8d} words {e:7d} errors {100 * e / max(w, 1):6.2f}%")


if __name__ == "__main__":
    main()
