#!/usr/bin/env python3
"""Real-OCR twins of the dev passages, for the scorer's OCR-robustness figure.

  scripts/ocr-passages.py SHARED_DIR OUT.tsv

Passages from seeds 000, 001 and 004 are clean text, and `SHARED/ocr/dev` holds a real OCR
reading of those seeds (`seed-NNN-K.eng.txt`, English-model OCR) beside their clean text
(`seed-NNN-K.gold.txt`). Each such passage is located in the clean text (as a word
sequence), the clean words are aligned with the OCR words (difflib, as in
build-repair-lexicon.py), and the passage's text is replaced by the OCR words that the
alignment maps it to. Passages from seeds 002 and 003 are OCR text already and are copied
as they are, so OUT.tsv is the whole dev set as it reads after real OCR.

Nothing here is fitted: the script only cuts the OCR twins out of files in SHARED. It
prints, on stderr, how many passages were replaced and the word error rate of the replaced
ones against their clean text (tools/wer.py's words and distance).

Then:  tillit validate --gold OUT.tsv        (scores the OCR twins, --repair auto)
"""
import difflib
import os
import re
import sys


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    shared, out_path = sys.argv[1], sys.argv[2]
    # the project's word error rate definition, from shared/tools/wer.py itself
    sys.path.insert(0, os.path.join(shared, "tools"))
    from wer import words, distance
    dev = os.path.join(shared, "ocr", "dev")
    gold_path = os.path.join(shared, "gold", "passages-dev.tsv")

    # per seed: the clean words and, for each clean word position, its OCR word span
    seeds = {}
    for name in sorted(os.listdir(dev)):
        m = re.match(r"seed-(\d{3})-\d+\.gold\.txt$", name)
        if not m:
            continue
        stem = name[: -len(".gold.txt")]
        g = words(open(os.path.join(dev, name), encoding="utf-8").read())
        e = words(open(os.path.join(dev, stem + ".eng.txt"), encoding="utf-8").read())
        seed = seeds.setdefault(m.group(1), {"gold": [], "eng": [], "map": []})
        base_e = len(seed["eng"])
        mapping = [None] * len(g)
        for op, a0, a1, b0, b1 in difflib.SequenceMatcher(a=g, b=e, autojunk=False).get_opcodes():
            if op == "equal" or (op == "replace" and a1 - a0 == b1 - b0):
                for k in range(a1 - a0):
                    mapping[a0 + k] = (base_e + b0 + k, base_e + b0 + k + 1)
            elif op == "replace":
                for k in range(a0, a1):
                    mapping[k] = (base_e + b0, base_e + b1)   # an uneven block maps as a whole
            elif op == "delete":
                for k in range(a0, a1):
                    mapping[k] = (base_e + b0, base_e + b0)   # lost in OCR
        seed["gold"] += g
        seed["eng"] += e
        seed["map"] += mapping

    # plain tab-separated lines (no CSV quoting: passages contain quotation marks)
    lines = open(gold_path, encoding="utf-8").read().splitlines()
    header = lines[0].split("\t")
    rows = [dict(zip(header, line.split("\t"))) for line in lines[1:] if line.strip()]
    replaced, errors, total, missing = 0, 0, 0, []
    for r in rows:
        m = re.match(r"seed (\d{3})_", r.get("source", ""))
        if not m or m.group(1) not in seeds:
            continue
        seed = seeds[m.group(1)]
        pw = r["text"].split()
        n = len(pw)
        start = next((i for i in range(len(seed["gold"]) - n + 1) if seed["gold"][i:i + n] == pw), None)
        if start is None:
            missing.append(r["id"])
            continue
        spans = [s for s in seed["map"][start:start + n] if s is not None]
        lo = min(s[0] for s in spans)
        hi = max(s[1] for s in spans)
        ocr = seed["eng"][lo:hi]
        errors += distance(pw, ocr)
        total += n
        r["text"] = " ".join(ocr)
        replaced += 1

    with open(out_path, "w", encoding="utf-8") as f:
        f.write("\t".join(header) + "\n")
        for r in rows:
            f.write("\t".join(r.get(h, "") for h in header) + "\n")
    print(f"{out_path}: {len(rows)} passages, {replaced} replaced by their real OCR twin "
          f"(word error rate {100 * errors / max(total, 1):.1f}% over {total} words), "
          f"{len(rows) - replaced - len(missing)} already OCR text"
          + (f", not found in the OCR'd seeds: {','.join(missing)}" if missing else ""), file=sys.stderr)


if __name__ == "__main__":
    main()
