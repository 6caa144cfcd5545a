# Shared by the audit and on_time: commit golden cases (sourced by their
# setup.sh, inside the case's workspace):
# A repository with fixed dates: the June round (report day 2024-06-10) is
# reconciled on 06-11; 江洋社区's June file is committed only on 06-12 (补录);
# the office changes its task 1 percent on 06-15 and 党群服务中心's June file
# is removed on 06-16 (after the reconciliation); one entry is not committed.
commit() {  # commit DATE AUTHOR EMAIL MESSAGE PATH...
  local date=$1 name=$2 email=$3 msg=$4
  shift 4
  git add -A -- "$@"
  GIT_AUTHOR_DATE=$date GIT_COMMITTER_DATE=$date GIT_AUTHOR_NAME=$name GIT_AUTHOR_EMAIL=$email \
    GIT_COMMITTER_NAME=党政办 GIT_COMMITTER_EMAIL=office@example.org git commit -q -m "$msg"
}
git init -q -b main
mv progress/2024-06/江洋社区.yaml jy.hold
commit 2024-06-10T17:00:00+08:00 党政办 office@example.org "清单和五、六月报送" tasks.yaml progress
mkdir -p reports/2024-06 && echo "# 对账 2024-06" > reports/2024-06/reconcile.md
commit 2024-06-11T09:00:00+08:00 党政办 office@example.org "对账销号 2024-06" reports
mv jy.hold progress/2024-06/江洋社区.yaml
commit 2024-06-12T10:30:00+08:00 江洋社区 jy@example.org "江洋社区 6月报送" progress
sed -i 's/    percent: 60/    percent: 80/' progress/2024-06/党政综合办公室.yaml
commit 2024-06-15T16:00:00+08:00 党政办 office@example.org "更正进度" progress
git rm -q progress/2024-06/党群服务中心.yaml
commit 2024-06-16T08:00:00+08:00 党政办 office@example.org "删去重复报送" progress
# Authors shown through .mailmap (read from the work tree).
printf "江洋社区 张三 <jy@example.org>\n" > .mailmap
# Not committed: a new entry in 示例甲社区's file of the July folder, dated in June's window.
printf '  - task: 3\n    date: 2024-06-09\n    status: 推进中\n    percent: 20\n' >> progress/2024-07/示例甲社区.yaml
