# Issue 24, point 3 (peak memory): a form of 40 KB whose sheet holds 12 MiB
# of empty elements after its data: within the cap on unpacked bytes, but a
# node each, some 200 MB parsed. Refused past the memory the parsed parts
# may take, as too large, whatever the elements are.
"$DUBAN" --today 2024-06-09 template --unit 江洋社区 --month 2024-06 -o form.xlsx >/dev/null 2>&1
/usr/bin/python3 "$GOLDEN_LIB/craft_form.py" form.xlsx 江洋社区-2024-06.xlsx nodes=12
rm form.xlsx
rm progress/2024-06/江洋社区.yaml  # so that the form would be written
