ls *.xlsx
# Another day inside the round, the same unit's state: the same bytes.
cp 江洋社区-2024-06.xlsx first.xlsx
"$DUBAN" --today 2024-06-10 template --unit 江洋社区 -o again.xlsx 2>/dev/null
cmp first.xlsx again.xlsx && echo "same bytes"
