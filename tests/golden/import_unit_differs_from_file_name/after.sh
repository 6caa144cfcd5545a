# Issue 24, point 5: 江洋社区's form, as its name says, filled in as
# 示例甲社区 was filed and committed as 示例甲社区 without a word. Now the
# disagreement is named, and --unit says which of the two is right.
ls progress/2024-06
echo "--- --unit 示例甲社区"
"$DUBAN" --today 2024-06-09 import --unit 示例甲社区 江洋社区-2024-06.csv; echo "exit $?"
cat progress/2024-06/示例甲社区.yaml
echo "--- --unit 江洋社区 (an alias would do too)"
"$DUBAN" --today 2024-06-09 import --unit 江洋社区 -o other 江洋社区-2024-06.csv; echo "exit $?"
cat other/2024-06/江洋社区.yaml
echo "--- --unit naming neither"
"$DUBAN" --today 2024-06-09 import --unit 党群服务中心 -o neither 江洋社区-2024-06.csv; echo "exit $?"
ls neither 2>&1
echo "--- --unit naming no unit"
"$DUBAN" --today 2024-06-09 import --unit 江洋 江洋社区-2024-06.csv; echo "exit $?"
echo "--- a copy's name, (1) after the month, names the unit too"
cp 江洋社区-2024-06.csv "江洋社区-2024-06 (1).csv"
"$DUBAN" --today 2024-06-09 import -o copy "江洋社区-2024-06 (1).csv"; echo "exit $?"
echo "--- a name without a unit leaves the 单位 cell alone to say it"
cp 江洋社区-2024-06.csv 六月报送.csv
"$DUBAN" --today 2024-06-09 import -o plain 六月报送.csv; echo "exit $?"
