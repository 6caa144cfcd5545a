#!/usr/bin/env bash
# The man pages, English and Chinese (man/zh_CN/), exist and `mandoc -Tlint`
# has nothing to say about them; and man-db's groff, which is what `man`
# shows on Debian, renders every page at every usual terminal width without
# a warning (a line it cannot break, a character it does not know) and
# without hanging.
#
# man-db loads groff's zh.tmac (which lets a line break between any two
# Chinese characters) only for a page under .../man/zh_CN/manN/, as the
# installed ones are; groff 1.22.4 then loops forever on some Chinese text
# at some widths. So each page is rendered from a copy in such a tree.
# From 60 columns on the pages fit without a warning; at 45 and 50 a path
# or an example is longer than the line (groff warns and lets it overflow,
# which is harmless), but groff must still finish.
set -euo pipefail
root=$1
status=0
quiet_widths=(60 72 80 100 120)
narrow_widths=(45 50)
tree=$(mktemp -d)
trap 'rm -rf "$tree"' EXIT
# Renders $1 at $2 columns; prints what groff says, or a line on a hang.
render() {
  local out rc=0
  # The UTF-8 locale every Debian has; man-db then formats for a UTF-8 terminal.
  out=$(LC_ALL=C.UTF-8 MANWIDTH=$2 timeout 10 man -l "$1" 2>&1 >/dev/null) || rc=$?
  if [ $rc -eq 124 ]; then
    echo "groff did not finish within 10 seconds (it loops)"
  else
    echo -n "$out"
  fi
}
# Lints $1 (the page in the repository) and renders $2 (its copy in the tree).
check() {
  local page=$1 copy=$2 out width
  [ -f "$page" ] || { echo "missing $page" >&2; status=1; return; }
  out=$(mandoc -Tlint "$page" 2>&1 || true)
  if [ -n "$out" ]; then
    echo "$out" >&2
    status=1
  fi
  mkdir -p "$(dirname "$copy")"
  cp "$page" "$copy"
  for width in "${quiet_widths[@]}" "${narrow_widths[@]}"; do
    out=$(render "$copy" "$width")
    if [[ " ${narrow_widths[*]} " == *" $width "* ]]; then
      out=$(grep -v "can't break line" <<<"$out" || true)
    fi
    if [ -n "$out" ]; then
      echo "man -l $page at $width columns:" >&2
      head -n 20 <<<"$out" >&2
      status=1
    fi
  done
}
shopt -s nullglob
zh=("$root"/man/zh_CN/*.[15])
[ ${#zh[@]} -gt 0 ] || { echo "no Chinese man pages in $root/man/zh_CN" >&2; status=1; }
for page in "$root/man/duban.1" "$root/man/duban.5"; do
  check "$page" "$tree/man/man${page##*.}/${page##*/}"
done
for page in "${zh[@]}"; do
  check "$page" "$tree/man/zh_CN/man${page##*.}/${page##*/}"
done
exit $status
