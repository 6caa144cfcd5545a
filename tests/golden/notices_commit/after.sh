git log --format=%s
git -c core.quotePath=false show --stat --format= HEAD | sort
