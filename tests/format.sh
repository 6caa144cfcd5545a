#!/usr/bin/env bash
# Every C++ source is formatted by .clang-format.
set -euo pipefail
root=$1
cd "$root"
files=$(find src tests fuzz -name '*.h' -o -name '*.cc' | sort)
# shellcheck disable=SC2086
clang-format --dry-run --Werror $files
