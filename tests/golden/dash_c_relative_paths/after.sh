find . -path ./ws/progress -prune -o -type f -print | LC_ALL=C sort
