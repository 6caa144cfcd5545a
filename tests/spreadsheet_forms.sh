#!/usr/bin/env bash
# The report form's round trip through programs no one here wrote: a template
# from `duban template` is filled in by openpyxl as a clerk would (status
# picked, percent typed as 80%, texts pasted, a target's value and a duty's
# dates entered, the 填报日期 typed, a row deleted, the sheet renamed) and
# imported; the same file re-saved by LibreOffice and by gnumeric, and saved
# as a GBK CSV, imports to the same progress file; a percent written in words
# is refused at its cell and nothing is written.
set -euo pipefail
bin=$(realpath "$1")
base=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export HOME="$work/home"  # LibreOffice and gnumeric keep settings there
mkdir -p "$HOME"
# The Debian package of openpyxl, whatever python3 comes first on PATH.
python=/usr/bin/python3
ws=$work/ws
cp -R "$base/." "$ws/"
# A target per community, so that 江洋社区 has a value to report.
"$python" - "$ws/tasks.yaml" <<'PY'
import sys
p = sys.argv[1]
s = open(p, encoding="utf-8").read()
s = s.replace("            unit: 部\n", "            unit: 部\n          - name: 调解队伍\n            value: 2\n            unit: 支\n            per: 各社区\n", 1)
open(p, "w", encoding="utf-8").write(s)
PY
fail() { echo "spreadsheet_forms: $*" >&2; exit 1; }
duban() { (cd "$ws" && "$bin" --today 2024-06-09 "$@"); }

duban template --unit 江洋社区 --month 2024-06 -o "$work/form.xlsx" >/dev/null
"$python" - "$work/form.xlsx" "$work/filled.xlsx" <<'PY'
import datetime, sys
import openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb["填报"]
header = next(r for r in range(1, 40) if ws.cell(r, 1).value == "序号")
cols = {ws.cell(header, c).value: c for c in range(1, ws.max_column + 1)}
for r in range(1, header):
    if ws.cell(r, 1).value == "填报日期":
        ws.cell(r, 2).value = datetime.date(2024, 6, 8)
rows = {str(ws.cell(r, 1).value): r for r in range(header + 1, ws.max_row + 1)}
assert set(rows) >= {"1", "4", "6"}, rows
r = rows["1"]
ws.cell(r, cols["状态"]).value = "推进中"
ws.cell(r, cols["进度（%）"]).value = 0.8          # typed as 80%
ws.cell(r, cols["进度（%）"]).number_format = "0%"
ws.cell(r, cols["本月进展"]).value = "完成网格调整\r\n评定方案已出初稿，“好、中、差”标准待定"
ws.cell(r, cols["存在问题"]).value = "部分小区不足300户: 需合并"
ws.cell(r, cols["目标：调解队伍（支）"]).value = 1
ws.cell(r, cols["常态化：网格员技能比武（本期开展日期）"]).value = "2024/6/3、2024年6月7日"
r = rows["4"]
ws.cell(r, cols["状态"]).value = "已完成"
ws.cell(r, cols["进度（%）"]).value = 100
ws.cell(r, cols["下步计划"]).value = "巩固楼栋长队伍"
ws.delete_rows(rows["6"])
ws.title = "六月"
wb.save(sys.argv[2])
PY

# The unit's file of the round is the one the form replaces.
rm "$ws/progress/2024-06/江洋社区.yaml"
duban import "$work/filled.xlsx" >"$work/out" 2>&1 || { cat "$work/out" >&2; fail "the filled form did not import"; }
cp "$ws/progress/2024-06/江洋社区.yaml" "$work/expected.yaml"
grep -q 'percent: 80' "$work/expected.yaml" || fail "80% was not read as 80"
grep -q '"调解队伍": 1' "$work/expected.yaml" || fail "the target's value is missing"
grep -q '"网格员技能比武": \[2024-06-03, 2024-06-07\]' "$work/expected.yaml" || fail "the duty's dates are missing"
grep -q '完成网格调整\\n评定方案' "$work/expected.yaml" || fail "the pasted text lost its line break"
grep -q '^date: 2024-06-08$' "$work/expected.yaml" || fail "the 填报日期 was not read"
grep -q 'task: "6"' "$work/expected.yaml" && fail "the deleted row was imported"
duban check >"$work/check" || { cat "$work/check" >&2; fail "duban check fails on the imported file"; }

# The same form, re-saved by LibreOffice and by gnumeric, and as a GBK CSV.
timeout 180 soffice -env:UserInstallation=file://"$work/lo-profile" --headless --convert-to xlsx \
  --outdir "$work/lo" "$work/filled.xlsx" >/dev/null 2>&1 || fail "LibreOffice could not convert the form"
timeout 120 ssconvert "$work/filled.xlsx" "$work/gnumeric.xlsx" >/dev/null 2>&1 || fail "ssconvert could not convert"
timeout 120 ssconvert "$work/filled.xlsx" "$work/utf8.csv" >/dev/null 2>&1 || fail "ssconvert could not write CSV"
iconv -f UTF-8 -t GBK "$work/utf8.csv" >"$work/gbk.csv" || fail "iconv could not write GBK"
cmp -s "$work/utf8.csv" "$work/gbk.csv" && fail "the CSV is not in GBK"
for form in "$work/lo/filled.xlsx" "$work/gnumeric.xlsx" "$work/gbk.csv"; do
  out=$work/again-$(basename "$form")
  duban import -o "$out" "$form" >"$work/out" 2>&1 || { cat "$work/out" >&2; fail "$form did not import"; }
  diff -u "$work/expected.yaml" "$out/2024-06/江洋社区.yaml" || fail "$form imports differently"
done

# A percent in words: refused at its cell, nothing written.
"$python" - "$work/filled.xlsx" "$work/words.xlsx" <<'PY'
import sys
import openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb["六月"]
header = next(r for r in range(1, 40) if ws.cell(r, 1).value == "序号")
col = next(c for c in range(1, ws.max_column + 1) if ws.cell(header, c).value == "进度（%）")
ws.cell(header + 1, col).value = "百分之八十"
wb.save(sys.argv[2])
PY
if duban import -o "$work/words" "$work/words.xlsx" >"$work/out" 2>&1; then fail "a percent in words was accepted"; fi
grep -q 'words.xlsx:六月!G8: 错误: 进度应为 0 到 100 的整数，这里是“百分之八十”' "$work/out" ||
  { cat "$work/out" >&2; fail "the message does not name the cell"; }
[ ! -e "$work/words" ] || fail "a file was written for a form with errors"
