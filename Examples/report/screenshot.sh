#!/usr/bin/env bash
# The HTML report as a user sees it: renders it in headless Chromium and checks
#  - screenshots of the overview, of a group comparison (by year) and of one document page
#    are not blank (pngstats.py: share of non-background pixels, distinct colours);
#  - the numbers in the rendered DOM (--dump-dom) equal those of `tillit score --unit document`
#    for the same input (checkdom.py): the document table, the summary, the groups, a page;
#  - sorting, filtering, paging and opening a group work (interact.html, injected into a copy);
#  - a report of 1,000 documents is set up and painted in under 2 s (the page's own clock,
#    best of three runs, as the machine may be busy).
# Skips with a message (exit 0) when chromium or python3 is missing; never needs the network.
# Usage: Examples/report/screenshot.sh [DIR]   (keeps the PNGs and pages in DIR)
set -euo pipefail
cd "$(dirname "$0")/../.."
here=Examples/report
# CHROMIUM=PATH picks the browser (CHROMIUM= with no value: behave as if there were none)
browser=${CHROMIUM-$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)}
if [ -z "$browser" ] || [ ! -x "$browser" ]; then echo "report screenshots: skipped (no chromium; apt-get install chromium)"; exit 0; fi
if ! command -v python3 > /dev/null; then echo "report screenshots: skipped (no python3)"; exit 0; fi
bin=$(swift build -c release --show-bin-path)
[ -x "$bin/tillit" ] || swift build -c release --product tillit > /dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
out=${1:-$work}
mkdir -p "$out"
fail() { echo "report screenshots: FAILED: $*" >&2; exit 1; }
chrome() { timeout 120 "$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run \
  --user-data-dir="$work/profile" "$@" 2> /dev/null; }
shot() {  # shot PAGE VIEW NAME: a 1280×1700 screenshot of one view, checked not to be blank
  chrome --window-size=1280,1700 --screenshot="$out/$3.png" "file://$1#$2" > /dev/null || fail "chromium could not render $3"
  [ -s "$out/$3.png" ] || fail "no screenshot of $3"
  read -r w h ink colours < <(python3 "$here/pngstats.py" "$out/$3.png")
  python3 -c "import sys; sys.exit(0 if $ink >= 0.05 and $colours >= 50 else 1)" \
    || fail "$3.png looks blank: ${ink} of the pixels differ from the background, $colours colours"
  echo "  $3.png: ${w}×${h}, ink ${ink}, $colours colours"
}
# a browser that cannot start here (no sandbox support, no shared memory) counts as missing
echo '<p id="probe">ok</p>' > "$work/probe.html"
if ! chrome --dump-dom "file://$work/probe.html" | grep -q 'id="probe"'; then
  echo "report screenshots: skipped ($browser does not start headless here)"; exit 0
fi
dom() { chrome --dump-dom "file://$1#$2" > "$out/$3.dom.html" || fail "chromium could not dump $3"; }

# 1. a grouped corpus of 60 records (party, municipality, year), and the seed documents
"$here/make-corpus.sh" 60 > "$work/records.csv"
"$bin/tillit" score --input csv "$work/records.csv" --unit document --format jsonl > "$work/records.jsonl"
"$bin/tillit" report --input csv "$work/records.csv" --group-by year --title "60 records by year" -o "$out/records.html" 2> /dev/null
"$bin/tillit" score Corpus/ --unit document --format jsonl > "$work/corpus.jsonl"
"$bin/tillit" report Corpus/ --title "Corpus report" -o "$out/corpus.html" 2> /dev/null
echo "report screenshots: $("$browser" --version 2>/dev/null)"

dom "$out/records.html" overview overview
python3 "$here/checkdom.py" overview "$out/overview.dom.html" "$work/records.jsonl"
dom "$out/records.html" groups groups
python3 "$here/checkdom.py" groups "$out/groups.dom.html" "$work/records.jsonl" "$work/records.csv" year
grep -q 'class="chart trend"' "$out/groups.dom.html" || fail "no trend chart for a year column"
dom "$out/corpus.html" doc-2 document
python3 "$here/checkdom.py" document "$out/document.dom.html" "$work/corpus.jsonl" 2
grep -q 'class="rep" title="OCR: ' "$out/document.dom.html" || fail "repaired words are not marked on the page of an OCR-damaged document"
python3 "$here/checkdom.py" overview <(chrome --dump-dom "file://$out/corpus.html") "$work/corpus.jsonl" > /dev/null
# sorting, filtering, paging and opening a group, driven by a script added to a copy of the page
python3 -c 'import sys; page, script = open(sys.argv[1]).read(), open(sys.argv[2]).read(); print(page.replace("</body></html>", script + "</body></html>"))' \
  "$out/records.html" "$here/interact.html" > "$work/interact.html"
chrome --dump-dom "file://$work/interact.html" > "$work/interact.dom.html" || fail "chromium could not run the interaction"
python3 "$here/checkdom.py" interact "$work/interact.dom.html" "$work/records.jsonl"

shot "$out/records.html" overview overview
shot "$out/records.html" groups groups
shot "$out/corpus.html" doc-2 document

# 2. 1,000 documents: set up and painted in under 2 s
"$here/make-corpus.sh" 1000 > "$work/big.csv"
"$bin/tillit" report --input csv "$work/big.csv" --group-by party -o "$work/big.html" 2> /dev/null
size=$(stat -c %s "$work/big.html")
best=999999
for run in 1 2 3; do
  chrome --dump-dom "file://$work/big.html" > "$work/big.dom.html" || fail "chromium could not render the 1,000-document report"
  ms=$(python3 "$here/checkdom.py" timing "$work/big.dom.html" 999999)
  [ "$ms" -lt "$best" ] && best=$ms
done
grep -q "showing 1–50 of 1000" "$work/big.dom.html" || fail "the 1,000-document table is not paged"
[ "$best" -lt 2000 ] || fail "the 1,000-document report took ${best} ms to render (limit 2,000 ms)"
echo "report screenshots: ok (1,000 documents, $((size / 1024)) KB: rendered in ${best} ms, best of 3)"
