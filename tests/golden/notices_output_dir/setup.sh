mkdir -p reports/2024-06/notices
echo stale > reports/2024-06/notices/江洋社区.md
echo keep > reports/2024-06/notices/README.txt
