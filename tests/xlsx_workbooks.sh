#!/usr/bin/env bash
# The office's workbooks as programs no one here wrote read them: openpyxl
# finds the sheets, numbers as numbers, dates as dates and the lights' fills;
# LibreOffice prints them to PDF. The bytes do not depend on the day, the
# time zone or the clock, and an xlsx is never printed on a terminal.
set -euo pipefail
bin=$(realpath "$1")
base=$(realpath "$2")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "xlsx: $*" >&2; exit 1; }
cp -R "$base/." "$work/ws"
cd "$work/ws"

"$bin" --today 2024-07-01 reconcile --month 2024-06 -o reconcile.xlsx
"$bin" --today 2024-07-01 rank --period 2024-06 -o rank.xlsx
# A round with a file left out gets the sheet 报送文件有误.
mkdir -p "$work/bad" && cp -R "$base/." "$work/bad/"
printf 'unit: 江洋社区\ndate: 2024-06-08\nentries:\n  - task: 4\n    status: 做完了\n' >"$work/bad/progress/2024-06/江洋社区.yaml"
"$bin" -C "$work/bad" --today 2024-07-01 reconcile --month 2024-06 -o "$work/bad.xlsx" 2>/dev/null

/usr/bin/python3 - reconcile.xlsx rank.xlsx "$work/bad.xlsx" <<'PY'
import datetime
import sys

import openpyxl

reconcile, rank, bad = (openpyxl.load_workbook(p) for p in sys.argv[1:])
failures = []


def check(ok, what):
    if not ok:
        failures.append(what)


def columns(sheet):
    return {c.value: c.column for c in sheet[1] if c.value is not None}


def rows(sheet):
    names = columns(sheet)
    for r in range(2, sheet.max_row + 1):
        yield {name: sheet.cell(r, col) for name, col in names.items()}


check(reconcile.sheetnames == ["汇总", "台账", "逾期督办", "未按时报送", "常态化工作"],
      f"reconcile sheets {reconcile.sheetnames}")
check("报送文件有误" in bad.sheetnames, f"no 报送文件有误 with a file left out: {bad.sheetnames}")

ledger = {row["序号"].value: row for row in rows(reconcile["台账"])}
check(set(ledger) == {"1", "2", "3", "4", "5", "6"}, f"台账 ids {sorted(ledger)}")
late = ledger["3"]
check(late["状态"].value == "逾期 10 天", f"task 3 status {late['状态'].value!r}")
check(late["状态"].fill.fill_type == "solid" and late["状态"].fill.fgColor.rgb.endswith("FFC7CE"),
      f"overdue status fill {late['状态'].fill.fgColor.rgb}")
check(ledger["4"]["状态"].fill.fgColor.rgb.endswith("C6EFCE"), "green status fill")
check(ledger["1"]["状态"].fill.fgColor.rgb.endswith("FFEB9C"), "yellow status fill")
check(late["逾期天数"].value == 10 and late["逾期天数"].data_type == "n", f"逾期天数 {late['逾期天数'].value!r}")
progress = ledger["1"]["进度"]
check(isinstance(progress.value, float) and abs(progress.value - 0.37) < 1e-9 and "%" in progress.number_format,
      f"进度 {progress.value!r} {progress.number_format}")
due = late["完成时限"]
check(due.is_date and due.value == datetime.datetime(2024, 5, 31), f"完成时限 {due.value!r}")
check(late["时限原文"].value == "2024年5月底前", f"时限原文 {late['时限原文'].value!r}")

ledger_sheet = reconcile["台账"]
check(ledger_sheet.freeze_panes == "A2", f"台账 frozen at {ledger_sheet.freeze_panes}")
check(ledger_sheet.print_title_rows == "$1:$1", f"台账 printed titles {ledger_sheet.print_title_rows}")
check(ledger_sheet.page_setup.orientation == "landscape" and str(ledger_sheet.page_setup.paperSize) == "9",
      "台账 not A4 landscape")
# A column of Chinese text is about twice as wide as its characters.
title_width = ledger_sheet.column_dimensions["B"].width
check(title_width >= 2 * len("完成两委班子运行情况分析"), f"任务 column {title_width} wide")

overdue = list(rows(reconcile["逾期督办"]))
check(len(overdue) == 1 and overdue[0]["逾期天数"].value == 10, "逾期督办")
missing = [(r["单位"].value, r["序号"].value) for r in rows(reconcile["未按时报送"])]
check(missing == [("示例甲社区", "1"), ("示例甲社区", "3")], f"未按时报送 {missing}")
duties = list(rows(reconcile["常态化工作"]))
check(duties and all(r["考核期数"].data_type == "n" and r["达标率"].data_type == "n" for r in duties),
      "常态化工作 counts are not numbers")

summary = reconcile["汇总"]
labels = {summary.cell(r, 1).value: summary.cell(r, 2) for r in range(1, summary.max_row + 1)}
check(labels["报送日"].is_date and labels["报送日"].value == datetime.datetime(2024, 6, 10), "汇总 报送日")
check(labels["逾期"].value == 1 and labels["合计"].value == 6, "汇总 counts")

check(rank.sheetnames == ["排名", "计分方法"], f"rank sheets {rank.sheetnames}")
ranking = list(rows(rank["排名"]))
check([r["单位"].value for r in ranking] == ["江洋社区", "示例甲社区"], "ranking order")
first = ranking[0]
check(first["排名"].value == 1 and abs(first["得分"].value - 26.2) < 1e-9 and first["得分"].data_type == "n",
      f"score {first['得分'].value!r}")
check(abs(first["按时报送"].value - 0.5) < 1e-9 and first["按时报送：达标"].value == 3
      and first["按时报送：考核"].value == 6, "按时报送 parts")
check(first["未逾期"].value == "—", f"nothing judged shows — ({first['未逾期'].value!r})")

if failures:
    print("\n".join(failures), file=sys.stderr)
    sys.exit(1)
PY

# LibreOffice prints both (one run, its own profile, no terminal needed).
timeout 240 soffice "-env:UserInstallation=file://$work/profile" --headless --norestore \
  --convert-to pdf --outdir "$work/pdf" reconcile.xlsx rank.xlsx >"$work/soffice.log" 2>&1 </dev/null ||
  fail "LibreOffice failed: $(cat "$work/soffice.log")"
for f in reconcile rank; do
  [ "$(head -c 5 "$work/pdf/$f.pdf" 2>/dev/null)" = "%PDF-" ] || fail "no PDF of $f.xlsx: $(cat "$work/soffice.log")"
done

# Another day, another time zone, the real clock moved: the same bytes.
# (libfaketime is preloaded: a sanitized build must let it come first.)
export ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0
TZ=Pacific/Kiritimati faketime '2031-03-04 23:59:59' "$bin" reconcile --month 2024-06 -o again.xlsx
TZ=America/Los_Angeles faketime '2024-07-01 00:00:01' "$bin" rank --period 2024-06 -o rank-again.xlsx
cmp reconcile.xlsx again.xlsx || fail "reconcile.xlsx depends on the day it is made"
cmp rank.xlsx rank-again.xlsx || fail "rank.xlsx depends on the day it is made"

# Not onto a terminal; redirected, the same bytes as the file.
script -qec "\"$bin\" --today 2024-07-01 reconcile --month 2024-06 --format xlsx" /dev/null >"$work/tty" || true
grep -q "无法显示在终端上" "$work/tty" || fail "an xlsx was printed on a terminal: $(head -c 200 "$work/tty")"
"$bin" --today 2024-07-01 reconcile --month 2024-06 --format xlsx >piped.xlsx
cmp reconcile.xlsx piped.xlsx || fail "--format xlsx to a pipe differs from -o reconcile.xlsx"
echo "xlsx: workbooks read back, printed and reproducible"
