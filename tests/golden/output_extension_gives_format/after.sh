cat 排名.txt
