# Nothing was written: the unit's file is the one of _base.
cat progress/2024-06/江洋社区.yaml
