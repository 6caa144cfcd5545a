#!/usr/bin/env bash
# Dependencies point one way: yaml-cpp only under src/load/; model/ and
# evaluate/ neither read files nor the clock.
set -euo pipefail
root=$1
status=0
yaml=$(grep -rln 'yaml-cpp/' "$root/src" | grep -v "^$root/src/load/" || true)
if [ -n "$yaml" ]; then echo "yaml-cpp included outside src/load/: $yaml" >&2; status=1; fi
io=$(grep -rlnE '#include <(fstream|filesystem|chrono|ctime|cstdio|iostream)>|std::time\(|fopen|localtime' \
  "$root/src/model" "$root/src/evaluate" 2>/dev/null || true)
if [ -n "$io" ]; then echo "file or clock access in model/ or evaluate/: $io" >&2; status=1; fi
for layer in model evaluate; do
  up=$(grep -rlnE '#include "(load|render|cli)/' "$root/src/$layer" 2>/dev/null || true)
  if [ -n "$up" ]; then echo "src/$layer depends on a layer above it: $up" >&2; status=1; fi
done
exit $status
