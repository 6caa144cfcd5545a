#!/usr/bin/env bash
# reports/ holds exactly what duban writes from the shipped tasks.yaml and
# progress/ for every round: regenerate it elsewhere, in another time zone
# and on another day of the clock, and compare byte for byte (workbooks too).
set -euo pipefail
bin=$1
root=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$root/tasks.yaml" "$work/"
cp -R "$root/progress" "$work/"
# libfaketime is preloaded: a sanitized build must let it come first.
export ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0
TZ=Pacific/Kiritimati faketime '2033-12-31 23:30:00' bash "$root/scripts/make-reports" "$bin" "$work" "$work/reports"
if ! diff -r "$work/reports" "$root/reports"; then
  echo "reports/ is not what duban writes: run 'make reports' and commit the result" >&2
  exit 1
fi
