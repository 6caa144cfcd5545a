cat progress/2024-07/示例甲社区.yaml
