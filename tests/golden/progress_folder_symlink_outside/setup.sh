# A folder outside the workspace: none of its files may be listed or read.
ln -s /etc progress/2024-09
