# The draft reads back; check names each due left to fill, and -o never overwrites.
"$DUBAN" --today 2025-01-10 carry-over -o draft/tasks.yaml
echo "carry-over -o: exit $?"
"$DUBAN" -C draft --today 2025-01-10 check
echo "check: exit $?"
"$DUBAN" --today 2025-01-10 carry-over -o draft/tasks.yaml
echo "carry-over -o again: exit $?"
