ls ws
head -4 ws/progress/2024-06/江洋社区.yaml
