#!/usr/bin/env python3
"""Leave-one-out estimate of the label rule's choice (README "Measured quality").

    tillit score --input jsonl --format jsonl PASSAGES.jsonl > scored.jsonl
    scripts/loo-label-rule.py GOLD.tsv scored.jsonl

For each passage, the rule's three thresholds are re-chosen on the other passages (grid
search for macro-F1, as f1.py computes it) and applied to the held-out passage. Prints the
macro-F1 of those predictions next to the in-sample figure of the standard rule. The
lexicon itself stays in-sample: this measures only how much choosing the rule overfits.
"""
import csv, itertools, json, sys

gold = {r["id"]: r["label"] for r in csv.DictReader(open(sys.argv[1], encoding="utf-8"), delimiter="\t")}
pred = {}
for line in open(sys.argv[2], encoding="utf-8"):
    o = json.loads(line)
    pred[str(o["id"])] = (o["k"], o["t"])
ids = sorted(gold)


def label(k, t, min_evidence, dominance, min_mixed):
    e = k + t
    if e < min_evidence:
        return "N"
    s = t / e
    if s >= dominance:
        return "T"
    if s <= 1 - dominance:
        return "K"
    if min(k, t) < min_mixed:
        return "T" if t >= k else "K"
    return "B"


def macro_f1(pairs):
    f1s = []
    for c in "KTBN":
        tp = sum(1 for g, p in pairs if g == c and p == c)
        fp = sum(1 for g, p in pairs if g != c and p == c)
        fn = sum(1 for g, p in pairs if g == c and p != c)
        prec = tp / (tp + fp) if tp + fp else 0
        rec = tp / (tp + fn) if tp + fn else 0
        f1s.append(2 * prec * rec / (prec + rec) if prec + rec else 0)
    return sum(f1s) / 4


grid = list(itertools.product([1, 1.5, 2, 2.5, 3], [0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9], [1, 1.5, 2, 3, 4]))
loo = []
for i in ids:
    rest = [j for j in ids if j != i]
    best = max(grid, key=lambda g: (macro_f1([(gold[j], label(*pred[j], *g)) for j in rest]), -abs(g[1] - 0.85)))
    loo.append((gold[i], label(*pred[i], *best)))
print(f"in-sample macro-F1 (standard rule 1.5/0.85/3): {macro_f1([(gold[j], label(*pred[j], 1.5, 0.85, 3)) for j in ids]):.4f}")
print(f"leave-one-out macro-F1 (rule re-chosen without each passage): {macro_f1(loo):.4f}")
