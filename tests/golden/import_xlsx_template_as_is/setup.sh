"$DUBAN" --today 2024-07-05 template --unit 示例甲社区 --month 2024-07 >/dev/null 2>&1
# The late June report in _base sits where this import writes: the import is the unit's July file.
rm progress/2024-07/示例甲社区.yaml
