# The office imports 江洋社区's form into a repository whose pre-commit hook
# refuses every commit.
git init -q -b main
git config user.name 党政办
git config user.email office@example.org
rm progress/2024-06/江洋社区.yaml
git add tasks.yaml progress
git commit -q -m "清单和五、六月报送"
printf '#!/bin/sh\necho "提交前检查未通过：今天不许提交" >&2\nexit 1\n' >.git/hooks/pre-commit
chmod +x .git/hooks/pre-commit
