find reports -type f | LC_ALL=C sort
head -c 3 reports/2024-06/reconcile.csv | od -An -tx1
cmp reports/2024-06/reconcile.md <("$DUBAN" --today 2024-07-01 reconcile --month 2024-06) && echo md matches
ls -a reports/2024-06 | grep -c tmp || true
