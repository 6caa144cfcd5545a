# Every kind of file duban does not read, and those it passes over quietly.
d=progress/2024-06
mv $d/江洋社区.yaml "$d/江洋社区.yaml.txt"
mv progress/2024-07/示例甲社区.yaml progress/2024-07/示例甲社区.YAML
: > $d/江洋社区报表.xlsx
: > $d/江洋社区报表.et
: > $d/情况说明.docx
: > $d/照片.jpg
: > $d/江洋社区.json
# Quietly passed over:
: > $d/.DS_Store
: > $d/._党群服务中心.yaml
: > $d/.党群服务中心.yaml.swp
: > $d/党群服务中心.yaml~
: > "$d/~\$江洋社区报表.xlsx"
: > $d/README.md
: > progress/readme.txt
# Read: .yml like .yaml (its error shows it was read).
printf 'date: 2024-05-09\nentries:\n  - task: 4\n    status: 进行中\n' > progress/2024-05/江洋社区.yml
