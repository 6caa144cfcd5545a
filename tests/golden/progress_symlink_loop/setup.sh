rm -rf progress
ln -s progress progress
