#!/usr/bin/env bash
# Every doctest case runs under ctest, exactly once: each ctest entry that runs
# the unit test binary is asked, with its own arguments and --list-test-cases,
# which cases it selects; none may select nothing, and together they must
# select the cases the binary lists, no more and no fewer.
# Usage: unit_cases.sh DUBAN_TESTS CTEST BUILD_DIR
set -euo pipefail
bin=$1
ctest=$2
build=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
status=0

# The case names a --list-test-cases run prints, between its rules of '='.
names() {
  sed -n '/^=====/,/^=====/p' | sed '/^=====/d'
}

"$bin" --list-test-cases | names | LC_ALL=C sort >"$work/all"
"$ctest" --test-dir "$build" --show-only=json-v1 >"$work/ctest.json"
jq -r --arg bin "$bin" '.tests[] | select(.command[0] == $bin) | .name' "$work/ctest.json" >"$work/entries"
if [ ! -s "$work/entries" ]; then
  echo "no ctest entry runs $bin" >&2
  exit 1
fi
: >"$work/run"
while IFS= read -r entry; do
  mapfile -t args < <(jq -r --arg name "$entry" \
    '.tests[] | select(.name == $name) | .command[1:][]' "$work/ctest.json")
  dir=$(jq -r --arg name "$entry" '.tests[] | select(.name == $name)
    | ((.properties // [])[] | select(.name == "WORKING_DIRECTORY") | .value) // "."' "$work/ctest.json")
  (cd "$dir" && "$bin" "${args[@]}" --list-test-cases) | names >"$work/one"
  if [ ! -s "$work/one" ]; then
    echo "ctest entry $entry runs no test case" >&2
    status=1
  fi
  cat "$work/one" >>"$work/run"
done <"$work/entries"
LC_ALL=C sort "$work/run" -o "$work/run"
if ! diff -u --label 'duban_tests --list-test-cases' --label 'cases the ctest entries run' \
  "$work/all" "$work/run" >&2; then
  echo "the ctest entries do not run each unit test case once" >&2
  status=1
fi
exit $status
