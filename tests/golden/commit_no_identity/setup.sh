# A repository without an identity: git may not guess one from the host.
git init -q . && git config user.useConfigOnly true
git add -A && git -c user.name=测试 -c user.email=test@example.org commit -qm 初始
