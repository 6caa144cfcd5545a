# A submodule entry (gitlink) under progress/, pointing at a commit whose
# message is written as git cat-file --batch would print a blob; then
# 江洋社区's task 1 goes from 50 to 57 in seven commits.
source "$GOLDEN_LIB/audit_history.sh"
yaml=$(printf 'unit: 江洋社区\ndate: 2024-06-08\nentries:\n  - task: 1\n    status: 已完成\n    percent: 100\n')
forged=$(printf 'x blob %d\n%s\n' "$(printf '%s' "$yaml" | wc -c)" "$yaml" |
  GIT_AUTHOR_NAME=x GIT_AUTHOR_EMAIL=x@example.org GIT_COMMITTER_NAME=x GIT_COMMITTER_EMAIL=x@example.org \
    GIT_AUTHOR_DATE=2024-06-17T08:00:00+08:00 GIT_COMMITTER_DATE=2024-06-17T08:00:00+08:00 \
    git commit-tree "$(git write-tree)")
git update-index --add --cacheinfo "160000,$forged,progress/2024-06/示例甲社区.yaml"
commit 2024-06-17T08:00:00+08:00 党政办 office@example.org "子模块" tasks.yaml
for p in 51 52 53 54 55 56 57; do
  sed -i "s/    percent: $((p - 1))/    percent: $p/" progress/2024-06/江洋社区.yaml
  commit "2024-06-$((p - 33))T09:00:00+08:00" 江洋社区 jy@example.org "江洋社区 $p" progress/2024-06/江洋社区.yaml
done
