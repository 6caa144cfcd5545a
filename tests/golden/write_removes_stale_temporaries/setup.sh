# What runs killed while writing left behind, and files that only look alike.
mkdir -p reports/2024-06/notices
echo partial > reports/2024-06/.reconcile.md.tmp-a1B2c3
echo partial > reports/2024-06/notices/.江洋社区.md.tmp-Zz0000
echo partial > reports/2024-06/notices/.已撤销社区.md.tmp-XXXXXX
echo mine > reports/2024-06/notices/.备注.tmp-1
echo mine > reports/2024-06/notices/草稿.md.tmp-abcdef
echo mine > reports/.top.md.tmp-abcdef
