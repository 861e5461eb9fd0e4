#!/usr/bin/env python3
"""Builds Lexicons/ocr-channel-sv.txt: OCR rewrites learned from real English-model OCR.

Usage: scripts/build-ocr-channel.py SHARED_DIR OUT_FILE [--hold-out NAME,NAME,...] [--sets dev,riksdag]

Each line of the output is one rewrite that OCR made of a stretch of letters, learned from
word pairs of real OCR and its gold transcription:

  r OCR GOLD COUNT SEEN     OCR wrote OCR where the text has GOLD (`m` for `rn`, `ii` for `ä`),
                            COUNT times in the aligned words; GOLD occurs SEEN times in their gold

  p OCR GOLD COUNT SEEN     a punctuation glyph standing alone: OCR wrote OCR where the text
                            has GOLD (`—` for a spaced `–`) COUNT of the SEEN times OCR wrote
                            it; kept when COUNT >= 5 and COUNT >= 0.9 * SEEN

  s , . COUNT SEEN          OCR wrote `,` at the end of a word where the text has the `.` that
                            ends a sentence (before a capitalised word) COUNT of SEEN times

  d  GOLD COUNT SEEN         OCR dropped the letter GOLD (the OCR side is empty) COUNT times of
                            the SEEN times GOLD occurs in the gold words; kept when COUNT >= 2

  e * * COUNT SEEN          one-letter edits (a letter misread, dropped or added) that were
                            seen once: COUNT of them in SEEN gold letters. By Good and Turing
                            this estimates how likely a letter is to suffer an edit never seen
                            before, the mass the repairer spreads over the unseen one-letter
                            edits of a word that no other reading reaches

so P(OCR | GOLD) = COUNT / SEEN for `r` and `s` lines and P(GOLD | OCR) for `p` lines. The repairer reads a word that no list holds through these
rewrites (at most two per word, each at its cost −ln P) and keeps the readings that reach a
lexicon form. Rewrites of one letter that its own character channel already reads (`a` for `ä`,
`6` for `ö`) are skipped when the lexicon is loaded.

Sources: ocr/dev/*.eng.txt against *.gold.txt (without the documents held out of every
repair source, talbanken-dev-030 … 039) and ocr/riksdag-dev/*.eng.txt against *.gold.txt.
--hold-out keeps more documents out (a validation fold); --sets picks the sets.
Only counts are written, never text.
"""
import collections, difflib, os, re, sys, unicodedata

HELD_OUT = {f"talbanken-dev-{i:03d}" for i in range(30, 40)}
MIN_COUNT = int(os.environ.get("MIN_COUNT", 2))
MAX_SIDE = int(os.environ.get("MAX_SIDE", 3))
EDGE = re.compile(r"^[^\wÅÄÖåäöÉé&|{}@£€]+|[^\wÅÄÖåäöÉé&|{}@£€]+$")


def words(text):
    text = unicodedata.normalize("NFC", text)
    text = re.sub(r"(\w)-\n(\w)", r"\1\2", text)
    return [EDGE.sub("", w).lower() for w in text.split()]


def segments(o, g):
    """Maximal runs of edits in a minimum-cost alignment of o to g, as (ocr, gold) pairs."""
    n, m = len(o), len(g)
    d = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(n + 1):
        d[i][0] = i
    for j in range(m + 1):
        d[0][j] = j
    for i in range(1, n + 1):
        for j in range(1, m + 1):
            d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (o[i - 1] != g[j - 1]))
    ops = []
    i, j = n, m
    while i > 0 or j > 0:
        if i > 0 and j > 0 and d[i][j] == d[i - 1][j - 1] + (o[i - 1] != g[j - 1]):
            ops.append((o[i - 1], g[j - 1]))
            i, j = i - 1, j - 1
        elif i > 0 and d[i][j] == d[i - 1][j] + 1:
            ops.append((o[i - 1], ""))
            i -= 1
        else:
            ops.append(("", g[j - 1]))
            j -= 1
    ops.reverse()
    out, cur_o, cur_g = [], "", ""
    for a, b in ops:
        if a == b:
            if cur_o or cur_g:
                out.append((cur_o, cur_g))
            cur_o = cur_g = ""
        else:
            cur_o += a
            cur_g += b
    if cur_o or cur_g:
        out.append((cur_o, cur_g))
    return out, d[n][m]


PUNCT_MIN_COUNT = 5
PUNCT_MIN_SHARE = 0.9


def glyph(token):
    """True for a whitespace token that is punctuation alone (no letter or digit)."""
    return not any(ch.isalnum() for ch in token)


def documents(directory, held_out):
    """(gold text, English-model OCR text) of every document of `directory` not held out."""
    for name in sorted(os.listdir(directory)):
        if not name.endswith(".gold.txt"):
            continue
        stem = name[: -len(".gold.txt")]
        if stem in held_out:
            continue
        ocr_path = os.path.join(directory, stem + ".eng.txt")
        if not os.path.exists(ocr_path):
            continue
        yield open(os.path.join(directory, name), encoding="utf-8").read(), open(ocr_path, encoding="utf-8", errors="replace").read()


def one_to_one(g, o):
    """Index pairs (i, j) of the items of `g` and `o` aligned one to one (equal, or replaced
    by as many), by difflib's alignment."""
    sm = difflib.SequenceMatcher(None, g, o, autojunk=False)
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        if tag == "equal" or (tag == "replace" and i2 - i1 == j2 - j1):
            for k in range(i2 - i1):
                yield i1 + k, j1 + k


def token_counts(directory, held_out, glyphs, glyph_seen, period):
    """Counts from the whitespace tokens of each document, aligned once: `glyph_seen[o]` the
    OCR tokens that are punctuation alone, `glyphs[(o, g)]` those aligned one to one with
    another punctuation token of the gold; `period` ["seen"] the gold words that end in `.`
    before a capitalised word and are aligned one to one, ["comma"] those OCR wrote with `,`."""
    for gold, ocr in documents(directory, held_out):
        g = unicodedata.normalize("NFC", gold).split()
        o = unicodedata.normalize("NFC", ocr).split()
        for ow in o:
            if glyph(ow):
                glyph_seen[ow] += 1
        for i, j in one_to_one(g, o):
            if glyph(o[j]) and g[i] != o[j] and glyph(g[i]):
                glyphs[(o[j], g[i])] += 1
            nxt = EDGE.sub("", g[i + 1]) if i + 1 < len(g) else ""
            if len(g[i]) > 1 and g[i].endswith(".") and nxt[:1].isupper():
                period["seen"] += 1
                period["comma"] += o[j].endswith(",")


def pairs(directory, held_out):
    for gold, ocr in documents(directory, held_out):
        g, o = words(gold), words(ocr)
        for i, j in one_to_one(g, o):
            yield g[i], o[j]


def main():
    args = sys.argv[1:]
    held_out = set(HELD_OUT)
    sets = ["dev", "riksdag"]
    while len(args) > 2 and args[-2] in ("--hold-out", "--sets"):
        if args[-2] == "--hold-out":
            held_out |= {n for n in args[-1].split(",") if n}
        else:
            sets = [s for s in args[-1].split(",") if s]
        args = args[:-2]
    if len(args) != 2:
        sys.exit(__doc__)
    shared, out_path = args
    dirs = {"dev": os.path.join(shared, "ocr", "dev"), "riksdag": os.path.join(shared, "ocr", "riksdag-dev")}
    rules = collections.Counter()
    edits = collections.Counter()   # every one-letter edit, letters dropped and added too
    gold_words = collections.Counter()
    letters = 0
    for s in sets:
        for gw, ow in pairs(dirs[s], held_out):
            if not gw or not re.search(r"[a-zåäö]", gw):
                continue
            gold_words[gw] += 1
            letters += len(gw)
            if gw == ow:
                continue
            segs, dist = segments(ow, gw)
            # a pair that differs in more than a third of its letters is a misalignment
            if dist > max(2, len(gw) // 3):
                continue
            for a, b in segs:
                if len(a) <= 1 and len(b) <= 1:
                    edits[(a, b)] += 1
                if len(a) <= MAX_SIDE and len(b) <= MAX_SIDE and b and re.fullmatch(r"[a-zåäöé]+", b):
                    rules[(a, b)] += 1
    kept = [(a, b, c) for (a, b), c in rules.items() if c >= MIN_COUNT and a]
    # how often each gold side occurs in the gold words (its chances to be misread or dropped)
    seen = {}

    def occurrences(b):
        if b not in seen:
            seen[b] = sum(c * w.count(b) for w, c in gold_words.items())
        return seen[b]
    glyphs, glyph_seen, period = collections.Counter(), collections.Counter(), collections.Counter()
    for s in sets:
        token_counts(dirs[s], held_out, glyphs, glyph_seen, period)
    period_seen, period_comma = period["seen"], period["comma"]
    with open(out_path, "w", encoding="utf-8") as out:
        out.write("# tillit OCR rewrites. Generated by scripts/build-ocr-channel.py; do not edit.\n")
        out.write(f"# Counts from real English-model OCR against gold: sets {','.join(sets)}, {sum(gold_words.values())} aligned words.\n")
        for a, b, c in sorted(kept, key=lambda r: (-r[2], r[0], r[1])):
            if occurrences(b) >= c:
                out.write(f"r\t{a}\t{b}\t{c}\t{occurrences(b)}\n")
        # letters OCR dropped, with how often each occurs in the gold words
        for (a, b), c in sorted(edits.items(), key=lambda r: (-r[1], r[0])):
            if not a and re.fullmatch(r"[a-zåäö]", b) and c >= MIN_COUNT:
                out.write(f"d\t\t{b}\t{c}\t{occurrences(b)}\n")
        # one-letter edits seen once (Good–Turing: the mass of the edits never seen)
        singletons = sum(1 for c in edits.values() if c == 1)
        if singletons > 0:
            out.write(f"e\t*\t*\t{singletons}\t{letters}\n")
        if period_comma >= PUNCT_MIN_COUNT:
            out.write(f"s\t,\t.\t{period_comma}\t{period_seen}\n")
        for (a, b), c in sorted(glyphs.items(), key=lambda r: (-r[1], r[0])):
            if c >= PUNCT_MIN_COUNT and c >= PUNCT_MIN_SHARE * glyph_seen[a]:
                out.write(f"p\t{a}\t{b}\t{c}\t{glyph_seen[a]}\n")


if __name__ == "__main__":
    main()
