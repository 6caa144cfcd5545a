# Nothing was written where the link leads.
ls "$HOME/elsewhere/2024-06"
# A round folder that is a link is refused too, before its file is looked at.
rm progress && mkdir -p progress elsewhere-2024-06
ln -s ../elsewhere-2024-06 progress/2024-06
"$DUBAN" --today 2024-06-09 import 江洋社区-2024-06.csv; echo "exit $?"
ls elsewhere-2024-06
# With -o the folder the user names may be a link: it is followed.
ln -s elsewhere-2024-06 chosen
"$DUBAN" --today 2024-06-09 import -o chosen 江洋社区-2024-06.csv; echo "exit $?"
ls elsewhere-2024-06
