# Folders named loosely or not after a month (read, warned about), folders
# beside progress/ that look like it (not read), and a hidden folder.
mv progress/2024-06 progress/2024-6
mkdir -p progress/2024年5月 progress/江洋社区 progress/.git Progress progess progress/2024-05/附件
printf 'date: 2024-05-08\nentries:\n  - task: 4\n    status: 推进中\n' > progress/江洋社区/5月.yaml
printf 'date: 2024-05-09\nentries:\n  - task: 4\n    status: 进行中\n' > Progress/江洋社区.yaml
printf 'not: [yaml\n' > progress/.git/config.yaml
