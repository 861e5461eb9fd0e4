#!/usr/bin/env python3
"""Writes a repair evaluation set of clean text: for each SRC_DIR/NAME.txt, OUT_DIR/NAME.gold.txt
(the text) and OUT_DIR/NAME.stripped.txt (the text with å/ä → a and ö → o, capitals too, as
the stripped inputs of shared/ocr are made), for `tillit eval repair OUT_DIR --inputs stripped`.

Usage: scripts/stripped-set.py SRC_DIR OUT_DIR

With SRC_DIR = ../shared/corpus/riksdag-dev (300 interpellations that the in-domain counts
leave out) this is the set the weights of the in-domain model's two-word context were chosen
on (docs/EVALUATION.md, "Two words of context"). The files stay outside the repository.
"""
import glob, os, sys, unicodedata

FLAT = str.maketrans("åäöÅÄÖ", "aaoAAO")


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    src, out = sys.argv[1:]
    names = sorted(glob.glob(os.path.join(src, "*.txt")))
    if not names:
        sys.exit(f"stripped-set.py: no .txt files in {src}")
    os.makedirs(out, exist_ok=True)
    words = 0
    for path in names:
        text = unicodedata.normalize("NFC", open(path, encoding="utf-8").read())
        stem = os.path.basename(path)[:-4]
        with open(os.path.join(out, stem + ".gold.txt"), "w", encoding="utf-8") as f:
            f.write(text)
        with open(os.path.join(out, stem + ".stripped.txt"), "w", encoding="utf-8") as f:
            f.write(text.translate(FLAT))
        words += len(text.split())
    print(f"{len(names)} documents, {words} words -> {out}", file=sys.stderr)


if __name__ == "__main__":
    main()
