mkfifo progress/2024-06/管道.yaml
