rm progress/2024-06/江洋社区.yaml
