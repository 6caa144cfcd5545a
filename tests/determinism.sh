#!/usr/bin/env bash
# Same inputs, same bytes: the reports do not depend on the locale, the time
# zone, file modification times or the order files were created in.
set -euo pipefail
bin=$1
base=$2
a=$(mktemp -d)
b=$(mktemp -d)
trap 'rm -rf "$a" "$b"' EXIT
cp -R "$base/." "$a/"
# The second copy: files created in reverse order, with other times.
(cd "$base" && find . -type d | LC_ALL=C sort) | while read -r d; do mkdir -p "$b/$d"; done
(cd "$base" && find . -type f | LC_ALL=C sort -r) | while read -r f; do
  cp "$base/$f" "$b/$f"
  touch -d "2001-02-03 04:05:06" "$b/$f"
done
run() {  # dir locale tz
  for cmd in "reconcile --all -o reports/" "notices --all -o reports/"; do
    # shellcheck disable=SC2086
    (cd "$1" && LC_ALL=$2 TZ=$3 "$bin" --today 2025-01-10 $cmd)
  done
  for f in status tasks; do
    (cd "$1" && LC_ALL=$2 TZ=$3 "$bin" --today 2025-01-10 $f --format json >"$1/$f.json")
  done
}
run "$a" C.UTF-8 Asia/Shanghai
run "$b" POSIX America/Los_Angeles
diff -r "$a" "$b"
