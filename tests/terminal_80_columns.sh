#!/usr/bin/env bash
# Issue 27: at COLUMNS=80, status, rank, remind and reconcile --format text
# print no line wider than 80 display columns, and no two tasks in one table
# read the same once their titles are shortened (tasks 15 and 16 of the
# shipped list both begin 加强基层矛盾纠纷…: the distinguishing end stays).
# Run on the shipped workspace, whose titles are long and alike.
set -euo pipefail
bin=$(realpath "$1")
ws=$2
failed=0
widest() { LC_ALL=C.UTF-8 wc -L; }
check() {  # check NAME ARGS...: run duban ARGS at COLUMNS=80 into a pipe
  local name=$1 out width
  shift
  out=$(env LC_ALL=C.UTF-8 COLUMNS=80 NO_COLOR=1 "$bin" -C "$ws" "$@" 2>/dev/null | cat)
  [ -n "$out" ] || { echo "$name: printed nothing" >&2; failed=1; return; }
  width=$(widest <<<"$out")
  if [ "$width" -gt 80 ]; then
    echo "$name: a line $width columns wide at COLUMNS=80:" >&2
    LC_ALL=C.UTF-8 awk '{ print }' <<<"$out" | while IFS= read -r line; do
      [ "$(widest <<<"$line")" -le 80 ] || echo "  $line" >&2
    done
    failed=1
  fi
  # Tables are blocks between blank lines; a row starts with a task number
  # (or a unit, then the number) and the title follows it.
  local dup
  dup=$(LC_ALL=C.UTF-8 awk '
    /^$/ { delete seen; next }
    {
      for (i = 1; i < NF; i++) if ($i ~ /^[0-9]+$/) break
      if (i >= NF) next
      id = $i; title = $(i + 1)
      if (title in seen && seen[title] != id) print "tasks " seen[title] " and " id " both read " title
      seen[title] = id
    }' <<<"$out")
  if [ -n "$dup" ]; then
    echo "$name: two titles read the same at COLUMNS=80:" >&2
    echo "$dup" >&2
    failed=1
  fi
}
check status --today 2024-07-01 status --as-of 2024-06-10
check rank --today 2024-07-01 rank --period 2024-06
check remind --today 2024-06-05 remind --format text
check reconcile --today 2024-07-01 reconcile --format text
check notices --today 2024-07-01 notices --format text
exit $failed
