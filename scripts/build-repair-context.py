#!/usr/bin/env python3
"""Builds Lexicons/repair-context-sv.txt: in-domain context counts for the word forms whose
å/ä/ö-stripped spelling several frequent forms share (har/här, var/vår, ar/är/år, …).

Usage: scripts/build-repair-context.py SHARED_DIR OUT_FILE [--min-pair N] [--min-triple N] [--hold-out FILE,FILE,...]

Source: SHARED_DIR/corpus/riksdag-sfs-distinct.txt.gz (Riksdag interpellations and Swedish
statutes, one paragraph a line). Every line that shares a sentence of 30 characters or more
with a gold text of SHARED_DIR/ocr/riksdag-dev, SHARED_DIR/corpus/riksdag-dev or
SHARED_DIR/ocr/dev is dropped, so `tillit eval repair` on those sets stays out of sample.
Only counts are written, never text.

Tokens follow tillit's decision loop (Repairer.decide): the left context of a word is the
previous word or number (`<num>`), skipping punctuation other than . ! ? : ; which give
`<s>` (as a line start does); the right context is the next token: a word, `<num>`, or
`</s>` for any punctuation and the line end.

Output lines (tab-separated):
  m WORDS MARKED        word tokens of two bytes or more, and how many of them hold å/ä/ö
                        (the share clean text has: repair weighs a word's loss of its
                        å/ä/ö against how far a text's own share falls short of it)
  u FORM COUNT          corpus count of a candidate form
  l PREV FORM COUNT     PREV stood before FORM COUNT times
  r FORM NEXT COUNT     NEXT stood after FORM COUNT times
  t PREV2 PREV FORM COUNT   PREV2 PREV stood before FORM COUNT times (PREV a word or `<num>`;
                        PREV2 the context before PREV, as PREV's own left context is read)
  q FORM NEXT NEXT2 COUNT   NEXT NEXT2 stood after FORM COUNT times (NEXT a word; NEXT2 a
                        word, `<num>` or `</s>`)
  o FORM PERIOD COMMA   a word that opens sentences: how often FORM, capitalised (`Det`), stood
                        after a word that ends in `.` and after one that ends in `,`; kept
                        when PERIOD + 1 >= 10 (COMMA + 1). With the rate at which OCR writes
                        `,` for a sentence's `.` (Lexicons/ocr-channel-sv.txt, `s` line), the
                        repairer reads a `,` before such a word as the `.` OCR misread
  v FORM COUNT          a word seen at least twice that has å/ä/ö and a stripped spelling no
                        form of Lexicons/repair-sv.txt has (in-domain compounds and names such
                        as `tidöpartiernas`, `exportkreditnämnden`), or that the lexicon has
                        only from a word list (count 1: `bestämmelsernas`, `riktvärdena`)
                        where no form it has from running text shares the stripped spelling;
                        COUNT is scaled to the lexicon's counts per 10^8 words. A word is left
                        out when one learned OCR rewrite that changes the length (`m` for `rn`,
                        Lexicons/ocr-channel-sv.txt) turns it
                        into a word whose corpus count times the rewrite's rate reaches its own
                        (`frågoma`: `frågorna` with `m` for `rn`)
A form is a candidate when its stripped spelling is shared with another form and the
second most frequent form of that spelling has a count of at least 5 and at least 0.5% of
the first. Pairs seen fewer than --min-pair times (default 2) are left out, and triples (t, q) seen
fewer than --min-triple times (default 3: with 2 they are twice as many and read the dev
sets the same to the word). --hold-out
names more text files whose sentences are dropped from the corpus (a validation fold).
"""
import collections, glob, gzip, os, re, sys, unicodedata

TOKEN = re.compile(r"[A-Za-zÅÄÖåäöÉéÜü]+|\d+(?:[.,]\d+)*|[^\sA-Za-zÅÄÖåäöÉéÜü\d]")
SENTENCE_END = set(".!?:;")
EDGE = re.compile(r"^[^\wÅÄÖåäö]+|[^\wÅÄÖåäö]+$")
OPENER_RATIO = 10
MARKED = re.compile("[åäöÅÄÖ]")


def strip(w):
    return w.replace("å", "a").replace("ä", "a").replace("ö", "o")


def sentences(text):
    return [" ".join(s.split()) for s in re.split(r"(?<=[.!?])\s+", text) if len(s.strip()) >= 30]


def main():
    args = sys.argv[1:]
    min_pair = 2
    min_triple = 3
    hold = []
    while len(args) > 2 and args[-2] in ("--min-pair", "--min-triple", "--hold-out"):
        if args[-2] == "--min-pair":
            min_pair = int(args[-1])
        elif args[-2] == "--min-triple":
            min_triple = int(args[-1])
        else:
            hold.extend(n for n in args[-1].split(",") if n)
        args = args[:-2]
    if len(args) != 2:
        sys.exit(__doc__)
    shared, out_path = args
    held = set()
    for f in glob.glob(os.path.join(shared, "ocr", "riksdag-dev", "*.gold.txt")) + glob.glob(os.path.join(shared, "ocr", "dev", "*.gold.txt")) \
            + glob.glob(os.path.join(shared, "corpus", "riksdag-dev", "*.txt")):
        held.update(sentences(unicodedata.normalize("NFC", open(f, encoding="utf-8").read())))
    for f in hold:
        held.update(sentences(open(f, encoding="utf-8").read()))
    lines = []
    dropped = 0
    with gzip.open(os.path.join(shared, "corpus", "riksdag-sfs-distinct.txt.gz"), "rt", encoding="utf-8") as fh:
        for line in fh:
            line = unicodedata.normalize("NFC", line)
            if any(s in held for s in sentences(line)):
                dropped += 1
                continue
            lines.append(line)
    print(f"{len(lines)} lines kept, {dropped} dropped (shared a sentence with a dev gold text)", file=sys.stderr)

    def streams():
        for line in lines:
            toks = TOKEN.findall(line)
            yield toks

    # capitalised words after a word that ends in `.` and after one that ends in `,`
    opener_period, opener_comma = collections.Counter(), collections.Counter()
    for line in lines:
        ws = line.split()
        for a, b in zip(ws, ws[1:]):
            core = EDGE.sub("", b)
            if len(core) >= 2 and core[0].isupper() and core[1].islower():
                if a.endswith("."):
                    opener_period[core.lower()] += 1
                elif a.endswith(","):
                    opener_comma[core.lower()] += 1
    openers = sorted(w for w, c in opener_period.items()
                     if c + 1 >= OPENER_RATIO * (opener_comma[w] + 1) and re.fullmatch(r"[a-zåäöéü]+", w) and len(w) <= 48)

    uni = collections.Counter()
    words = marked = 0
    for toks in streams():
        for t in toks:
            if t[0].isalpha():
                uni[t.lower()] += 1
                if len(t.encode("utf-8")) >= 2:
                    words += 1
                    marked += bool(MARKED.search(t))
    groups = collections.defaultdict(list)
    for w, c in uni.items():
        if re.fullmatch(r"[a-zåäöéü]+", w):
            groups[strip(w)].append((c, w))
    cand = set()
    for k, fs in groups.items():
        if len(fs) < 2:
            continue
        fs.sort(reverse=True)
        if fs[1][0] >= 5 and fs[1][0] >= 0.005 * fs[0][0]:
            cand.update(w for c, w in fs if c >= 5)
    print(f"{len(cand)} candidate forms in {sum(1 for k, fs in groups.items() if any(w in cand for c, w in fs))} spellings", file=sys.stderr)

    def context(toks, i):
        if i >= len(toks):
            return "</s>"
        x = toks[i]
        return x.lower() if x[0].isalpha() else ("<num>" if x[0].isdigit() else "</s>")

    left, right = collections.Counter(), collections.Counter()
    left2, right2 = collections.Counter(), collections.Counter()
    for toks in streams():
        prev = prev2 = "<s>"
        n = len(toks)
        for i, t in enumerate(toks):
            c0 = t[0]
            if c0.isalpha():
                w = t.lower()
                if w in cand:
                    left[(prev, w)] += 1
                    if prev != "<s>":
                        left2[(prev2, prev, w)] += 1
                    nxt = context(toks, i + 1)
                    right[(w, nxt)] += 1
                    if toks[i + 1:i + 2] and toks[i + 1][0].isalpha():
                        right2[(w, nxt, context(toks, i + 2))] += 1
                prev2, prev = prev, w
            elif c0.isdigit():
                prev2, prev = prev, "<num>"
            elif c0 in SENTENCE_END:
                prev2, prev = prev, "<s>"
    lexicon = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "Lexicons", "repair-sv.txt")
    skeletons = set()
    listed = set()
    counted = set()   # spellings that a form seen in running text (count > 1) has
    for l in open(lexicon, encoding="utf-8"):
        if l.startswith("w\t"):
            f = l.rstrip("\n").split("\t")
            skeletons.add(strip(f[1]))
            if int(f[2]) <= 1:
                listed.add(f[1])
            else:
                counted.add(strip(f[1]))
    # a word-list form takes its in-domain count only where no counted form shares its
    # spelling: the two counts are on different scales (`huvudmännens` 325 in-domain against
    # `huvudmannens` 5 in the lexicon would turn the singular into the plural)
    listed = {w for w in listed if strip(w) not in counted}
    total = sum(uni.values())
    vocab = sorted(w for w, c in uni.items() if c >= 2 and re.fullmatch(r"[a-zåäöéü]+", w) and len(w) <= 48
                   and ((re.search("[åäö]", w) and strip(w) not in skeletons) or w in listed))
    # an in-domain word that OCR of a commoner word explains is dropped: the corpus holds old
    # scanned interpellations, whose `frågoma` is `frågorna` read with `m` for `rn`. A word
    # goes when one learned OCR rewrite that changes the length (Lexicons/ocr-channel-sv.txt)
    # turns it into a word whose corpus count times the rewrite's rate reaches its own count
    channel = []
    for l in open(os.path.join(os.path.dirname(lexicon), "ocr-channel-sv.txt"), encoding="utf-8"):
        f = l.rstrip("\n").split("\t")
        # (only rewrites that change the length, `m` for `rn`, `ii` for `ä`: a letter for a
        # letter, `i` for `ä`, would take real words such as `sinkas` for `sänkas`)
        if len(f) == 5 and f[0] == "r" and len(f[1]) != len(f[2]):
            channel.append((f[1], f[2], int(f[3]) / int(f[4])))

    def explained(w):
        c = uni[w]
        for o, g, rate in channel:
            i = w.find(o)
            while i >= 0:
                if uni.get(w[:i] + g + w[i + len(o):], 0) * rate >= c:
                    return True
                i = w.find(o, i + 1)
        return False
    junk = {w for w in vocab if explained(w)}
    vocab = [w for w in vocab if w not in junk]
    print(f"{len(junk)} in-domain words dropped as OCR of commoner ones", file=sys.stderr)
    out = [f"m\t{words}\t{marked}"]
    for w in vocab:
        out.append(f"v\t{w}\t{max(1, round(uni[w] * 1e8 / total))}")
    for w in sorted(cand):
        out.append(f"u\t{w}\t{uni[w]}")
    for w in openers:
        out.append(f"o\t{w}\t{opener_period[w]}\t{opener_comma[w]}")
    for (a, w), c in sorted(left.items()):
        if c >= min_pair:
            out.append(f"l\t{a}\t{w}\t{c}")
    for (w, b), c in sorted(right.items()):
        if c >= min_pair:
            out.append(f"r\t{w}\t{b}\t{c}")
    for (a, b, w), c in sorted(left2.items()):
        if c >= min_triple:
            out.append(f"t\t{a}\t{b}\t{w}\t{c}")
    for (w, a, b), c in sorted(right2.items()):
        if c >= min_triple:
            out.append(f"q\t{w}\t{a}\t{b}\t{c}")
    with open(out_path, "w", encoding="utf-8") as f:
        f.write("# In-domain context counts for ambiguous word forms; generated by scripts/build-repair-context.py\n")
        f.write("# from shared/corpus/riksdag-sfs-distinct.txt.gz (Riksdag interpellations: Riksdag open data; Swedish statutes: se-lex/sfs, MIT).\n")
        f.write("\n".join(out) + "\n")
    print(f"{len(vocab)} new words, {sum(1 for x in out if x[0] == 'l')} left, {sum(1 for x in out if x[0] == 'r')} right pairs, {sum(1 for x in out if x[0] == 't')} left and {sum(1 for x in out if x[0] == 'q')} right triples, {len(openers)} sentence openers", file=sys.stderr)


if __name__ == "__main__":
    main()
