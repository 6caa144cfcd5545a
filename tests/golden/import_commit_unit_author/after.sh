# The unit is the author, the office the committer; only the imported file
# is in the commit (the form itself stays untracked).
git log -1 --format='%an <%ae> | %cn <%ce> | %s'
git -c core.quotepath=off show --stat --format= HEAD
git -c core.quotepath=off status --short
# Imported again unchanged: nothing more to commit.
"$DUBAN" --today 2024-06-12 import --commit 江洋社区-2024-06.csv
git rev-list --count HEAD
# The audit shows both names (the commit's date fixed to 06-12 first).
GIT_COMMITTER_DATE=2024-06-12T09:00:00+08:00 git commit -q --amend --no-edit --date=2024-06-12T09:00:00+08:00
"$DUBAN" --today 2024-07-01 audit --month 2024-06
