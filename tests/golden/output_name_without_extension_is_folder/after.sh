find newdir | LC_ALL=C sort
