git init -q . && git config user.name 测试 && git config user.email test@example.org
git add -A && git commit -qm 初始
echo "# 改动" >> tasks.yaml && git add tasks.yaml
