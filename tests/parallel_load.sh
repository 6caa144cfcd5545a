#!/usr/bin/env bash
# Files are read on several threads and merged in a fixed order: every output
# is the same bytes with DUBAN_JOBS=1 as with more threads (issue 14). A
# generated workspace of many files, some of them with errors, gives the same
# check, status, reconcile and rank output with 1, 2, 4 and 7 threads. (The
# golden cases run with one thread and with four: CMakeLists.txt gives each
# DUBAN_JOBS=1 in one build and 4 in the other.)
# Usage: parallel_load.sh DUBAN SOURCE_DIR
set -euo pipefail
bin=$(realpath "$1")
root=$(realpath "$2")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

failed=0
ws=$work/ws
python3 "$root/scripts/bench" --generate "$ws" 3000 >/dev/null
# Errors and warnings in files all over the workspace, so that the order of
# their messages counts too.
n=0
while read -r f; do
  n=$((n + 1))
  case $((n % 41)) in
    0) printf '  - task: 99999\n    status: 推进中\n' >>"$f" ;;
    7) printf '  - task: 1\n    status: 完成了\n' >>"$f" ;;
    13) printf 'unit: [\n' >>"$f" ;;
  esac
done < <(find "$ws/progress" -name '*.yaml' | LC_ALL=C sort)
run_all() {  # jobs
  for cmd in "check" "status --format json" "reconcile --month 2025-06" "rank --month 2025-06" \
    "reconcile --month 2025-06 --format csv"; do
    # shellcheck disable=SC2086
    DUBAN_JOBS=$1 "$bin" -C "$ws" --today 2026-01-10 $cmd 2>&1 || true
  done
}
run_all 1 >"$work/one"
[ -s "$work/one" ] || { echo "no output from the generated workspace" >&2; exit 1; }
grep -q '错误' "$work/one" || { echo "the broken files gave no errors" >&2; exit 1; }
for jobs in 2 4 7; do
  run_all "$jobs" >"$work/many"
  if ! cmp -s "$work/one" "$work/many"; then
    echo "DUBAN_JOBS=$jobs differs from DUBAN_JOBS=1 on the generated workspace:" >&2
    diff "$work/one" "$work/many" | head -20 >&2
    failed=1
  fi
done
exit $failed
