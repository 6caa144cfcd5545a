ln -s .. progress/2024-06/上个月
