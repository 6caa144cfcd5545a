ls progress/2024-06
"$DUBAN" --today 2024-06-09 import -o fine fine.xlsx; echo "exit $?"
grep -E 'progress|problems' fine/2024-06/江洋社区.yaml
