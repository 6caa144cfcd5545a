#!/usr/bin/env bash
# The parse cache never changes an output (issue 14): runs without it, with
# it cold and warm, with it corrupted at random offsets or truncated, and
# with nowhere to write it give the same bytes; the cache is really served
# (a record doctored with a valid checksum shows through); a file changed to
# the same size and modification time is parsed again; nothing is written
# into the workspace. Issue 24.8: a cache folder that another user owns or
# may write to, or that is a link, is not used; no cache file is read or
# written through a link; a re-stamped record of other bytes is not served.
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
# footer's size and checksum). The file's bytes are unchanged: its content
# hash still matches.
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
fmt = f.u64()
f.str()
for _ in range(f.u64()):
    f.str()
    for _ in range(5):
        f.u64()
    if fmt >= 4:
        f.fixed_at()  # the content hash (issue 24)
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
cp "$cache" "$work/poisoned"
name=$(basename "$cache")

# Issue 24.8, the parse cache trusts whoever wrote it: a cache folder that
# another user owns or may write to, or that is a symbolic link, is not
# used (a warning says so), and a cache file that is a link is not read.
# Each folder below holds the poisoned cache above; the first, the user's
# own and closed to others, shows that it would be served.
poisoned_in() {  # cache_home: whether a run with that cache shows the poisoned text
  XDG_CACHE_HOME=$1 "$bin" -C "$ws" --today 2026-01-10 status --format json >"$work/shown" 2>/dev/null || true
  grep -q '笼罩' "$work/shown"
}
folder_case() {  # name owner mode: a cache folder of that owner and mode, holding the poisoned cache
  mkdir -p "$work/$1/duban"
  cp "$work/poisoned" "$work/$1/duban/$name"
  chown "$2" "$work/$1/duban" "$work/$1/duban/$name"
  chmod "$3" "$work/$1/duban"
}
folder_case own-closed "$(id -u)" 0700
poisoned_in "$work/own-closed" || fail "the poisoned cache in the user's own folder was not served: the test proves nothing"
refused=("own-0777 $(id -u) 0777" "own-0775 $(id -u) 0775" "own-0757 $(id -u) 0757")
# Only root can give a folder to another user; CI runs as root.
if [ "$(id -u)" = 0 ]; then refused+=("other-0777 4242 0777" "other-0700 4242 0700"); fi
for c in "${refused[@]}"; do
  read -r label owner mode <<<"$c"
  folder_case "$label" "$owner" "$mode"
  poisoned_in "$work/$label" && fail "issue 24.8: a cache folder owned by uid $owner with mode $mode was used"
  XDG_CACHE_HOME=$work/$label "$bin" -C "$ws" --today 2026-01-10 check >"$work/out" 2>&1 || true
  grep -q "^$work/$label/duban:1:1: 警告: .*不使用解析缓存" "$work/out" ||
    fail "issue 24.8: no warning about the cache folder owned by uid $owner with mode $mode: $(cat "$work/out")"
  cmp -s "$work/$label/duban/$name" "$work/poisoned" || fail "issue 24.8: a refused cache folder was written to"
  [ "$(find "$work/$label/duban" -mindepth 1 | wc -l)" = 1 ] || fail "issue 24.8: a refused cache folder was written to"
done

# A cache folder that is a link, even to a folder of the user's closed to
# others, is not followed.
mkdir -p "$work/linked"
ln -s "$work/own-closed/duban" "$work/linked/duban"
poisoned_in "$work/linked" && fail "issue 24.8: a symlinked cache folder was followed"
XDG_CACHE_HOME=$work/linked "$bin" -C "$ws" --today 2026-01-10 check >"$work/out" 2>&1 || true
grep -q "^$work/linked/duban:1:1: 警告: .*符号链接" "$work/out" ||
  fail "issue 24.8: no warning about the symlinked cache folder: $(cat "$work/out")"
[ -L "$work/linked/duban" ] || fail "issue 24.8: the symlinked cache folder was replaced"

# A cache file that is a link is neither read nor written through.
mkdir "$work/file-link" && mkdir -m 0700 "$work/file-link/duban"
cp "$work/poisoned" "$work/link-target"
ln -s "$work/link-target" "$work/file-link/duban/$name"
poisoned_in "$work/file-link" && fail "issue 24.8: a symlinked cache file was read"
cmp -s "$work/link-target" "$work/poisoned" || fail "issue 24.8: a symlinked cache file was written through"

# A link planted where the run writes its temporary file
# (<hash>.cache.<pid>.tmp: the pid is the shell's, which exec keeps) is
# not followed: the file it points to keeps its bytes.
mkdir "$work/planted" && mkdir -m 0700 "$work/planted/duban"
echo "victim" >"$work/victim"
XDG_CACHE_HOME=$work/planted bash -c 'ln -s "$1" "$2.$$.tmp" && exec "${@:3}"' _ \
  "$work/victim" "$work/planted/duban/$name" "$bin" -C "$ws" --today 2026-01-10 check >/dev/null 2>&1 || true
[ "$(cat "$work/victim")" = victim ] || fail "issue 24.8: a link planted at the temporary cache file was followed"
[ -f "$work/planted/duban/$name" ] && [ ! -L "$work/planted/duban/$name" ] ||
  fail "issue 24.8: no cache written beside the planted link"
[ -z "$(find "$work/planted" -name '*.tmp')" ] || fail "issue 24.8: the planted link was left"

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

# Issue 24.8, a re-stamped record: the record of an earlier version of a
# file, given the stamp (size, times, inode, device) the file has now, is
# not served, for a record holds the hash of the bytes it was made from.
# A file of the last round without errors: its first entry's text is shown.
"$bin" -C "$ws" --today 2026-01-10 --no-cache check >"$work/errors" 2>&1 || true
f=
while read -r g; do
  grep -q "^${g#"$ws"/}:" "$work/errors" || { f=$g && break; }
done < <(find "$ws/progress/2025-12" -name '*.yaml' | LC_ALL=C sort)
[ -n "$f" ] || fail "no file of 2025-12 without errors"
sed -i '0,/progress: /s/progress: .*/progress: 旧版本写的进度/' "$f"
sleep 3
run_all >/dev/null
cp "$cache" "$work/old-cache"
sed -i 's/旧版本写的进度/文件现在写的进度/' "$f"
sleep 3
run_all >/dev/null
python3 - "$work/old-cache" "$cache" "${f#"$ws"/}" <<'PY'
import sys
old_path, new_path, target = sys.argv[1:]
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


def records(b):
    """The footer's head and, per record, (path, stamp bytes, the rest's bytes)."""
    size = int.from_bytes(b[-16:-8], "little")
    footer = b[len(b) - 16 - size:len(b) - 16]
    at = 0

    def u64():
        nonlocal at
        v = shift = 0
        while True:
            c = footer[at]
            at += 1
            v |= (c & 0x7F) << shift
            shift += 7
            if c < 0x80:
                return v

    def skip_str():
        nonlocal at
        n = u64()
        at += n
        return footer[at - n:at]

    fmt = u64()
    skip_str()
    count = u64()
    head = footer[:at]
    out = []
    for _ in range(count):
        path = footer[at:at]
        start = at
        skip_str()
        path = footer[start:at]
        start = at
        for _ in range(5):
            u64()
        stamp = footer[start:at]
        start = at
        if fmt >= 4:
            at += 8  # the content hash
        for _ in range(2):
            u64()
            u64()
            at += 8
        out.append((path, stamp, footer[start:at]))
    assert at == len(footer)
    return b[:len(b) - 16 - size], head, out


body, head, old = records(open(old_path, "rb").read())
_, _, new = records(open(new_path, "rb").read())
stamps = {p: s for p, s, _ in new}
footer = bytearray(head)
restamped = 0
for p, s, rest in old:
    if p.endswith(target.encode()):
        assert stamps[p] != s, "the file kept its stamp: the test proves nothing"
        s = stamps[p]
        restamped += 1
    footer += p + s + rest
assert restamped == 1, restamped
out = bytes(body) + bytes(footer) + len(footer).to_bytes(8, "little") + checksum(bytes(footer)).to_bytes(8, "little")
open(new_path, "wb").write(out)
PY
"$bin" -C "$ws" --today 2026-01-10 status --format json >"$work/out" 2>/dev/null || true
grep -q '旧版本写的进度' "$work/out" && fail "issue 24.8: a re-stamped record of an earlier version was served"
grep -q '文件现在写的进度' "$work/out" || fail "issue 24.8: the file's own text is not shown"
run_all --no-cache >"$work/ref"

# Nowhere to write: the same, and no error.
XDG_CACHE_HOME=/dev/null/duban run_all >"$work/out"
same "an unwritable cache folder" "$work/out"

# Nothing in the workspace.
extra=$(cd "$ws" && find . -name '*cache*' -o -name '*.tmp')
[ -z "$extra" ] || fail "the cache wrote into the workspace: $extra"

# No temporary cache file is left behind.
left=$(find "$XDG_CACHE_HOME" -name '*.tmp')
[ -z "$left" ] || fail "a temporary cache file was left: $left"
