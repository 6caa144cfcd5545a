#!/usr/bin/env bash
# A write that fails for want of space or on a read-only disk exits 1 naming
# the file, leaves the old report as it was and no temporary file. The disk
# is a tiny tmpfs, mounted in a mount namespace of the test's own: this needs
# root, and is skipped (exit 77) without it. (A file in the way of a folder is
# the golden case write_file_in_the_way.)
set -euo pipefail
bin=$(realpath "$1")
base=$(realpath "$2")   # a workspace
if [ "$(id -u)" != 0 ]; then
  echo "skipped: mounting a small tmpfs needs root"
  exit 77
fi
if [ -z "${DUBAN_MOUNT_NS:-}" ]; then
  if ! unshare --mount --propagation private true 2>/dev/null; then
    echo "skipped: cannot make a mount namespace (unshare --mount)"
    exit 77
  fi
  DUBAN_MOUNT_NS=1 exec unshare --mount --propagation private bash "$0" "$@"
fi

work=$(mktemp -d)
trap 'umount -q "$work/ws/reports" 2>/dev/null || true; rm -rf "$work"' EXIT
cp -R "$base/." "$work/ws"
cd "$work/ws"
status=0
fail() { echo "$*" >&2; status=1; }
run() { LC_ALL=C.UTF-8 "$bin" --today 2024-07-01 "$@"; }

# Writes the reports of 2024-06 on a fresh tmpfs of `size`, keeps a copy,
# then changes the list's title so that every report has new bytes.
fresh_reports() {
  umount -q reports 2>/dev/null || true
  cp "$base/tasks.yaml" tasks.yaml
  mkdir -p reports
  mount -t tmpfs -o "size=$1" tmpfs reports
  run reconcile --month 2024-06 -o reports/ >/dev/null
  run notices --month 2024-06 -o reports/ >/dev/null
  rm -rf "$work/old" && cp -R reports "$work/old"
  sed -i 's/^title: .*/title: 改过的标题/' tasks.yaml
}

# expect CASE WANT_MESSAGE ARGS...: exit 1, the message on stderr, the old
# reports untouched, no temporary file.
expect() {
  local name=$1 want=$2
  shift 2
  local code=0
  run "$@" >"$work/out" 2>"$work/err" || code=$?
  [ "$code" = 1 ] || fail "$name: exit $code, expected 1"
  grep -qF "$want" "$work/err" || fail "$name: stderr is not “$want”: $(cat "$work/err")"
  diff -r "$work/old" reports >/dev/null || fail "$name: the old reports changed: $(diff -r "$work/old" reports | head -5)"
  local temps
  temps=$(find reports -name '.*.tmp-*')
  [ -z "$temps" ] || fail "$name: temporary files left: $temps"
}

# Disk full: fill what the reports left of a 256 KiB tmpfs.
fresh_reports 256k
dd if=/dev/zero of=reports/fill bs=4k 2>/dev/null || true
cp reports/fill "$work/old/fill"
expect "disk full, reconcile" "duban: 无法写入 reports/2024-06/reconcile.md：磁盘空间已满" reconcile --month 2024-06 -o reports/
expect "disk full, notices" "duban: 无法写入 reports/2024-06/notices/" notices --month 2024-06 -o reports/
expect "disk full, one file" "duban: 无法写入 reports/2024-06/reconcile.md：磁盘空间已满" \
  reconcile --month 2024-06 -o reports/2024-06/reconcile.md

# Read-only disk.
fresh_reports 1m
mount -o remount,ro reports
expect "read-only, reconcile" "duban: 无法写入 reports/2024-06/reconcile.md：所在的磁盘是只读的" \
  reconcile --month 2024-06 -o reports/
expect "read-only, notices" "duban: 无法写入 reports/2024-06/notices/" notices --month 2024-06 -o reports/
expect "read-only, a new round" "duban: 无法写入 reports/2024-05/reconcile.md：所在的磁盘是只读的" \
  reconcile --month 2024-05 -o reports/

exit $status
