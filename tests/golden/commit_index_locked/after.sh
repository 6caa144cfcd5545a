# The editor ends, the other git gives up and lets go of the index; the
# rerun commits.
kill "$(cat .git/editor.pid)"
for _ in $(seq 200); do [ -e .git/index.lock ] || break; sleep 0.05; done
git diff --cached --quiet && echo "暂存区无改动"
"$DUBAN" --today 2024-07-01 reconcile --month 2024-06 -o reports/ --commit
echo "rerun: exit $?"
git log --format=%s
git status --porcelain
