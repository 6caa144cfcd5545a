# Issue 24, point 11: progress/ is a link to a folder outside the
# workspace (which `check` refuses to read); import wrote through it.
mv progress "$HOME/elsewhere"
ln -s "$HOME/elsewhere" progress
rm "$HOME/elsewhere/2024-06/江洋社区.yaml"
printf '单位,江洋社区\n报送月份,2024-06\n填报日期,2024-06-08\n序号,状态,进度（%%）\n4,推进中,20\n' > 江洋社区-2024-06.csv
