git log --format=%s
find reports -type f | LC_ALL=C sort
