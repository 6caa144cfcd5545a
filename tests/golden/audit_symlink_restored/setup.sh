# 江洋社区's June file is replaced by a symbolic link on 06-20 and put back
# unchanged on 06-21: only 示例甲社区's uncommitted entry is news.
source "$GOLDEN_LIB/audit_history.sh"
mv progress/2024-06/江洋社区.yaml jy.hold
ln -s ../2024-05/党政综合办公室.yaml progress/2024-06/江洋社区.yaml
commit 2024-06-20T09:00:00+08:00 党政办 office@example.org "链接" progress/2024-06
rm progress/2024-06/江洋社区.yaml
mv jy.hold progress/2024-06/江洋社区.yaml
commit 2024-06-21T09:00:00+08:00 党政办 office@example.org "恢复" progress/2024-06
