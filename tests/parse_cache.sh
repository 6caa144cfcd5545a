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

# Served: a progress text changed inside the cache, its checksums made good
# (the layout of src/load/parse_cache.h: magic, the parts, the footer, the
# footer's size and checksum).
python3 - "$cache" <<'PY'
import sys
p = sys.argv[1]
b = bytearray(open(p, "rb").read())
M = (1 << 64) - 1


def checksum(data):
    h = 0x9E3779B97F4A7C15 ^ len(data)
    whole = len(data) // 8 * 8
    for i in range(0, whole, 8):
        h = ((h ^ int.from_bytes(data[i:i + 8], "little")) * 0xFF51AFD7ED558CCD) & M
        h ^= h >> 29
    for c in data[whole:]:
        h = ((h ^ c) * 0xFF51AFD7ED558CCD) & M
        h ^= h >> 29
    return h


class Footer:
    def __init__(self, data, at):
        self.data, self.at = data, at

    def u64(self):
        v = shift = 0
        while True:
            c = self.data[self.at]
            self.at += 1
            v |= (c & 0x7F) << shift
            shift += 7
            if c < 0x80:
                return v

    def str(self):
        n = self.u64()
        self.at += n

    def fixed_at(self):  # where a fixed 8-byte checksum is, skipped
        self.at += 8
        return self.at - 8


size = int.from_bytes(b[-16:-8], "little")
footer_at = len(b) - 16 - size
old, new = "覆盖".encode(), "笼罩".encode()
assert b[8:footer_at].count(old) > 0
b[8:footer_at] = b[8:footer_at].replace(old, new)
f = Footer(b, footer_at)
f.u64()
f.str()
for _ in range(f.u64()):
    f.str()
    for _ in range(5):
        f.u64()
    for _ in range(2):
        at, n = f.u64(), f.u64()
        where = f.fixed_at()
        b[where:where + 8] = checksum(b[at:at + n]).to_bytes(8, "little")
assert f.at == footer_at + size
b[-8:] = checksum(b[footer_at:footer_at + size]).to_bytes(8, "little")
open(p, "wb").write(bytes(b))
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

# Another day: the warnings about dates after it are checked again.
for day in 2024-06-15 2025-03-01; do
  run_day() { "$bin" -C "$ws" --today "$day" "$@" check 2>&1 || true; }
  run_day --no-cache >"$work/ref"
  grep -q '晚于今天' "$work/ref" || fail "no entry after $day: the test proves nothing"
  run_day >"$work/out"
  same "a run on $day" "$work/out"
done

# A changed tasks.yaml: the cached parses are checked again. A target
# renamed makes the entries that report it wrong.
metric=$(grep -o -m1 'metrics: {[^:]*' "$(find "$ws/progress" -name '*.yaml' | LC_ALL=C sort | head -1)" |
  sed 's/metrics: {//')
[ -n "$metric" ] || fail "no metric in the first progress file"
run_all >"$work/before"
sed -i "s/$metric\b/${metric}甲/" "$ws/tasks.yaml"
run_all --no-cache >"$work/ref"
cmp -s "$work/before" "$work/ref" && fail "renaming $metric changed nothing: the test proves nothing"
run_all >"$work/out"
same "a run after tasks.yaml changed" "$work/out"
run_all >"$work/out"
same "the run after that" "$work/out"

# Nowhere to write: the same, and no error.
XDG_CACHE_HOME=/dev/null/duban run_all >"$work/out"
same "an unwritable cache folder" "$work/out"

# Nothing in the workspace.
extra=$(cd "$ws" && find . -name '*cache*' -o -name '*.tmp')
[ -z "$extra" ] || fail "the cache wrote into the workspace: $extra"

# No temporary cache file is left behind.
left=$(find "$XDG_CACHE_HOME" -name '*.tmp')
[ -z "$left" ] || fail "a temporary cache file was left: $left"
