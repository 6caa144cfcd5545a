#!/usr/bin/env bash
# The shipped tasks.yaml and progress/ are clean and hold the whole seed list.
set -euo pipefail
bin=$1
root=$2
fail() { echo "shipped workspace: $*" >&2; exit 1; }

out=$("$bin" -C "$root" --today 2025-01-10 check) || fail "duban check exited $?: $out"
[ -z "$out" ] || fail "duban check printed: $out"

json=$("$bin" -C "$root" --today 2025-01-10 tasks --format json)
count=$(grep -c '"id": ' <<<"$json")
[ "$count" -eq 19 ] || fail "expected 19 tasks, got $count"
# "2024年6月前" is 2024-06-30 and "2024年5月前" is 2024-05-31 (task 4).
grep -q '"due_text": "2024年6月前"' <<<"$json" || fail "no 2024年6月前 deadline"
task4=$(awk '/"id": "4"/,/due_text/' <<<"$json")
grep -q '"due": "2024-05-31"' <<<"$task4" || fail "task 4 is not due 2024-05-31: $task4"
grep -q '"due_text": "2024年5月前"' <<<"$task4" || fail "task 4 lost its written deadline"
task1=$(awk '/"id": "1"/,/due_text/' <<<"$json")
grep -q '"due": "2024-06-30"' <<<"$task1" || fail "task 1 is not due 2024-06-30"

sections=$("$bin" -C "$root" --today 2025-01-10 tasks --format csv | cut -d, -f2 | tail -n +2 | sort -u | wc -l)
[ "$sections" -eq 5 ] || fail "expected 5 sections, got $sections"
