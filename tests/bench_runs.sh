#!/usr/bin/env bash
# scripts/bench runs (issues 14 and 25): on small workspaces of both shapes
# it builds what it needs, runs the floor and every command cold and warm,
# and prints one row for each, none of them failed; with --instructions,
# one count per command and shape. Checks that it works, not how fast.
# Usage: bench_runs.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build=$(realpath "$1")
root=$(realpath "$2")
out=$(/usr/bin/python3 "$root/scripts/bench" 2000 --build "$build")
printf '%s\n' "$out"
fail() { echo "bench_runs: $*" >&2; exit 1; }
# Each shape's heading, then its rows: `twice PATTERN` holds when two lines match.
twice() { [ "$(grep -Ec "$1" <<<"$out")" = 2 ]; }
for shape in repeated distinct; do
  grep -q "^duban bench: 2000 entries in [0-9]* files, shape $shape," <<<"$out" || fail "no heading for $shape"
done
twice '^  floor +[0-9.]+s +[0-9.]+s +[0-9]+MiB$' || fail "not one floor row per shape"
for cmd in check reconcile rank; do
  for run in cold warm; do
    twice "^  $cmd +$run +[0-9.]+s +[0-9.]+s +[0-9]+MiB +[0-9.]+x +[0-9.]+x$" ||
      fail "not one row per shape for $cmd $run, or one failed"
  done
done

# --instructions counts each command under callgrind; valgrind cannot run a
# build with AddressSanitizer, and a machine may lack valgrind.
if ! command -v valgrind >/dev/null; then
  echo "bench_runs: no valgrind here, --instructions not tried"
  exit 0
fi
if grep -q '^DUBAN_SANITIZE:BOOL=ON' "$build/CMakeCache.txt" 2>/dev/null; then
  echo "bench_runs: a sanitized build, --instructions not tried"
  exit 0
fi
out=$(/usr/bin/python3 "$root/scripts/bench" 2000 --instructions --build "$build")
printf '%s\n' "$out"
twice '^duban bench: 2000 entries in [0-9]* files, shape .*counted by callgrind$' || fail "not two instructions headings"
for cmd in check reconcile rank; do
  twice "^  $cmd +[0-9,]{9,} +[0-9,]+$" || fail "not one instruction count per shape for $cmd, or one failed"
done
