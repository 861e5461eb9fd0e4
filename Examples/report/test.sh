#!/usr/bin/env bash
# The HTML report end to end: a grouped report of records is written and holds every
# document, group and view (no browser needed); then screenshot.sh renders the report in
# headless Chromium and checks what a user sees (it skips when chromium is absent).
set -euo pipefail
cd "$(dirname "$0")/../.."
bin=$(swift build -c release --show-bin-path)
[ -x "$bin/tillit" ] || swift build -c release --product tillit
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "report test: FAILED: $*" >&2; exit 1; }
Examples/report/make-corpus.sh 40 > "$work/records.csv"
"$bin/tillit" report --input csv "$work/records.csv" --group-by party -o "$work/report.html" 2> "$work/err" || fail "$(cat "$work/err")"
grep -q "40 documents, 8 groups by party" "$work/err" || fail "expected 40 documents in 8 groups: $(cat "$work/err")"
for id in view-overview view-groups view-definitions view-document methods summary docs; do
  grep -q "id=\"$id\"" "$work/report.html" || fail "the page has no #$id"
done
[ "$(grep -c '<tr data-i=' "$work/report.html")" -eq 40 ] || fail "expected a table row per document"
[ "$(grep -o '<script type="text/html" id="src-' "$work/report.html" | wc -l)" -eq 40 ] || fail "expected a page per document"
set +e
"$bin/tillit" report --input csv "$work/records.csv" --group-by parti -o "$work/bad.html" 2> "$work/err"
status=$?
set -e
[ "$status" -eq 64 ] && [ "$(wc -l < "$work/err")" -eq 1 ] && [ ! -e "$work/bad.html" ] || fail "a missing group column should be one line and exit 64 (got $status: $(cat "$work/err"))"
echo "report test: ok (40 records in 8 groups; a missing column is exit 64: $(cat "$work/err"))"
Examples/report/screenshot.sh
