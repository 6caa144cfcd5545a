#!/usr/bin/env bash
# The test of tests/layering.sh and of the per-layer include roots. On a copy
# of src/, each include a layer may not make (model -> anything, io ->
# anything, load -> evaluate/render/app/cli, evaluate -> load/render/io/app/cli,
# render -> load/io/app/cli, app -> cli) is injected, one at a time, into the
# first .cc file of the layer; so are "app/commands.h" into its first header
# and "../app/commands.h" into the .cc.
# layering.sh must fail on each. Given compile_commands.json, the build's own
# command for that .cc, run on the copy, must fail on each upward include too
# (preprocessing is enough: the header is not found) and pass without it.
# Usage: layering_catches.sh ROOT [compile_commands.json]
set -euo pipefail
root=$(realpath "$1")
commands=${2:-}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -R "$root/src" "$work/src"
status=0

declare -A forbidden=(
  [model]="io load evaluate render app cli"
  [io]="model load evaluate render app cli"
  [load]="evaluate render app cli"
  [evaluate]="load render io app cli"
  [render]="load io app cli"
  [app]="cli"
)

# The header of a layer to include: the issue's examples, or the layer's first.
header_of() {
  local -A named=([cli]=commands.h [app]=commands.h [render]=table.h [evaluate]=status.h [load]=task_file.h
    [io]=output.h [model]=date.h)
  if [ -f "$work/src/$1/${named[$1]:-}" ]; then
    echo "$1/${named[$1]}"
  else
    local headers=("$work/src/$1"/*.h)
    echo "$1/${headers[0]##*/}"
  fi
}

# The first file of src/<layer>/ that ends in <suffix>, relative to src/.
first_file() {
  local files=("$work/src/$1"/*"$2")
  echo "$1/${files[0]##*/}"
}

# Whether layering.sh passes on the copy after adding #include "<header>" to src/<rel>.
passes_with() {
  local rel=$1 header=$2 result=0
  cp "$work/src/$rel" "$work/original"
  sed -i "1i #include \"$header\"" "$work/src/$rel"
  bash "$root/tests/layering.sh" "$work" 2>/dev/null || result=1
  cp "$work/original" "$work/src/$rel"
  return $result
}

# Runs the build's compile command for src/<rel> on the copy, preprocessing only.
preprocess() {
  local rel=$1 dir cmd args=() skip=0
  dir=$(jq -r --arg f "$root/src/$rel" '.[] | select(.file == $f) | .directory' "$commands")
  cmd=$(jq -r --arg f "$root/src/$rel" '.[] | select(.file == $f) | .command' "$commands")
  if [ -z "$cmd" ]; then
    echo "no compile command for src/$rel in $commands" >&2
    return 2
  fi
  eval "set -- $cmd"
  for arg in "$@"; do
    if [ $skip = 1 ]; then
      skip=0
    elif [ "$arg" = -o ]; then
      skip=1
    elif [ "$arg" = "$root/src/$rel" ]; then
      args+=("$work/src/$rel")
    elif [ "$arg" != -c ]; then
      args+=("$arg")
    fi
  done
  (cd "$dir" && "${args[@]}" -E -o /dev/null 2>/dev/null)
}

if ! bash "$root/tests/layering.sh" "$work"; then
  echo "layering.sh fails on the unmodified sources" >&2
  exit 1
fi

# CLI11 outside the command line's .cc files, or in a header of it.
for rel in "$(first_file app .cc)" cli/help.h cli/commands.h; do
  if passes_with "$rel" CLI/CLI.hpp; then
    echo "layering.sh passes with CLI11 included in src/$rel" >&2
    status=1
  fi
done

for layer in model io load evaluate render app; do
  rel=$(first_file "$layer" .cc)
  header=$(first_file "$layer" .h)
  for upper in ${forbidden[$layer]}; do
    if passes_with "$rel" "$(header_of "$upper")"; then
      echo "layering.sh passes with #include \"$(header_of "$upper")\" in src/$rel" >&2
      status=1
    fi
  done
  if passes_with "$header" cli/commands.h; then
    echo "layering.sh passes with #include \"cli/commands.h\" in src/$header" >&2
    status=1
  fi
  if passes_with "$rel" ../cli/commands.h; then
    echo "layering.sh passes with #include \"../cli/commands.h\" in src/$rel" >&2
    status=1
  fi
  [ -n "$commands" ] || continue
  if ! preprocess "$rel"; then
    echo "the build's command for src/$rel fails on the unmodified copy" >&2
    status=1
    continue
  fi
  cp "$work/src/$rel" "$work/original"
  for upper in ${forbidden[$layer]}; do
    sed -i "1i #include \"$(header_of "$upper")\"" "$work/src/$rel"
    if preprocess "$rel"; then
      echo "the build compiles src/$rel with #include \"$(header_of "$upper")\" in it" >&2
      status=1
    fi
    cp "$work/original" "$work/src/$rel"
  done
done
exit $status
