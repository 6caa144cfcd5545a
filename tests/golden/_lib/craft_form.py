#!/usr/bin/python3
"""Makes a hostile variant of a report form written by `duban template`, as
an attacker would by editing the workbook's XML (used by the import golden
cases' setup.sh):

  craft_form.py FORM OUT EDIT [EDIT...]

each EDIT one of
  cell=REF=XML       cell REF holds an inline string, XML as written
  shared=REF=XML     cell REF holds a new shared string, XML as written
  reuse=MIB=CELLS    one shared string of MIB MiB used by CELLS cells of row 30
  sheet=XML          the form's sheet (填报) is renamed, XML as written
  nodes=MIB          MIB MiB of empty elements after the form's sheet data

XML is put into the file as it is: references such as &#0; stay references,
and \\xHH in it stands for the byte HH (an escape sequence, say).
"""
import re
import sys
import zipfile

SHEET = "xl/worksheets/sheet1.xml"
STRINGS = "xl/sharedStrings.xml"
BOOK = "xl/workbook.xml"


def unescape(text):
    return re.sub(r"\\x([0-9a-fA-F]{2})", lambda m: chr(int(m.group(1), 16)), text)


def column(n):
    letters = ""
    while n:
        n, r = divmod(n - 1, 26)
        letters = chr(65 + r) + letters
    return letters


def add_shared(parts, xml):
    s = parts[STRINGS]
    index = s.count("<si>")
    s = s.replace("</sst>", "<si><t>%s</t></si></sst>" % xml)
    s = re.sub(r'count="\d+"', 'count="%d"' % (index + 1), s, count=1)
    s = re.sub(r'uniqueCount="\d+"', 'uniqueCount="%d"' % (index + 1), s, count=1)
    parts[STRINGS] = s
    return index


def set_cell(parts, ref, xml_cell):
    pattern = re.compile(r'<c r="%s"[^>]*?(/>|>.*?</c>)' % ref)
    if not pattern.search(parts[SHEET]):
        sys.exit("craft_form.py: no cell %s in the form" % ref)
    parts[SHEET] = pattern.sub(lambda m: xml_cell, parts[SHEET], count=1)


def main():
    src, out, *edits = sys.argv[1:]
    with zipfile.ZipFile(src) as z:
        parts = {n: z.read(n).decode("utf-8") for n in z.namelist()}
    for edit in edits:
        kind, _, arg = edit.partition("=")
        if kind == "cell":
            ref, _, xml = arg.partition("=")
            set_cell(parts, ref, '<c r="%s" t="inlineStr"><is><t>%s</t></is></c>' % (ref, unescape(xml)))
        elif kind == "shared":
            ref, _, xml = arg.partition("=")
            index = add_shared(parts, unescape(xml))
            set_cell(parts, ref, '<c r="%s" t="s"><v>%d</v></c>' % (ref, index))
        elif kind == "reuse":
            mib, _, cells = arg.partition("=")
            index = add_shared(parts, "x" * int(float(mib) * 1024 * 1024))
            row = "".join('<c r="%s30" t="s"><v>%d</v></c>' % (column(20 + k), index) for k in range(int(cells)))
            parts[SHEET] = parts[SHEET].replace("</sheetData>", '<row r="30">%s</row></sheetData>' % row)
        elif kind == "sheet":
            parts[BOOK] = parts[BOOK].replace('name="填报"', 'name="%s"' % unescape(arg), 1)
        elif kind == "nodes":
            padding = "<x/>" * int(float(arg) * 1024 * 1024 / 4)
            parts[SHEET] = parts[SHEET].replace("</sheetData>", "</sheetData>" + padding, 1)
        else:
            sys.exit("craft_form.py: unknown edit " + edit)
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        for name, text in parts.items():
            z.writestr(name, text.encode("utf-8"))


main()
