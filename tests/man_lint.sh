#!/usr/bin/env bash
# The man pages, English and Chinese (man/zh_CN/), exist and `mandoc -Tlint`
# has nothing to say about them; and man-db's groff, which is what `man`
# shows on Debian, renders every page at 80 columns without a warning (a
# Chinese line it cannot break, a character it does not know).
set -euo pipefail
root=$1
status=0
lint() {
  local page=$1
  [ -f "$page" ] || { echo "missing $page" >&2; status=1; return; }
  local out
  out=$(mandoc -Tlint "$page" 2>&1 || true)
  if [ -n "$out" ]; then
    echo "$out" >&2
    status=1
  fi
  # The UTF-8 locale every Debian has; man-db then formats for a UTF-8 terminal.
  out=$(LC_ALL=C.UTF-8 MANWIDTH=80 man -l "$page" 2>&1 >/dev/null || true)
  if [ -n "$out" ]; then
    echo "man -l $page:" >&2
    echo "$out" >&2
    status=1
  fi
}
shopt -s nullglob
zh=("$root"/man/zh_CN/*.[15])
[ ${#zh[@]} -gt 0 ] || { echo "no Chinese man pages in $root/man/zh_CN" >&2; status=1; }
for page in "$root/man/duban.1" "$root/man/duban.5" "${zh[@]}"; do
  lint "$page"
done
exit $status
