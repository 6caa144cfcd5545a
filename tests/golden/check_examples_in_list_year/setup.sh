# Issue 27, point 9: a list of 2026 is told about 2026 in the examples of
# its messages, not about 2024.
sed -i 's/^issued: 2024-04-08/issued: 2026-01-05/' tasks.yaml
sed -i '0,/due: 2024年6月前/s//due: 明年6月/' tasks.yaml
rm -r progress
