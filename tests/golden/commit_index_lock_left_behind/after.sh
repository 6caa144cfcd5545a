# duban never removes the lock itself; once it is removed, the rerun commits.
test -e .git/index.lock && echo "锁文件仍在"
git diff --cached --quiet && echo "暂存区无改动"
rm .git/index.lock
"$DUBAN" --today 2024-07-01 reconcile --month 2024-06 -o reports/ --commit
echo "rerun: exit $?"
git log --format=%s
git status --porcelain
