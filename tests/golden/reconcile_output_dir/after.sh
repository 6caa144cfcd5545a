find reports -type f | LC_ALL=C sort
head -c 3 reports/2024-06/reconcile.csv | od -An -tx1
cmp reports/2024-06/reconcile.md <("$DUBAN" --today 2024-07-01 reconcile --month 2024-06) && echo md matches
ls -a reports/2024-06 | grep -c tmp || true
# Unchanged bytes are not rewritten: the file keeps its inode on a second run.
before=$(stat -c %i reports/2024-06/reconcile.md)
"$DUBAN" --today 2024-07-01 reconcile --month 2024-06 -o reports/
[ "$(stat -c %i reports/2024-06/reconcile.md)" = "$before" ] && echo "second run left the file alone"
