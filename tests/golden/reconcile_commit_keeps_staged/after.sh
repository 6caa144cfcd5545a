git log --format=%s
# The change staged before stays staged, out of the commit of the reports.
git status --porcelain
git -c core.quotePath=false show --stat --format= HEAD
