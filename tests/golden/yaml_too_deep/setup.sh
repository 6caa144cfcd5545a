python3 -c "print('entries: ' + '['*70 + ']'*70)" > progress/2024-06/江洋社区.yaml
