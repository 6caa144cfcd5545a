#!/usr/bin/env bash
# On a terminal, status shows the lights in colour; with NO_COLOR or into a
# pipe, none. `script` (util-linux, in every Debian) gives it a terminal.
set -euo pipefail
bin=$1
ws=$2
esc=$'\x1b['
run_on_tty() {  # extra environment assignments...
  script -qec "env $* '$bin' -C '$ws' --today 2024-07-01 status --as-of 2024-06-10" /dev/null
}
out=$(run_on_tty TERM=xterm)
grep -qF "${esc}31m" <<<"$out" || { echo "no red light on a terminal" >&2; exit 1; }
grep -qF "${esc}33m" <<<"$out" || { echo "no yellow light on a terminal" >&2; exit 1; }
out=$(run_on_tty TERM=xterm NO_COLOR=1)
if grep -qF "$esc" <<<"$out"; then echo "colour despite NO_COLOR" >&2; exit 1; fi
out=$("$bin" -C "$ws" --today 2024-07-01 status --as-of 2024-06-10 | cat)
if grep -qF "$esc" <<<"$out"; then echo "colour into a pipe" >&2; exit 1; fi
