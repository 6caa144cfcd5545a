# A clerk's file, saved in a folder outside progress/; an unrelated broken file.
mkdir -p inbox
cat > inbox/江洋社区.yaml <<'YAML'
date: 2024-07-05
entries:
  - task: 4
    status：推进中
  - task: 9
    status: 推进中
YAML
printf 'date: 2024-06-09\nentries:\n  - task: 2\n    status: 进行中\n' > progress/2024-06/党群服务中心.yaml
