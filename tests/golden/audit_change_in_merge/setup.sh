# 江洋社区 reports on a branch of its own on 06-09; the office merges it on
# 06-13 and, in the merge commit itself, corrects task 1 from 50 to 70.
source "$GOLDEN_LIB/audit_history.sh"
git reset -q --hard 36f05af
git checkout -q -b jy 12f65e8
git show d0cc8fd:progress/2024-06/江洋社区.yaml > progress/2024-06/江洋社区.yaml
commit 2024-06-09T10:30:00+08:00 江洋社区 jy@example.org "江洋社区 6月报送" progress
git checkout -q main
GIT_COMMITTER_NAME=党政办 GIT_COMMITTER_EMAIL=office@example.org git merge -q --no-ff --no-commit jy >/dev/null
sed -i 's/    percent: 50/    percent: 70/' progress/2024-06/江洋社区.yaml
commit 2024-06-13T09:00:00+08:00 党政办 office@example.org "合并江洋社区的报送" progress
