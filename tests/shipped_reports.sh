#!/usr/bin/env bash
# reports/ holds exactly what duban writes from the shipped tasks.yaml and
# progress/ for every round: regenerate it elsewhere and compare.
set -euo pipefail
bin=$1
root=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$root/tasks.yaml" "$work/"
cp -R "$root/progress" "$work/"
bash "$root/scripts/make-reports" "$bin" "$work" "$work/reports"
if ! diff -r "$work/reports" "$root/reports"; then
  echo "reports/ is not what duban writes: run 'make reports' and commit the result" >&2
  exit 1
fi
