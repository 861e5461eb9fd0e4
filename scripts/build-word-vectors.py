#!/usr/bin/env python3
"""Builds Lexicons/word-vectors.tsv: distributional word vectors learned from in-domain text.

Usage: scripts/build-word-vectors.py CORPUS.txt[.gz] [OUT] [--words 40000] [--dims 64]

Method (count-based vectors, as in Levy, Goldberg & Dagan 2015):
- words: lowercased runs of letters (hyphenated compounds kept whole), one line a context;
- the `--words` commonest words seen at least 5 times form the vocabulary, the 10,000
  commonest are the contexts;
- co-occurrence within 4 words on either side, weighted 1/distance;
- positive PMI with context-distribution smoothing (alpha 0.75);
- truncated SVD to `--dims` dimensions, word vectors U * sqrt(S), scaled to unit length;
- each component stored as a signed byte (value * 254, clipped to ±127).

The label model averages a passage's word vectors (weighted a/(a + p(word)), a = 1e-4, the
smooth inverse frequency weighting of Arora, Liang & Ma 2017), so words it never saw in coded
passages still count through their neighbours (tillsyn beside kontroll, granskning beside
uppföljning). Only the vectors and counts are committed, never the text.

Needs numpy and scipy. Deterministic for the same corpus (svds starts from a fixed vector).
"""
import argparse, base64, collections, gzip, re, sys
import numpy as np
import scipy.sparse as sp
from scipy.sparse.linalg import svds

ap = argparse.ArgumentParser()
ap.add_argument("corpus")
ap.add_argument("out", nargs="?", default="Lexicons/word-vectors.tsv")
ap.add_argument("--words", type=int, default=40000)
ap.add_argument("--dims", type=int, default=64)
a = ap.parse_args()
CONTEXTS, WINDOW = 10000, 4
word = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
opener = gzip.open if a.corpus.endswith(".gz") else open
with opener(a.corpus, "rt", encoding="utf-8") as f:
    lines = [word.findall(l.lower()) for l in f]
count = collections.Counter(w for l in lines for w in l)
vocab = [w for w, c in sorted(count.items(), key=lambda x: (-x[1], x[0]))[: a.words] if c >= 5]
index = {w: i for i, w in enumerate(vocab)}
n = len(vocab)
M = sp.csr_matrix((n, CONTEXTS))
rows, cols, vals = [], [], []
def flush():
    global M, rows, cols, vals
    if rows:
        M = M + sp.csr_matrix((np.concatenate(vals), (np.concatenate(rows), np.concatenate(cols))), shape=(n, CONTEXTS))
    rows, cols, vals = [], [], []
for li, l in enumerate(lines):
    ids = np.array([index.get(w, -1) for w in l], dtype=np.int64)
    for d in range(1, WINDOW + 1):
        if len(ids) <= d:
            break
        for x, y in ((ids[:-d], ids[d:]), (ids[d:], ids[:-d])):
            m = (x >= 0) & (y >= 0) & (y < CONTEXTS)
            if m.any():
                rows.append(x[m]); cols.append(y[m]); vals.append(np.full(int(m.sum()), 1.0 / d))
    if li % 20000 == 0:
        flush()
flush()
M = M.tocoo()
total = M.sum()
rsum = np.asarray(M.sum(1)).ravel()
csum = np.asarray(M.sum(0)).ravel() ** 0.75
csum /= csum.sum()
pmi = np.log(M.data / total) - np.log(rsum[M.row] / total) - np.log(csum[M.col])
keep = pmi > 0
P = sp.csr_matrix((pmi[keep], (M.row[keep], M.col[keep])), shape=M.shape)
U, S, _ = svds(P, k=a.dims, v0=np.full(min(P.shape), 1.0 / np.sqrt(min(P.shape))))
order = np.argsort(-S)
V = U[:, order] * np.sqrt(S[order])
V /= np.linalg.norm(V, axis=1, keepdims=True) + 1e-12
Q = np.clip(np.round(V * 254), -127, 127).astype(np.int8)
tokens = sum(count.values())
with open(a.out, "w", encoding="utf-8") as out:
    out.write("# tillit word vectors: word, corpus count, base64 of signed bytes (component * 254)\n")
    out.write(f"# built by scripts/build-word-vectors.py from {a.corpus.split('/')[-1]}: {tokens} words, {n} in the vocabulary\n")
    out.write(f"dims\t{a.dims}\ntokens\t{tokens}\n")
    for i, w in enumerate(vocab):
        out.write(f"{w}\t{count[w]}\t{base64.b64encode(Q[i].tobytes()).decode()}\n")
print(f"{a.out}: {n} words x {a.dims} dims from {tokens} words", file=sys.stderr)
