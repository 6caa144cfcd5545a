rm progress/2024-06/示例甲社区.yaml
ln -s ../2024-05/不存在.yaml progress/2024-06/示例甲社区.yaml
