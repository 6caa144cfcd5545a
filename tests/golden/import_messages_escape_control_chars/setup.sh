# Issue 24, point 9: terminal escapes (set the window's title, clear the
# screen) in the 单位, 状态 and 序号 cells of a CSV form, and in the sheet's
# name and a 状态 cell of an .xlsx form, reached the terminal raw.
esc=$'\e]0;PWNED\a\e[2J'
printf '单位,%s\n报送月份,2024-06\n填报日期,2024-06-08\n序号,状态,进度（%%）\n4,%s,20\n%s,推进中,20\n' \
  "$esc" "$esc" "$esc" > hostile.csv
"$DUBAN" --today 2024-06-09 template --unit 江洋社区 --month 2024-06 -o form.xlsx >/dev/null 2>&1
/usr/bin/python3 "$GOLDEN_LIB/craft_form.py" form.xlsx hostile.xlsx \
  'sheet=\x1b]0;PWNED\x07\x1b[2J' 'cell=F8=\x1b]0;PWNED\x07\x1b[2J' 'cell=F9=\x9b2J'
rm form.xlsx
