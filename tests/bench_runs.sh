#!/usr/bin/env bash
# scripts/bench runs (issue 14): on a small workspace it builds what it
# needs, runs the floor and every command cold and warm, and prints one row
# for each, none of them failed. Checks that it works, not how fast.
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
