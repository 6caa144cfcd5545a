#!/usr/bin/env bash
# Dependencies point one way: cli -> app; app -> load, evaluate, render, io;
# render -> evaluate -> model; load -> io, model. Each file under src/<layer>/
# includes only headers of its own layer and of the layers below it, always as
# "<layer>/<file>.h" (no ".."); besides app, the command line names only the
# failure it reports (io/failure.h, io/output.h's print), dates and formats.
# yaml-cpp only under src/load/; CLI11 only in three files of src/cli/ and in
# no header; io/ knows no domain (no model/); model/ and evaluate/ neither read
# files nor the clock; src/cli/ neither spawns, opens, renames nor locks.
# CMake enforces the same matrix through per-layer include roots;
# tests/layering_catches.sh shows this check fails on an upward include.
set -euo pipefail
root=$1
status=0
fail() {
  echo "$*" >&2
  status=1
}

# The layers each layer may include besides itself.
declare -A below=(
  [cli]="app io render model"
  [app]="render evaluate load io model"
  [render]="evaluate model"
  [evaluate]="model"
  [load]="io model"
  [io]=""
  [model]=""
)

for dir in "$root"/src/*/; do
  layer=$(basename "$dir")
  if [ -z "${below[$layer]+set}" ]; then
    fail "src/$layer/ is not a known layer: add it to tests/layering.sh and CMakeLists.txt"
    continue
  fi
  while IFS= read -r hit; do
    file=${hit%%:*}
    rest=${hit#*:}
    line=${rest%%:*}
    [[ "${rest#*:}" =~ include[[:space:]]*([\<\"])([^\>\"]*) ]] || continue
    quote=${BASH_REMATCH[1]}
    target=${BASH_REMATCH[2]}
    where="src/$layer/${file##*/}:$line"
    first=${target%%/*}
    if [[ "$target" == *..* ]]; then
      fail "$where includes \"$target\": name the layer instead of a relative path"
    elif [ -n "${below[$first]+set}" ]; then
      if [ "$first" != "$layer" ] && [[ " ${below[$layer]} " != *" $first "* ]]; then
        fail "$where includes $target: src/$layer/ may include only $layer${below[$layer]:+ ${below[$layer]}}"
      fi
    elif [ "$quote" = '"' ]; then
      fail "$where includes \"$target\": write it as \"<layer>/<file>.h\""
    fi
  done < <(grep -nHE '^[[:space:]]*#[[:space:]]*include[[:space:]]*[<"]' "$dir"* || true)
done

yaml=$(grep -rln 'yaml-cpp/' "$root/src" | grep -v "^$root/src/load/" || true)
if [ -n "$yaml" ]; then fail "yaml-cpp included outside src/load/: $yaml"; fi
io=$(grep -rlnE '#include <(fstream|filesystem|chrono|ctime|cstdio|iostream)>|std::time\(|fopen|localtime' \
  "$root/src/model" "$root/src/evaluate" 2>/dev/null || true)
if [ -n "$io" ]; then fail "file or clock access in model/ or evaluate/: $io"; fi
clock=$(grep -rlnE 'std::time\(|localtime' "$root/src" | grep -v "^$root/src/io/" || true)
if [ -n "$clock" ]; then fail "the clock read outside src/io/: $clock"; fi
cli11=$(grep -rl 'CLI/' "$root/src" | sort || true)
if [ "$(grep -c . <<<"$cli11")" -gt 3 ] || grep -qvE "^$root/src/cli/[^/]+\.cc$" <<<"$cli11"; then
  fail "CLI11 in more than three files, or outside src/cli/*.cc: $cli11"
fi
spawn=$(grep -rlnE 'posix_spawn|[^_a-z]open(at)?\(|[^_a-z]rename\(|flock\(|fstream' "$root/src/cli" || true)
if [ -n "$spawn" ]; then fail "src/cli/ runs a process or opens, renames or locks files itself: $spawn"; fi
exit $status
