"$DUBAN" --today 2024-07-05 template --unit 示例甲社区 --month 2024-07 >/dev/null 2>&1
