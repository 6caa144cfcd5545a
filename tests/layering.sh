#!/usr/bin/env bash
# Dependencies point one way: cli -> render -> evaluate -> model, load -> model,
# and cli -> load. Each file under src/<layer>/ includes only headers of its own
# layer and of the layers below it, always as "<layer>/<file>.h" (no "..");
# yaml-cpp only under src/load/; model/ and evaluate/ neither read files nor
# the clock. CMake enforces the same matrix through per-layer include roots;
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
  [cli]="render evaluate load model"
  [render]="evaluate model"
  [evaluate]="model"
  [load]="model"
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
exit $status
