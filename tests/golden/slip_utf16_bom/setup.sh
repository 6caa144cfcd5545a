# Notepad's "Unicode": the June file saved as utf-16.
iconv -f UTF-8 -t utf-16 progress/2024-06/江洋社区.yaml > x && mv x progress/2024-06/江洋社区.yaml
