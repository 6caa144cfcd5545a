#!/usr/bin/env bash
# The help and the usage errors are Chinese: the only ASCII words in them
# are option names, format names, duban (and git, the program audit reads),
# paths and examples, besides the command names and what the user typed,
# quoted back. Runs --help of the program and of every command it lists,
# and a set of wrong command lines, and prints any other word.
set -euo pipefail
bin=$(realpath "$1")
ws=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -R "$ws/." "$work/"
out=$work/out
typed=$work/typed
run() {
  printf '%s\n' "$@" >>"$typed"
  (cd "$work" && LC_ALL=C.UTF-8 "$bin" "$@" >>"$out" 2>&1) || true
}

run --help
commands=$(LC_ALL=C.UTF-8 "$bin" --help | sed -n '/^命令：$/,/^$/p' | awk 'NF > 1 {print $1}')
[ -n "$commands" ] || { echo "duban --help lists no commands" >&2; exit 1; }
for c in $commands; do run "$c" --help; done
run
run --today 2024-07-01 statsu
run --today 2024-07-01 foo
run --todya 2024-07-01 status
run --today 2024-07-01 status --as_of 2024-06-10
run --today 2024-07-01 status --as-of
run --today 2024-07-01 status 2024-06-10
run --today 2024-07-01 status reconcile
run --today 2024-07-01 status --as-of 2024-06-01 --as-of 2024-06-02
run --today 2024-07-01 --strict=maybe check
run --today 2024-07-01 reconcile --all --month 2024-06 -o reports/
run --today 2024-07-01 reconcile --format text
run --today 2024-07-01 tasks --format mdd
run --today 2024-07-01 template --month 2024-07
run --today 2024-07-01 template --unit 江洋社区 --format xls
run --today 2024-07-01 import
run --today 2024-10-01 reconcile --month 2024-09 --as-of 2024-08-01
run --today 2024-10-01 rank --period 2024-08 --as-of 2024-06-01

# Words of printable ASCII, without the punctuation around them; each must
# be one of the kinds allowed.
echo "$commands" >>"$typed"
bad=$(grep -oE '[!-~]+' "$out" | sed -E 's/[,:;)]+$//; s/^[(]+//' | grep -E '[A-Za-z]' | sort -u |
  grep -vxF -f "$typed" | grep -vE \
  -e '^-{1,2}[a-zA-Z][a-z-]*(=[a-z]*)?$' \
  -e '^(text|md|csv|json|xlsx|yaml|duban|git)$' \
  -e '^[^/]*/' -e '\.(yaml|md|csv|json|xlsx|txt)$' \
  -e '^(YYYY-MM(-DD)?|[0-9]{4}-[0-9]{2}(-[0-9]{2})?)$' || true)
if [ -n "$bad" ]; then
  echo "English words in the help or usage errors (only option names, format names, duban, paths and examples may be ASCII):" >&2
  echo "$bad" >&2
  exit 1
fi
