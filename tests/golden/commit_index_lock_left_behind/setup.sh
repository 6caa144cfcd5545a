# A git that was killed while it held the index left its lock behind; no
# git runs any more.
git init -q . && git config user.name 测试 && git config user.email test@example.org
git add -A && git commit -qm 初始
touch .git/index.lock
