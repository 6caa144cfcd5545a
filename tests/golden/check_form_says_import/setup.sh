"$DUBAN" --today 2024-06-09 template --unit 江洋社区 --month 2024-06 -o 江洋社区-2024-06.xlsx >/dev/null 2>&1
