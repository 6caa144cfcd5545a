#!/usr/bin/env bash
# The parse cache never changes an output (issue 14): runs without it, with
# it cold and warm, with it corrupted at random offsets or truncated, and
# with nowhere to write it give the same bytes; the cache is really served
# (a record doctored with a valid checksum shows through); a file changed to
# the same size and modification time is parsed again; nothing is written
# into the workspace.
# Usage: parse_cache.sh DUBAN SOURCE_DIR
set -euo pipefail
bin=$(realpath "$1")
root=$(realpath "$2")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
ws=$work/ws
export XDG_CACHE_HOME=$work/cache
unset DUBAN_NO_CACHE

python3 "$root/scripts/bench" --generate "$ws" 2000 >/dev/null
n=0
while read -r f; do
  n=$((n + 1))
  case $((n % 29)) in
    0) printf '  - task: 99999\n    status: 推进中\n' >>"$f" ;;
    5) printf 'unit: [\n' >>"$f" ;;
  esac
done < <(find "$ws/progress" -name '*.yaml' | LC_ALL=C sort)
# Files changed in the last seconds are not recorded.
sleep 3

run_all() {  # extra options
  for cmd in "check" "status --format json" "reconcile --month 2025-06" "rank --month 2025-06"; do
    # shellcheck disable=SC2086
    "$bin" -C "$ws" --today 2026-01-10 "$@" $cmd 2>&1 || true
  done
}
fail() {
  echo "$1" >&2
  exit 1
}
same() {  # name file
  cmp -s "$work/ref" "$2" || {
    diff "$work/ref" "$2" | head -20 >&2
    fail "$1 differs from the run without the cache"
  }
}

run_all --no-cache >"$work/ref"
grep -q '错误' "$work/ref" || fail "the broken files gave no errors"
[ ! -e "$XDG_CACHE_HOME" ] || fail "--no-cache wrote a cache"
DUBAN_NO_CACHE=1 run_all >"$work/out"
same "DUBAN_NO_CACHE=1" "$work/out"
[ ! -e "$XDG_CACHE_HOME" ] || fail "DUBAN_NO_CACHE=1 wrote a cache"

run_all >"$work/out"
same "the first run (writing the cache)" "$work/out"
cache=$(find "$XDG_CACHE_HOME/duban" -name '*.cache')
[ "$(echo "$cache" | wc -l)" = 1 ] && [ -s "$cache" ] || fail "no cache written: $cache"
cp "$cache" "$work/pristine"
run_all >"$work/out"
same "the warm run" "$work/out"
cmp -s "$cache" "$work/pristine" || fail "a warm run of unchanged files rewrote the cache"

# Served: a progress text changed inside the cache, its checksum made good.
python3 - "$cache" <<'PY'
import sys
p = sys.argv[1]
b = bytearray(open(p, "rb").read())
body = b[:-8]
old, new = "覆盖".encode(), "笼罩".encode()
assert body.count(old) > 0
body = body.replace(old, new)
h = 0xcbf29ce484222325
for c in body:
    h = ((h ^ c) * 0x100000001b3) & 0xFFFFFFFFFFFFFFFF
open(p, "wb").write(bytes(body) + h.to_bytes(8, "little"))
PY
"$bin" -C "$ws" --today 2026-01-10 status --format json >"$work/doctored" 2>/dev/null || true
grep -q '笼罩' "$work/doctored" || fail "the cache was not served"

# Corrupt at random offsets, truncated, empty: ignored and rebuilt.
size=$(stat -c %s "$work/pristine")
for i in 1 2 3 4 5 6; do
  cp "$work/pristine" "$cache"
  offset=$(((RANDOM * 32768 + RANDOM) % size))
  printf '\x5a\xa5' | dd of="$cache" bs=1 seek="$offset" conv=notrunc status=none
  run_all >"$work/out"
  same "a cache corrupted at offset $offset" "$work/out"
  cp "$work/pristine" "$cache"
  truncate -s $(((RANDOM * 32768 + RANDOM) % size)) "$cache"
  run_all >"$work/out"
  same "a truncated cache" "$work/out"
done
: >"$cache"
run_all >"$work/out"
same "an empty cache" "$work/out"
run_all >"$work/out"
same "the cache rebuilt" "$work/out"

# Same size, same modification time, other content: parsed again.
f=$(find "$ws/progress" -name '*.yaml' | LC_ALL=C sort | sed -n 3p)
cp -p "$f" "$work/times"
before=$(stat -c '%s %y %i' "$f")
grep -q 'percent: [1-8][0-9]$' "$f" || fail "no two-digit percent in $f"
# Written in place: the same inode, only the change time tells.
python3 - "$f" <<'PY'
import re, sys
with open(sys.argv[1], "r+b") as f:
    text = f.read()
    changed = re.sub(rb"percent: [1-8]([0-9])\n", rb"percent: 9\1\n", text, count=1)
    assert len(changed) == len(text) and changed != text
    f.seek(0)
    f.write(changed)
PY
touch -r "$work/times" "$f"
[ "$(stat -c '%s %y %i' "$f")" = "$before" ] || fail "the test could not keep size and time"
cmp -s "$f" "$work/times" && fail "the test did not change $f"
run_all --no-cache >"$work/ref"
run_all >"$work/out"
same "a file changed to the same size and time" "$work/out"

# Nowhere to write: the same, and no error.
XDG_CACHE_HOME=/dev/null/duban run_all >"$work/out"
same "an unwritable cache folder" "$work/out"

# Nothing in the workspace.
extra=$(cd "$ws" && find . -name '*cache*' -o -name '*.tmp')
[ -z "$extra" ] || fail "the cache wrote into the workspace: $extra"
