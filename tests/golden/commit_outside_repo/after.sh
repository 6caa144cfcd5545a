test -e reports && echo "reports written" || echo "nothing written"
