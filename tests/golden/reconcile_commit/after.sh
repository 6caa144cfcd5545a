git log --format=%s
git status --porcelain
# A second run changes nothing and commits nothing.
"$DUBAN" --today 2024-07-01 reconcile --month 2024-06 -o reports/ --commit
git log --format=%s | wc -l
