# The page header shows the title as text (＆), and the rank workbook is made too.
"$DUBAN" --today 2024-07-01 rank --period 2024-06 -o reports/; echo "rank exit $?"
/usr/bin/python3 - <<'PY'
import re, zipfile
for book in ("reports/2024-06/reconcile.xlsx", "reports/2024-06/rank.xlsx"):
    z = zipfile.ZipFile(book)
    for name in sorted(n for n in z.namelist() if n.startswith("xl/worksheets/sheet")):
        header = re.search(r"<oddHeader>(.*?)</oddHeader>", z.read(name).decode())
        print(book, name, header.group(1) if header else None)
PY
