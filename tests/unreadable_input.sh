#!/usr/bin/env bash
# A progress folder or file that cannot be read is an error naming it, never
# silently left out. Root reads everything, so as root duban runs as the
# unprivileged user nobody (setpriv); where that cannot be done, the test is
# skipped (exit 77) with a message.
#   tests/unreadable_input.sh DUBAN BASE_WORKSPACE
set -euo pipefail
bin=$(realpath "$1")
base=$(realpath "$2")
skip() { echo "unreadable input: skipped: $*" >&2; exit 77; }

work=$(mktemp -d)
trap 'chmod -R u+rwX "$work"; rm -rf "$work"' EXIT
chmod 755 "$work"

as_user=()
if [ "$(id -u)" -eq 0 ]; then
  command -v setpriv >/dev/null || skip "running as root, and setpriv (util-linux) is missing"
  as_user=(setpriv --reuid=65534 --regid=65534 --clear-groups)
  "${as_user[@]}" test -x "$bin" 2>/dev/null ||
    skip "running as root, and user nobody cannot run $bin (or setpriv is not permitted here)"
fi

status=0
# check_case NAME SETUP EXPECTED: runs `duban check` in a fresh copy of the
# base workspace after SETUP and compares its output and exit code.
check_case() {
  local name=$1 setup=$2 expected=$3 ws="$work/$1" actual
  cp -R "$base" "$ws"
  chmod -R a+rX "$ws"
  (cd "$ws" && eval "$setup")
  set +e
  actual=$(cd "$ws" && LC_ALL=C.UTF-8 "${as_user[@]}" "$bin" --today 2024-07-01 check 2>&1; echo "exit $?")
  set -e
  if [ "$actual" != "$expected" ]; then
    echo "unreadable input: case $name differs:" >&2
    diff -u <(printf '%s\n' "$expected") <(printf '%s\n' "$actual") >&2 || true
    status=1
  fi
}

check_case folder 'chmod 000 progress/2024-06' \
  'progress/2024-06:1:1: 错误: 无法读取这个文件夹（没有读取权限），其中的进度文件都没有读到：请检查它的权限
exit 1'
check_case file 'chmod 000 progress/2024-06/江洋社区.yaml' \
  'progress/2024-06/江洋社区.yaml:1:1: 错误: 无法读取文件（没有读取权限）：请检查文件的权限
exit 1'
check_case progress 'chmod 000 progress' \
  'progress:1:1: 错误: 无法读取这个文件夹（没有读取权限），其中的进度文件都没有读到：请检查它的权限
exit 1'
exit $status
