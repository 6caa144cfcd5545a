cat forms/党政综合办公室-2024-07.yaml
