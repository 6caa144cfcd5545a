# The commit message is one line, the name's newline escaped in it.
git log -1 --format=%B
