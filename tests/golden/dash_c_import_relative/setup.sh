# Issue 27, point 5: with -C, a form named relative to -C's folder is read
# from there, and template's -o writes there too.
mkdir ws && mv tasks.yaml progress ws/
rm ws/progress/2024-06/江洋社区.yaml
"$DUBAN" -C ws --today 2024-06-09 template --unit 江洋社区 --month 2024-06 -o 江洋社区-2024-06.xlsx 2>/dev/null
