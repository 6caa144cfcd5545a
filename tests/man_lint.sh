#!/usr/bin/env bash
# The man pages exist and `mandoc -Tlint` has nothing to say about them.
set -euo pipefail
root=$1
status=0
for page in "$root/man/duban.1" "$root/man/duban.5"; do
  [ -f "$page" ] || { echo "missing $page" >&2; status=1; continue; }
  out=$(mandoc -Tlint "$page" 2>&1 || true)
  if [ -n "$out" ]; then
    echo "$out" >&2
    status=1
  fi
done
exit $status
