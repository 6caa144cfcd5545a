find reports -type f | LC_ALL=C sort
for f in reports/2024-06/remind/*.md; do echo "== $f"; cat "$f"; done
