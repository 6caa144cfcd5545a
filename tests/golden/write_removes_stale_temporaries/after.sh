find reports | LC_ALL=C sort
