# Issue 27, point 10: a milestone due on a festival (中秋) takes that
# festival's day in the list's year from the holiday table (2024-09-17), and
# is not overdue before it; no warning that it falls after the task's due.
sed -i '0,/            due: 2024年5月底前/s//            due: 2024年5月底前\n          - name: 中秋邻里节\n            due: 中秋\n            per: 各社区/' tasks.yaml
