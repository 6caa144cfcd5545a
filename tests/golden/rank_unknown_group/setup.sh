# No group 各社区 and no ranking.group: rank has no one to rank.
sed -i "s/各社区/全体社区/g" tasks.yaml
