#!/usr/bin/env bash
# On a terminal, status and rank fit its width (COLUMNS, else the
# terminal's own), cutting long texts with …; so does output into a pipe
# when COLUMNS is set (duban status | head, issue 27); into a file, or a pipe
# with no COLUMNS and no terminal, nothing is cut. `script` (util-linux) gives it a terminal; `wc -L` measures lines
# in display columns (a Chinese character is two).
set -euo pipefail
bin=$(realpath "$1")
ws=$2
run_on_tty() {  # columns, then the arguments after status
  local columns=$1
  shift
  script -qec "env LC_ALL=C.UTF-8 NO_COLOR=1 COLUMNS=$columns '$bin' -C '$ws' --today 2024-07-01 status $*" /dev/null |
    tr -d '\r'
}
rank_on_tty() {  # columns, then the arguments after rank
  local columns=$1
  shift
  script -qec "env LC_ALL=C.UTF-8 NO_COLOR=1 COLUMNS=$columns '$bin' -C '$ws' --today 2024-07-01 rank $*" /dev/null |
    tr -d '\r'
}
widest() { LC_ALL=C.UTF-8 wc -L; }

out=$(run_on_tty 70 --as-of 2024-06-10)
[ "$(widest <<<"$out")" -le 70 ] || { echo "status wider than COLUMNS=70 on a terminal:" >&2; echo "$out" >&2; exit 1; }
grep -qF '…' <<<"$out" || { echo "nothing cut with … at 70 columns" >&2; exit 1; }
grep -qF '截至 2024-06-10' <<<"$out" || { echo "no status at all:" >&2; echo "$out" >&2; exit 1; }

out=$(run_on_tty 300 --as-of 2024-06-10)
if grep -qF '…' <<<"$out"; then echo "cut although 300 columns leave room" >&2; exit 1; fi

out=$(run_on_tty 50 --as-of 2024-06-10 --task 1)
grep -qF '…' <<<"$out" || { echo "status --task cuts nothing at 50 columns" >&2; exit 1; }

out=$(env -u COLUMNS LC_ALL=C.UTF-8 "$bin" -C "$ws" --today 2024-07-01 status --as-of 2024-06-10 2>/dev/null | cat)
if grep -qF '…' <<<"$out"; then echo "cut into a pipe without COLUMNS" >&2; exit 1; fi
grep -qF '完成两委班子运行情况分析' <<<"$out" || { echo "full title missing into a pipe" >&2; exit 1; }
out=$(LC_ALL=C.UTF-8 COLUMNS=70 "$bin" -C "$ws" --today 2024-07-01 status --as-of 2024-06-10 | cat)
[ "$(widest <<<"$out")" -le 70 ] || { echo "status into a pipe wider than COLUMNS=70:" >&2; echo "$out" >&2; exit 1; }

# rank: the components give way, the rank and the score stay whole.
full=$(env -u COLUMNS LC_ALL=C.UTF-8 "$bin" -C "$ws" --today 2024-07-01 rank --period 2024-06 2>/dev/null | cat)
[ "$(widest <<<"$full")" -gt 80 ] || { echo "rank fits 80 columns anyway: nothing to test" >&2; exit 1; }
if grep -qF '…' <<<"$full"; then echo "rank cut into a pipe" >&2; exit 1; fi
out=$(rank_on_tty 80 --period 2024-06)
[ "$(widest <<<"$out")" -le 80 ] || { echo "rank wider than COLUMNS=80 on a terminal:" >&2; echo "$out" >&2; exit 1; }
grep -qF '…' <<<"$out" || { echo "rank cuts nothing at 80 columns" >&2; exit 1; }
[ "$(awk '{print $1, $3}' <<<"$out")" = "$(awk '{print $1, $3}' <<<"$full")" ] ||
  { echo "rank or score cut at 80 columns:" >&2; echo "$out" >&2; exit 1; }
out=$(rank_on_tty 300 --period 2024-06)
[ "$out" = "$full" ] || { echo "rank on a wide terminal differs from rank into a pipe" >&2; exit 1; }
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
script -qec "env LC_ALL=C.UTF-8 COLUMNS=40 '$bin' -C '$ws' --today 2024-07-01 rank --period 2024-06 -o '$scratch/rank.txt'" /dev/null >/dev/null
[ "$(cat "$scratch/rank.txt")" = "$full" ] || { echo "rank -o rank.txt from a terminal is cut" >&2; exit 1; }
