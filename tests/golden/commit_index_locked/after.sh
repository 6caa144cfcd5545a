rm .git/index.lock
git diff --cached --quiet && echo "暂存区无改动"
"$DUBAN" --today 2024-07-01 reconcile --month 2024-06 -o reports/ --commit
echo "rerun: exit $?"
git log --format=%s
git status --porcelain
