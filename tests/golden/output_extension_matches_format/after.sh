cat 排名.csv
