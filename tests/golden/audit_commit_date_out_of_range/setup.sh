# 示例甲社区's June file is committed dated 3000-01-01 (git takes a date
# given as seconds since 1970), and the office changes 江洋社区's task 4
# in a commit dated 2020-01-01, before the list was issued (2024-04-08).
source "$GOLDEN_LIB/audit_history.sh"
printf 'unit: 示例甲社区\ndate: 2024-06-07\nentries:\n  - task: 1\n    status: 推进中\n    percent: 30\n' \
  > progress/2024-06/示例甲社区.yaml
commit "@32503680000 +0000" 示例甲社区 sj@example.org "示例甲社区 6月报送" progress/2024-06/示例甲社区.yaml
sed -i 's/    status: 未启动/    status: 推进中/' progress/2024-06/江洋社区.yaml
commit 2020-01-01T09:00:00+08:00 党政办 office@example.org "更正状态" progress/2024-06/江洋社区.yaml
