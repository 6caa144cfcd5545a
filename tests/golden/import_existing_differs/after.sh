"$DUBAN" --today 2024-06-20 import --force 江洋社区-2024-06.csv
cat progress/2024-06/江洋社区.yaml
"$DUBAN" --today 2024-06-20 import 江洋社区-2024-06.csv
