# 30 wrong entries and a date after today: 20 problems are listed, then one
# line counts the other 11.
{
  echo 'unit: 江洋社区'
  echo 'date: 2024-07-08'
  echo 'entries:'
  for i in $(seq 1 30); do echo "  - 第${i}项"; done
} > progress/2024-06/江洋社区.yaml
