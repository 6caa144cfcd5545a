# A repository without a commit: every entry of the round is 未提交.
git init -q -b main
