# Notepad's "Unicode": the June file saved as utf-16le.
iconv -f UTF-8 -t utf-16le progress/2024-06/江洋社区.yaml > x && mv x progress/2024-06/江洋社区.yaml
