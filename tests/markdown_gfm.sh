#!/usr/bin/env bash
# The reconciliation and notices are valid GitHub-flavoured Markdown: cmark-gfm
# renders every table with each row as wide as its header, escaped pipes and
# line breaks stay inside their cells, and the Mermaid block stays a code block.
set -euo pipefail
bin=$1
base=$2   # a workspace
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -R "$base/." "$work/"
# A pipe and a line break inside a cell.
cat >"$work/progress/2024-06/江洋社区.yaml" <<'YAML'
unit: 江洋社区
date: 2024-06-08
entries:
  - task: 1
    status: 推进中
    percent: 50
    progress: "甲|乙两栋完成"
    problems: |
      第一行
      第二行
YAML
"$bin" -C "$work" --today 2024-07-01 reconcile --month 2024-06 >"$work/r.md"
"$bin" -C "$work" --today 2024-07-01 notices --month 2024-06 >"$work/n.md"
"$bin" -C "$work" --today 2024-07-01 rank --period 2024-06 --format md >"$work/k.md"

check_tables() {  # file.md expected_table_count
  cmark-gfm --unsafe --extension table "$1" >"$1.html"
  awk -v file="$1" -v want="$2" '
    /<table>/ { tables++; header = -1 }
    /<tr>/ { cells = 0 }
    /<t[hd][ >]/ { cells += gsub(/<t[hd][ >]/, "&") }
    /<\/tr>/ {
      if (header < 0) header = cells
      else if (cells != header) { printf "%s: table %d has a row of %d cells under a header of %d\n", file, tables, cells, header; bad = 1 }
    }
    END {
      if (want >= 0 && tables != want) { printf "%s: %d tables, expected %d\n", file, tables, want; bad = 1 }
      exit bad
    }' "$1.html"
}
check_tables "$work/r.md" 5   # counts, ledger, overdue, missing reports, duties
check_tables "$work/n.md" -1  # notices: as many tables as units are behind
check_tables "$work/k.md" 1   # the ranking
grep -q '甲|乙两栋完成' "$work/r.md.html" || { echo "escaped pipe lost" >&2; exit 1; }
grep -q '第一行<br>第二行' "$work/r.md.html" || grep -q '第一行<br />第二行' "$work/r.md.html" ||
  { echo "line break inside a cell lost" >&2; exit 1; }
grep -q '<code class="language-mermaid">gantt' "$work/r.md.html" || { echo "no mermaid gantt block" >&2; exit 1; }
