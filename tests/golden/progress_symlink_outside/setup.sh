# /etc/passwd is outside the workspace: it must be named, never read or shown.
rm progress/2024-06/示例甲社区.yaml
ln -s /etc/passwd progress/2024-06/示例甲社区.yaml
