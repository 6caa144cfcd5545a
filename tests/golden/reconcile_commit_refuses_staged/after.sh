git log --format=%s
git status --porcelain
test -e reports && echo "reports written" || echo "nothing written"
