cat 江洋社区-2024-06.yaml
# The form passes check as it is, in place of the unit's file of the round.
cp 江洋社区-2024-06.yaml progress/2024-06/江洋社区.yaml
"$DUBAN" --today 2024-06-10 check
echo "check: exit $?"
