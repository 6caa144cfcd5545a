# 示例甲社区's June report is committed dated 3000-01-01 (git takes a date
# given as seconds since 1970): a date that proves nothing, so it does not
# count as on time.
source "$GOLDEN_LIB/audit_history.sh"
printf 'unit: 示例甲社区\ndate: 2024-06-07\nentries:\n  - task: 1\n    status: 推进中\n    percent: 30\n' \
  > progress/2024-06/示例甲社区.yaml
commit "@32503680000 +0000" 示例甲社区 sj@example.org "示例甲社区 6月报送" progress/2024-06/示例甲社区.yaml
