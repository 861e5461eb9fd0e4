#!/usr/bin/env bash
# Checks, as a user without root's rights, that unreadable inputs are named and skipped while
# the rest of the batch is scored: a file and a folder with no read permission give a row
# with status "skipped" and reason "permission denied", a one-line message each, and exit 1.
#
#   scripts/check-permissions.sh [TILLIT]      (default: the release build)
#
# Root reads any file, so as root the check runs tillit as user nobody (setpriv); it skips
# with a message when that cannot be done.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-$(swift build -c release --show-bin-path)/tillit}
run=()
if [ "$(id -u)" = 0 ]; then
  if command -v setpriv >/dev/null && id nobody >/dev/null 2>&1; then
    run=(setpriv --reuid="$(id -u nobody)" --regid="$(id -g nobody)" --clear-groups)
  else
    echo "check-permissions: skipped (running as root and setpriv or user nobody is missing)"; exit 0
  fi
fi
d=$(mktemp -d)
trap 'chmod -R u+rwX "$d"; rm -rf "$d"' EXIT
chmod 755 "$d"
cp "$bin" "$d/tillit"; chmod 755 "$d/tillit"
mkdir -p "$d/docs/locked"
echo "Tillit till medarbetarna." > "$d/docs/a.txt"
echo "Kontroll av verksamheten." > "$d/docs/b.txt"
echo "Mer kontroll." > "$d/docs/secret.txt"
echo "Mer tillit." > "$d/docs/locked/c.txt"
chmod 644 "$d/docs/a.txt" "$d/docs/b.txt"; chmod 000 "$d/docs/secret.txt"; chmod 000 "$d/docs/locked"; chmod 755 "$d/docs"
set +e
(cd "$d" && "${run[@]}" ./tillit score docs --format csv > out.csv 2> err.txt)
rc=$?
set -e
fail() { echo "check-permissions: FAILED: $1" >&2; cat "$d/out.csv" "$d/err.txt" >&2; exit 1; }
[ "$rc" = 1 ] || fail "exit $rc, expected 1"
grep -q '^docs/a.txt,.*,ok,$' "$d/out.csv" || fail "no ok row for a.txt"
grep -q '^docs/b.txt,.*,ok,$' "$d/out.csv" || fail "no ok row for b.txt"
grep -q '^docs/secret.txt,.*,skipped,permission denied$' "$d/out.csv" || fail "no skipped row for the unreadable file"
grep -q 'docs/locked.*permission denied' "$d/err.txt" || fail "the unreadable folder is not named on stderr"
grep -q '^docs/locked,.*,skipped,permission denied$' "$d/out.csv" || fail "no skipped row for the unreadable folder"
grep -q 'docs/secret.txt: permission denied' "$d/err.txt" || fail "the unreadable file is not named on stderr"
echo "check-permissions: ok (unreadable file and folder named and skipped, the rest scored, exit 1)"
