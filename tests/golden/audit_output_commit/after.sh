git log -1 --format=%s
git show --stat --format= HEAD | sed "s/ *|.*//"
head -3 reports/2024-06/audit.csv
