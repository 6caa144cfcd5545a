# Another git holds the index: a `git commit -a` waiting for its editor keeps
# .git/index.lock until the editor ends (after.sh ends it).
git init -q . && git config user.name 测试 && git config user.email test@example.org
git add -A && git commit -qm 初始
GIT_EDITOR='echo $$ >.git/editor.pid; exec sleep 60; :' git commit -q -a --allow-empty </dev/null >/dev/null 2>&1 &
for _ in $(seq 200); do [ -s .git/editor.pid ] && break; sleep 0.05; done
