#!/usr/bin/env bash
# scripts/bench runs (issue 14): on a small workspace it builds what it
# needs, runs the floor and every command cold and warm, and prints one row
# for each, none of them failed; with --instructions, one count per command.
# Checks that it works, not how fast.
# Usage: bench_runs.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build=$(realpath "$1")
root=$(realpath "$2")
out=$(/usr/bin/python3 "$root/scripts/bench" 2000 --build "$build")
printf '%s\n' "$out"
fail() { echo "bench_runs: $*" >&2; exit 1; }
grep -q '^duban bench: 2000 entries in [0-9]* files' <<<"$out" || fail "no heading"
grep -Eq '^  floor +[0-9.]+s +[0-9.]+s +[0-9]+MiB$' <<<"$out" || fail "no floor row"
for cmd in check reconcile rank; do
  for run in cold warm; do
    grep -Eq "^  $cmd +$run +[0-9.]+s +[0-9.]+s +[0-9]+MiB +[0-9.]+x +[0-9.]+x$" <<<"$out" ||
      fail "no row for $cmd $run, or it failed"
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
grep -q '^duban bench: 2000 entries in [0-9]* files.*counted by callgrind$' <<<"$out" || fail "no instructions heading"
for cmd in check reconcile rank; do
  grep -Eq "^  $cmd +[0-9,]{9,} +[0-9,]+$" <<<"$out" || fail "no instruction count for $cmd, or it failed"
done
