#!/usr/bin/env python3
"""Extracts Swedish prose from installed Debian documentation packages, one sentence per
line, for the context model of the repair lexicon (scripts/build-repair-lexicon.py
--prose FILE).

Usage: scripts/extract-debian-prose.py OUT_FILE

Needs (apt-get install): gimp-help-sv libreoffice-help-sv gnome-user-docs
debian-edu-doc-legacy-sv. Licences: Lexicons/README.md. Only sentences are kept that look
like running Swedish text: at least 5 words, mostly letters, at least one common Swedish
function word, no markup or code left over; exact duplicates are dropped.
"""
import glob, html, re, sys

SOURCES = [
    ("gimp-help-sv", "/usr/share/gimp/2.0/help/sv/**/*.html"),
    ("libreoffice-help-sv", "/usr/share/libreoffice/help/sv/**/*.html"),
    ("gnome-user-docs", "/usr/share/help/sv/**/*.page"),
    ("debian-edu-doc-legacy-sv", "/usr/share/doc/debian-edu-doc-legacy-sv/*.html"),
]
FUNCTION = {"och", "att", "det", "som", "en", "är", "på", "för", "med", "av", "till", "den", "har", "inte", "om", "kan", "du", "i"}
TAG = re.compile(r"<[^>]*>")
BLOCK = re.compile(r"</?(p|para|li|td|th|h[1-6]|div|br|title|item|section|dt|dd|table|tr|note|code|pre|screen)\b[^>]*>", re.I)
DROP = re.compile(r"<(script|style|code|pre|screen|cmd|input|output|key|gui|sys|var)\b[^>]*>.*?</\1>", re.I | re.S)
SENT = re.compile(r"(?<=[.!?])\s+(?=[A-ZÅÄÖ])")
WORD = re.compile(r"[A-Za-zÅÄÖåäöÉé]+")


def sentences(text):
    text = DROP.sub(" ", text)
    text = BLOCK.sub("\n", text)
    text = html.unescape(TAG.sub(" ", text))
    for block in text.split("\n"):
        block = " ".join(block.split())
        for s in SENT.split(block):
            words = s.split()
            if len(words) < 5:
                continue
            letters = WORD.findall(s)
            if len(letters) < 0.8 * len(words):
                continue
            if not any(w.lower() in FUNCTION for w in letters):
                continue
            if any(c in s for c in "{}<>=_\\|"):
                continue
            yield s


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    seen = set()
    with open(sys.argv[1], "w", encoding="utf-8") as out:
        for name, pattern in SOURCES:
            n = 0
            for path in sorted(glob.glob(pattern, recursive=True)):
                try:
                    text = open(path, encoding="utf-8").read()
                except (OSError, UnicodeDecodeError):
                    continue
                for s in sentences(text):
                    if s not in seen:
                        seen.add(s)
                        out.write(s + "\n")
                        n += 1
            print(f"{name}: {n} sentences", file=sys.stderr)


if __name__ == "__main__":
    main()
