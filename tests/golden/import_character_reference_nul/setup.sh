# Issue 24, point 12: "&#0;" in a cell cut its text there, silently (the
# file said 前半 where the cell read 前半&#0;后半). The same for other
# references to characters that XML forbids or duban refuses: in an inline
# string, in a shared string, in a number.
"$DUBAN" --today 2024-06-09 template --unit 江洋社区 --month 2024-06 -o form.xlsx >/dev/null 2>&1
/usr/bin/python3 "$GOLDEN_LIB/craft_form.py" form.xlsx 江洋社区-2024-06.xlsx \
  'cell=H8=前半&#0;后半' 'shared=I8=问题&#x1;' 'cell=J8=计划&#x202E;反向' \
  'cell=H9=&#1114112;' 'shared=I9=&#x0000000000000000000000000000000000000000;'
# References that stand for ordinary characters read as those.
/usr/bin/python3 "$GOLDEN_LIB/craft_form.py" form.xlsx fine.xlsx \
  'cell=H8=甲&amp;乙&#x4E2D;&#25991;&lt;&quot;' 'shared=I8=一行&#13;&#10;两行'
rm form.xlsx progress/2024-06/江洋社区.yaml
