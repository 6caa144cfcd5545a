# The reports are written, not staged: the index is as before the run.
git diff --cached --quiet && echo "暂存区无改动"
git status --porcelain
# Once the identity is set, the rerun commits the reports it finds written.
git config user.name 测试 && git config user.email test@example.org
"$DUBAN" --today 2024-07-01 reconcile --month 2024-06 -o reports/ --commit
echo "rerun: exit $?"
git log --format=%s
git show --stat --format= HEAD
git status --porcelain
