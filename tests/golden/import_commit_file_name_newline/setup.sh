# The office imports 江洋社区's form from a file whose name holds a newline.
git init -q -b main
git config user.name 党政办
git config user.email office@example.org
rm progress/2024-06/江洋社区.yaml
git add tasks.yaml progress
GIT_AUTHOR_DATE=2024-06-10T17:00:00+08:00 GIT_COMMITTER_DATE=2024-06-10T17:00:00+08:00 \
  git commit -q -m "清单和五、六月报送"
mv 江洋社区-2024-06.csv "$(printf '六月报送\n第二行.csv')"
