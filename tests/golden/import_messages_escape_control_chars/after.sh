# Nothing the terminal would act on: no ESC, BEL or C1 control (CSI, U+009B) printed.
"$DUBAN" --today 2024-06-09 import hostile.csv hostile.xlsx 2>&1 |
  /usr/bin/python3 -c 'import sys; d = sys.stdin.buffer.read(); print(sum(d.count(c) for c in (b"\x1b", b"\x07", b"\xc2\x9b")), "control characters printed")'
