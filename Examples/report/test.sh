#!/usr/bin/env bash
# Renders the HTML report of Corpus/ in a real browser (headless Chromium) and checks that
# the page is not blank and shows the numbers the CLI computes. Skips when chromium is absent.
set -euo pipefail
cd "$(dirname "$0")/../.."
browser=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
if [ -z "$browser" ]; then echo "report test: skipped (no chromium; apt-get install chromium)"; exit 0; fi
bin=$(swift build -c release --show-bin-path)
[ -x "$bin/tillit" ] || swift build -c release --product tillit
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$bin/tillit" report Corpus/ -o "$work/report.html" --title "Corpus report"
timeout 120 "$browser" --headless --no-sandbox --disable-gpu --dump-dom "file://$work/report.html" > "$work/dom.html" 2>/dev/null
timeout 120 "$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1200,1600 --screenshot="$work/report.png" "file://$work/report.html" > /dev/null 2>&1
fail() { echo "report test: FAILED: $*" >&2; exit 1; }
grep -q "<h1>Corpus report</h1>" "$work/dom.html" || fail "title missing from the rendered DOM"
grep -q "5 documents" "$work/dom.html" || fail "corpus overview missing"
for f in Corpus/*.txt; do grep -q "$f" "$work/dom.html" || fail "$f missing"; done
# the numbers in the page are the numbers of tillit score
# (the report scores paragraphs, so the document's K and T are the sums over its paragraphs)
"$bin/tillit" score Corpus/000_810f52e9195261e7.txt --unit paragraph --format jsonl > "$work/000.jsonl"
k=$(python3 -c 'import json,sys; print("%.1f" % sum(json.loads(l)["k"] for l in open(sys.argv[1])))' "$work/000.jsonl")
t=$(python3 -c 'import json,sys; print("%.1f" % sum(json.loads(l)["t"] for l in open(sys.argv[1])))' "$work/000.jsonl")
grep -q "K $k ([0-9]* hits), T $t" "$work/dom.html" || fail "document 000 should show K $k and T $t"
marks=$(grep -o '<mark class="[kt]' "$work/dom.html" | wc -l)
[ "$marks" -gt 100 ] || fail "expected highlighted hits, found $marks"
grep -q 'class="rep" title="OCR: ' "$work/dom.html" || fail "repaired words are not marked"
size=$(stat -c %s "$work/report.png")
[ "$size" -gt 40000 ] || fail "screenshot is $size bytes: blank page?"
echo "report test: ok ($marks highlighted hits, screenshot $size bytes, K $k / T $t for seed 000)"
