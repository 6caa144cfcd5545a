# An old notice of a unit no longer behind, someone else's staged change,
# and a hook that refuses every commit.
git init -q . && git config user.name 测试 && git config user.email test@example.org
mkdir -p reports/2024-06/notices && echo "# 旧通知" >reports/2024-06/notices/示例乙社区.md
git add -A && git commit -qm 初始
echo "# 改动" >>tasks.yaml && git add tasks.yaml
printf '#!/bin/sh\necho "提交前检查未通过：今天不许提交" >&2\nexit 1\n' >.git/hooks/pre-commit
chmod +x .git/hooks/pre-commit
