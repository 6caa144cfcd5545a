find elsewhere reports | LC_ALL=C sort
cat elsewhere/其他.md
