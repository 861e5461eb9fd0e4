#!/usr/bin/env python3
"""Checks a report's DOM, as headless Chromium dumped it (--dump-dom), against the figures of
`tillit score --unit document --format jsonl` for the same input. Standard library only.

Usage:
  checkdom.py overview DOM SCORE.jsonl             the document table and the summary panel
  checkdom.py groups DOM SCORE.jsonl INPUT.csv COL the group comparison
  checkdom.py document DOM SCORE.jsonl INDEX       one document page
  checkdom.py interact DOM SCORE.jsonl             sorting, filtering, paging (after interact.html)
  checkdom.py timing DOM MAX_MS                    the page was set up within MAX_MS
Prints one line of what it checked; exits 1 with the first difference.
"""
import csv
import html
import json
import re
import sys


def fail(msg):
    print(f"DOM check FAILED: {msg}", file=sys.stderr)
    sys.exit(1)


def attrs(tag):
    return {k: html.unescape(v) for k, v in re.findall(r'data-([a-z0-9-]+)="([^"]*)"', tag)}


def number(v):
    """A number as tillit writes it (at most 4 decimals, integers without a point)."""
    return str(int(v)) if float(v) == int(v) else repr(float(v))


def rows(path):
    return [json.loads(line) for line in open(path, encoding="utf-8") if line.strip()]


def view(dom, name):
    """The markup of one view section, up to the next section."""
    m = re.search(r'<section id="view-%s" class="view([^"]*)"[^>]*>(.*?)</section>' % name, dom, re.S)
    if not m:
        fail(f"no view '{name}'")
    return m.group(1), m.group(2)


def cells(tr):
    return [re.sub(r"<[^>]*>", "", c).strip() for c in re.findall(r"<td[^>]*>(.*?)</td>", tr, re.S)]


def overview(dom, score):
    state, body = view(dom, "overview")
    if "active" not in state:
        fail("the overview is not the view shown")
    want = {r["id"]: r for r in rows(score)}
    body_rows = re.findall(r"(<tr data-i=[^>]*>)(.*?)</tr>", body, re.S)
    if not body_rows:
        fail("the document table is empty")
    page = 50 if len(want) > 50 else len(want)
    if len(body_rows) != page:
        fail(f"{len(body_rows)} rows on the first page, expected {page}")
    count = re.search(r'<span id="count"[^>]*>([^<]*)</span>', body).group(1)
    if count != f"showing 1–{page} of {len(want)}":
        fail(f"count line says '{count}'")
    header = re.findall(r"<th[^>]*>(.*?)</th>", re.search(r'<table id="docs".*?</thead>', body, re.S).group(0), re.S)
    header = [re.sub(r"<[^>]*>", "", h) for h in header]
    col = {name: i for i, name in enumerate(header)}
    for tag, inner in body_rows:
        a = attrs(tag)
        r = want.get(a["id"])
        if r is None:
            fail(f"row for an unknown document {a['id']}")
        for attr, field in (("k", "k"), ("t", "t"), ("net", "net"), ("logit", "logit"), ("p", "probability")):
            if a[attr] != number(r[field]):
                fail(f"{a['id']}: data-{attr} {a[attr]} but tillit score says {r[field]}")
        if a["label"] != r["label"]:
            fail(f"{a['id']}: label {a['label']} but tillit score says {r['label']}")
        shown = cells(inner)
        for name, field, places in (("K", "k", 1), ("T", "t", 1), ("net", "net", 2), ("logit", "logit", 2)):
            if abs(float(shown[col[name]]) - r[field]) > 0.5 * 10 ** -places + 1e-4:
                fail(f"{a['id']}: the {name} cell shows {shown[col[name]]}, tillit score says {r[field]}")
        if shown[col["label"]] != r["label"]:
            fail(f"{a['id']}: the label cell shows {shown[col['label']]}")
    # the summary panel
    summary = re.search(r'<div id="summary".*?</div>\s*<div class="legend', body, re.S).group(0)
    def text(id_):
        m = re.search(r'id="%s"[^>]*>([^<]*)<' % id_, summary)
        if not m:
            fail(f"summary has no #{id_}")
        return m.group(1).replace(",", "")
    if int(text("s-documents")) != len(want):
        fail(f"summary says {text('s-documents')} documents, tillit score scored {len(want)}")
    for label in "KTBN":
        n = sum(1 for r in want.values() if r["label"] == label)
        if int(text(f"s-doc-{label}")) != n:
            fail(f"summary says {text(f's-doc-{label}')} documents labelled {label}, tillit score {n}")
    for field in ("k", "t"):
        total = sum(r[field] for r in want.values())
        if abs(float(text(f"s-{field}")) - total) > 0.05 + 1e-4 * len(want):
            fail(f"summary {field.upper()} {text(f's-{field}')} but the documents' sum is {total:.4f}")
    hist = sum(int(c) for c in re.findall(r'class="bin" data-count="(\d+)"', summary))
    evidence = sum(1 for r in want.values() if r["k_hits"] + r["t_hits"] > 0)
    if hist != evidence:
        fail(f"the histogram holds {hist} documents, {evidence} have hits")
    print(f"overview: {len(body_rows)} rows on page 1 of {len(want)} documents equal tillit score; summary K {text('s-k')}, T {text('s-t')}")


def groups(dom, score, source, column):
    state, body = view(dom, "groups")
    if "active" not in state:
        fail("the groups view is not the view shown")
    by_id = {r["id"]: r for r in rows(score)}
    members = {}
    with open(source, newline="", encoding="utf-8") as f:
        for rec in csv.DictReader(f):
            members.setdefault(rec[column].strip() or "(empty)", []).append(rec["id"])
    found = [attrs(tag) for tag in re.findall(r"<tr data-group-row=[^>]*>", body)]
    if sorted(g["value"] for g in found) != sorted(members):
        fail(f"groups {[g['value'] for g in found]}, the input has {sorted(members)}")
    for g in found:
        ids = members[g["value"]]
        if int(g["documents"]) != len(ids):
            fail(f"group {g['value']}: {g['documents']} documents, the input has {len(ids)}")
        for field in ("k", "t"):
            total = sum(by_id[i][field] for i in ids)
            if abs(float(g[field]) - total) > 1e-4 * (len(ids) + 1):
                fail(f"group {g['value']}: {field.upper()} {g[field]} but its documents sum to {total:.4f}")
    cards = len(re.findall(r'data-group-card="', body))
    if cards != len(found):
        fail(f"{cards} group cards for {len(found)} groups")
    trend = 'class="chart trend"' in body
    print(f"groups: {len(found)} groups by {column}, counts and K/T sums equal tillit score; trend chart {'shown' if trend else 'absent'}")
    return trend


def document(dom, score, index):
    state, body = view(dom, "document")
    if "active" not in state:
        fail("the document view is not the view shown")
    m = re.search(r'<article class="docpage" data-doc="(\d+)">', body)
    if not m or int(m.group(1)) != index:
        fail(f"document page {index} not shown")
    ident = html.unescape(re.search(r'<span class="docid">(.*?)</span>', body).group(1))
    r = {x["id"]: x for x in rows(score)}[ident]
    for cls, field, places in (("d-k", "k", 1), ("d-t", "t", 1), ("d-net", "net", 2), ("d-logit", "logit", 2), ("d-p", "probability", 2)):
        shown = re.search(r'<span class="%s">([^<]*)</span>' % cls, body).group(1)
        if abs(float(shown) - r[field]) > 0.5 * 10 ** -places + 1e-4:
            fail(f"{ident}: page shows {field} {shown}, tillit score says {r[field]}")
    marks = len(re.findall(r'<mark class="[kt]', body))
    if marks < r["k_hits"] + r["t_hits"] and marks == 0:
        fail(f"{ident}: no highlighted hit")
    passages = len(re.findall(r'<div class="passage ', body))
    print(f"document {index} ({ident}): K {r['k']}, T {r['t']}, net {r['net']} as tillit score; {passages} passages, {marks} highlighted hits")


def interact(dom, score):
    m = re.search(r'data-interact="([^"]*)"', dom)
    if not m:
        fail("the interaction script did not run")
    got = json.loads(html.unescape(m.group(1)))
    want = rows(score)
    page = min(50, len(want))
    if got["kDesc"] != sorted((r["k"] for r in want), reverse=True)[:page]:
        fail(f"sorting by K (descending) shows {got['kDesc'][:5]}…")
    if got["kAsc"] != sorted(r["k"] for r in want)[:page]:
        fail(f"sorting by K (ascending) shows {got['kAsc'][:5]}…")
    if got["ids"] != sorted(r["id"] for r in want)[:3]:
        fail(f"sorting by document shows {got['ids']}")
    if not got["lund"] or not all("lund" in q for q in got["lund"]) or not got["count"].endswith(f"(filtered from {len(want)})"):
        fail(f"filtering by 'lund' shows {got['lund'][:3]}, '{got['count']}'")
    n = sum(1 for r in want if r["label"] == "N")
    if got["labels"] != ["N"] * min(n, page):
        fail(f"filtering by label N shows {got['labels'][:5]}… ({len(got['labels'])} rows, {n} documents are N)")
    pages = -(-len(want) // 50)
    if pages > 1 and (got["page2"] != f"page 2 of {pages}" or got["page2first"] != "50"):
        fail(f"the next page is '{got['page2']}' starting at row {got['page2first']}")
    if "group" in got and (not got["group"] or set(got["group"]) != {"1"}):
        fail(f"opening group 1 shows rows of groups {sorted(set(got['group']))}")
    print(f"interaction: sorting by K and by document, filtering by text and label, paging{' and opening a group' if 'group' in got else ''} work")


def timing(dom, limit):
    m = re.search(r'data-ready-ms="(\d+)"', dom)
    if not m:
        fail("the page's script did not run (no data-ready-ms)")
    painted = re.search(r'data-painted-ms="(\d+)"', dom)
    ms = int(painted.group(1)) if painted else int(m.group(1))
    print(ms)
    if ms > limit:
        sys.exit(2)


if __name__ == "__main__":
    kind, dom = sys.argv[1], open(sys.argv[2], encoding="utf-8").read()
    if kind == "overview":
        overview(dom, sys.argv[3])
    elif kind == "groups":
        groups(dom, sys.argv[3], sys.argv[4], sys.argv[5])
    elif kind == "document":
        document(dom, sys.argv[3], int(sys.argv[4]))
    elif kind == "interact":
        interact(dom, sys.argv[3])
    elif kind == "timing":
        timing(dom, int(sys.argv[3]))
    else:
        fail(f"unknown check {kind}")
