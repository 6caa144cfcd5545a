#!/usr/bin/env bash
# Runs one golden end-to-end case: tests/golden/<case>/
#   cmd          the arguments to duban (shell words), run inside the workspace
#   workspace/   files laid over tests/golden/_base/ (unless the case has no_base)
#   setup.sh     optional, run inside the workspace before the command
#   expected     stdout, then stderr, then the exit code, as written below
# UPDATE_GOLDEN=1 rewrites `expected` from the actual output.
set -euo pipefail
bin=$(realpath "$1")
case_dir=$(realpath "$2")
base="$(dirname "$case_dir")/_base"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
if [ ! -e "$case_dir/no_base" ]; then cp -R "$base/." "$work/"; fi
if [ -d "$case_dir/workspace" ]; then cp -R "$case_dir/workspace/." "$work/"; fi
if [ -f "$case_dir/setup.sh" ]; then (cd "$work" && bash "$case_dir/setup.sh"); fi

eval "set -- $(cat "$case_dir/cmd")"
set +e
(cd "$work" && LC_ALL=C.UTF-8 timeout 60 "$bin" "$@" >"$work/.out" 2>"$work/.err")
code=$?
set -e
{
  cat "$work/.out"
  printf -- '--- stderr\n'
  cat "$work/.err"
  printf -- '--- exit %d\n' "$code"
} >"$work/.actual"

if [ "${UPDATE_GOLDEN:-}" = 1 ]; then
  cp "$work/.actual" "$case_dir/expected"
  exit 0
fi
if ! diff -u "$case_dir/expected" "$work/.actual"; then
  echo "golden case $(basename "$case_dir") differs (UPDATE_GOLDEN=1 rewrites it)" >&2
  exit 1
fi
