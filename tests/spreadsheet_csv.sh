#!/usr/bin/env bash
# A real spreadsheet program (gnumeric's ssconvert) reads the CSV with its
# Chinese text intact, multi-line cells whole, and formulas left unevaluated.
set -euo pipefail
bin=$1
base=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -R "$base/." "$work/"
cat >"$work/progress/2024-06/江洋社区.yaml" <<'YAML'
unit: 江洋社区
date: 2024-06-08
entries:
  - task: 1
    status: 推进中
    percent: 50
  - task: 4
    status: 推进中
    progress: "=1+1"
    problems: "-2+3"
YAML
"$bin" -C "$work" --today 2024-07-01 reconcile --month 2024-06 --format csv >"$work/r.csv"
export HOME="$work"  # gnumeric keeps settings there
ssconvert "$work/r.csv" "$work/r.xlsx" >/dev/null 2>&1
ssconvert "$work/r.xlsx" "$work/back.csv" >/dev/null 2>&1
fail() { echo "spreadsheet: $*" >&2; cat "$work/back.csv" >&2; exit 1; }
head -1 "$work/back.csv" | grep -qx '序号,任务,牵头单位,责任单位,完成时限,状态,预警,未达标,进度,目标,节点,本月进展,存在问题,下步计划,报送情况' ||
  fail "header not read back"
grep -q '^1,优化治理体系,党政综合办公室,' "$work/back.csv" || fail "Chinese text not intact"
grep -q '^4,.*,=1+1,-2+3,' "$work/back.csv" || fail "a formula was evaluated"
rows=$(grep -c '^[0-9]' "$work/back.csv")
[ "$rows" -eq 6 ] || fail "expected 6 task rows, got $rows"
