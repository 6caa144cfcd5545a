python3 -c "print('# ' + 'x'*(1<<20))" > progress/2024-06/江洋社区.yaml
