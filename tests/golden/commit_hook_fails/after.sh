# Only the change staged before is staged; the notices are written.
git -c core.quotePath=false status --porcelain
# Without the hook, the rerun commits the new notice and the removal of
# the old one, both done by the failed run, and nothing else.
rm .git/hooks/pre-commit
"$DUBAN" --today 2024-07-01 notices --month 2024-06 -o reports/ --commit
echo "rerun: exit $?"
git log --format=%s
git -c core.quotePath=false show --stat --format= HEAD | sort
git -c core.quotePath=false status --porcelain
