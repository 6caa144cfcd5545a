# Both named files are fine: silent, exit 0, though another file is broken.
mkdir -p inbox
printf 'date: 2024-07-05\nentries:\n  - task: 4\n    status: 推进中\n    percent: 30\n' > inbox/江洋社区.yaml
printf 'date: 2024-06-09\nentries:\n  - task: 2\n    status: 进行中\n' > progress/2024-06/党群服务中心.yaml
