#!/usr/bin/env bash
# Runs one golden end-to-end case: tests/golden/<case>/
#   cmd          the arguments to duban (shell words), run inside the workspace
#   workspace/   files laid over tests/golden/_base/ (unless the case has no_base)
#   workspace.patch  optional, a unified diff applied to the workspace after
#                that (`patch -p1`, no fuzz): a case that differs from _base in
#                a line or two says so here instead of copying the whole file;
#                write it with `diff -u --label a/tasks.yaml --label b/tasks.yaml
#                _base/tasks.yaml changed.yaml`
#   setup.sh     optional, run inside the workspace before the command
#   after.sh     optional, run inside the workspace after it; its output is
#                compared too (to look at written files, git history ...)
#   expected     stdout, then stderr, then the exit code, as written below
# Both scripts find the binary in $DUBAN, and scripts shared by several
# cases in $GOLDEN_LIB (tests/golden/_lib/, which is not a case).
# Git sees no configuration but the case's own (no global or system file, no
# identity from the environment): a case sets what it needs in setup.sh.
# UPDATE_GOLDEN=1 rewrites `expected` from the actual output.
set -euo pipefail
bin=$(realpath "$1")
case_dir=$(realpath "$2")
base="$(dirname "$case_dir")/_base"

work=$(mktemp -d)
scratch=$(mktemp -d)  # outputs kept outside the workspace, out of git's sight
trap 'rm -rf "$work" "$scratch"' EXIT
if [ ! -e "$case_dir/no_base" ]; then cp -R "$base/." "$work/"; fi
if [ -d "$case_dir/workspace" ]; then cp -R "$case_dir/workspace/." "$work/"; fi
if [ -f "$case_dir/workspace.patch" ] &&
  ! patch -p1 --quiet --batch --forward --fuzz=0 --no-backup-if-mismatch --reject-file=- \
    -d "$work" <"$case_dir/workspace.patch" >&2; then
  echo "workspace.patch of golden case $(basename "$case_dir") does not apply to _base" >&2
  exit 1
fi
export DUBAN="$bin" GOLDEN_LIB="$(dirname "$case_dir")/_lib"
export GIT_CONFIG_GLOBAL=/dev/null GIT_CONFIG_NOSYSTEM=1 HOME="$scratch"
unset GIT_AUTHOR_NAME GIT_AUTHOR_EMAIL GIT_COMMITTER_NAME GIT_COMMITTER_EMAIL EMAIL GIT_DIR GIT_WORK_TREE COLUMNS NO_COLOR
if [ -f "$case_dir/setup.sh" ]; then (cd "$work" && bash "$case_dir/setup.sh"); fi

eval "set -- $(cat "$case_dir/cmd")"
set +e
(cd "$work" && LC_ALL=C.UTF-8 timeout 60 "$bin" "$@" >"$scratch/out" 2>"$scratch/err")
code=$?
set -e
{
  cat "$scratch/out"
  printf -- '--- stderr\n'
  cat "$scratch/err"
  printf -- '--- exit %d\n' "$code"
  if [ -f "$case_dir/after.sh" ]; then
    printf -- '--- after\n'
    (cd "$work" && bash "$case_dir/after.sh" 2>&1)
  fi
} >"$scratch/actual"
# A commit's hash depends on the time it was made: `已提交 <hash> …` is
# compared without it.
sed -E -i 's/(已提交 )[0-9a-f]{7,40}/\1<commit>/g' "$scratch/actual"

if [ "${UPDATE_GOLDEN:-}" = 1 ]; then
  cp "$scratch/actual" "$case_dir/expected"
  exit 0
fi
if ! diff -u "$case_dir/expected" "$scratch/actual"; then
  echo "golden case $(basename "$case_dir") differs (UPDATE_GOLDEN=1 rewrites it)" >&2
  exit 1
fi
