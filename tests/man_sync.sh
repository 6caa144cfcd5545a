#!/usr/bin/env bash
# The Chinese man pages say what the English ones say. For each pair
# man/duban.N and man/zh_CN/duban.N: the same sections (.Sh) and subsections
# (.Ss) in the same order, and in each of them the same options, commands,
# keys, values, paths, environment variables, literal phrases (.Ql) and
# examples (.Bd -literal), and cross references (.Sx) to the corresponding
# sections. The words around them may differ; these may not, unless the
# section says so in a comment (.\" translated: ENGLISH => CHINESE) for a
# placeholder or formula that reads better in Chinese.
# Usage: man_sync.sh ROOT [PAIR...]   (PAIR: 1, 5; default: both)
set -euo pipefail
root=$1
shift
pairs=("$@")
[ ${#pairs[@]} -gt 0 ] || pairs=(1 5)
status=0
# A translated page names the English heading of each of its sections; a
# stub does not.
translated() { [ -f "$1" ] && grep -q '^\.\\" en: ' "$1"; }
for n in "${pairs[@]}"; do
  en="$root/man/duban.$n"
  zh="$root/man/zh_CN/duban.$n"
  [ -f "$en" ] || { echo "man_sync: missing $en" >&2; status=1; continue; }
  if ! translated "$zh"; then
    # Both translations ship: a missing page, or a stub without the English
    # headings named, is a failure.
    if [ -f "$zh" ]; then
      echo "man_sync: $zh names no English heading (.\\\" en: ...): a stub, not a translation" >&2
    else
      echo "man_sync: missing $zh" >&2
    fi
    status=1
    continue
  fi
  other=$((n == 1 ? 5 : 1))
  zh_other="$root/man/zh_CN/duban.$other"
  # The other page's absence is reported on its own turn (or, when only
  # this pair is compared, not at all); its sections are then not resolved.
  translated "$zh_other" || zh_other=/dev/null/none
  /usr/bin/python3 - "$en" "$zh" "$root/man/duban.$other" "$zh_other" <<'PY' || status=1
import os
import re
import sys

# Macros whose arguments are code (options, commands, keys, values, paths,
# placeholders, literal phrases) and must be the same in both languages. Dq,
# Qq, Pq, Em and Sy hold words that are translated and are not compared.
CODE = {"Fl", "Cm", "Ic", "Li", "Ev", "Pa", "Ar", "Ql", "Nm", "Fn"}
# Every mdoc macro that can be called on a line, so that its name ends the
# arguments of the macro before it.
CALLABLE = CODE | {
    "Ad", "An", "Ao", "Ac", "Aq", "Bo", "Bc", "Bq", "Bro", "Brc", "Brq",
    "Do", "Dc", "Dq", "Dv", "Em", "Er", "Es", "Eo", "Ec", "Fa", "Ft", "Ms",
    "No", "Ns", "Oo", "Oc", "Op", "Po", "Pc", "Pf", "Pq", "Qo", "Qc", "Qq",
    "Sc", "So", "Sq", "Sx", "Sy", "Ta", "Tn", "Ux", "Va", "Xo", "Xc", "Xr",
    "It", "Sm", "Lk", "Mt", "Tg", "Dl", "D1",
}
DELIMITERS = set(". , ; : ? ! ( ) [ ] |".split())
OPTION = re.compile(r"(?<![\w-])(--?[A-Za-z][\w-]*)")
# ‘text’ written out in a line is what .Ql prints: either way is the same.
QUOTED = re.compile(r"‘([^’]*)’")
# A comment in a section of a Chinese page that declares a piece of code
# translated on purpose there, word for word or a whole example:
# .\" translated: path:line:column => 路径:行:列
TRANSLATED = re.compile(r'\.\\" translated: (.*\S) => (.*\S)')


def unescape(word):
    """The text of a roff word, so that `\\-` and `-` compare equal."""
    word = word.replace("\\-", "-").replace("\\&", "").replace("\\e", "\\")
    return word.replace("\\(dq", '"').replace("\\(ga", "`")


def code_words(text):
    """The words of a piece of code, as facts: whichever macro marks a key
    up (.Ic every: workday, .Ql "every: workday"), its words are the same."""
    words = (w.rstrip(".,;:") for w in unescape(text).split())
    return {("code", w) for w in words if w}


def args(line):
    """The words of a macro line, quotes honoured as mdoc does: a quoted
    word may hold spaces, and "" inside it is one quote."""
    words, i, text = [], 0, line[1:]
    while i < len(text):
        if text[i] == " ":
            i += 1
        elif text[i] == '"':
            word, i = "", i + 1
            while i < len(text):
                if text.startswith('""', i):
                    word, i = word + '"', i + 2
                elif text[i] == '"':
                    i += 1
                    break
                else:
                    word, i = word + text[i], i + 1
            words.append(word)
        else:
            end = text.find(" ", i)
            end = len(text) if end < 0 else end
            words.append(text[i:end])
            i = end
    return words


def macro_line(words, facts, refs, number):
    """Adds the code words and .Sx references of one macro line."""
    macro, held = None, []

    def flush():
        if macro == "Sx" and held:
            refs.append((number, unescape(" ".join(held))))
        elif macro == "Ql":
            # Trailing delimiters are outside the quotes; a lone one is quoted.
            while len(held) > 1 and held[-1] in DELIMITERS:
                held.pop()
            facts.update(code_words(" ".join(held)))

    for word in words:
        if word in CALLABLE:
            flush()
            macro, held = word, []
        elif word in DELIMITERS and macro == "Sx":
            pass
        elif word in DELIMITERS and macro != "Ql":
            # Words after a delimiter are prose unless marked up again
            # (.Li commit , default Li date): the translation words them.
            flush()
            macro, held = None, []
        elif macro in ("Sx", "Ql"):
            held.append(word)
        elif macro == "Fl":
            facts.add(("code", "-" + unescape(word)))
        elif macro in CODE:
            facts.update(code_words(word))
    flush()


def parse(path):
    """Sections in order, each (macro, title, parts, references, the English
    title a comment names, the code it declares translated). A section's parts are its text before its first
    list, each item of its top-level lists and the text after each list, as
    (the .It line, facts), so that an option or key is compared where it is
    said, not anywhere in a long section."""
    sections = []
    literal = None
    depth = 0
    with open(path, encoding="utf-8") as page:
        lines = page.read().split("\n")
    named = None
    for number, line in enumerate(lines, 1):
        if line.startswith('.\\"'):
            # A translated heading names the English one it stands for.
            match = re.match(r'\.\\" en: (.*\S)', line)
            named = match.group(1) if match else None
            match = TRANSLATED.match(line)
            if match and sections:
                sections[-1][5].append(match.groups())
            continue
        if literal is not None:
            if line.startswith(".Ed"):
                sections[-1][2][-1][1].add(("literal", "\n".join(literal)))
                literal = None
            else:
                literal.append(unescape(line))
            continue
        if line.startswith((".Sh ", ".Ss ")):
            parts = [(line, set())]
            title = unescape(line[4:]).strip()
            sections.append((line[1:3], title, parts, [], named, []))
            named, depth = None, 0
            continue
        named = None
        if not sections:
            continue
        parts, refs = sections[-1][2], sections[-1][3]
        if line.startswith(".Bl"):
            depth += 1
        elif line.startswith(".El"):
            depth -= 1
            if depth == 0:
                parts.append((f"the text after the list that ends with {parts[-1][0]}", set()))
        elif line.startswith(".It") and depth == 1:
            # An item whose head spans lines (.It Xo) is named by its next line.
            label = f"{line} {lines[number]}" if line == ".It Xo" else line
            parts.append((label, set()))
        facts = parts[-1][1]
        if line.startswith(".Bd") and "-literal" in line:
            literal = []
        elif line.startswith("."):
            macro_line(args(line), facts, refs, number)
        else:
            for option in OPTION.findall(unescape(line)):
                facts.add(("code", option))
            for quoted in QUOTED.findall(line):
                facts.update(code_words(quoted))
    return sections


def resolve(sections, path, sibling):
    """The .Sx references of each section, sorted, as the places of the
    sections they name (a section named twice counts twice): in this page,
    or in the other page of the same language (duban.1 names sections of
    duban.5) when that page exists."""
    titles = {title: ("here", i) for i, (_, title, *_) in enumerate(sections)}
    for i, (_, title, *_) in enumerate(sibling or []):
        titles.setdefault(title, ("there", i))
    resolved, problems = [], []
    for _, _, _, refs, *_ in sections:
        found = []
        for number, title in refs:
            if title in titles:
                found.append(titles[title])
            elif sibling is not None:
                problems.append(f"{path}:{number}: .Sx {title}: no such section")
        resolved.append(sorted(found))
    return resolved, problems


def names(here, there, refs):
    """The titles of the sections refs points at, for a message."""
    pages = {"here": here, "there": there or []}
    return ", ".join(pages[p][i][1] for p, i in refs) or "nothing"


def show(fact):
    """A fact for a message: a code word, or the start of an example."""
    kind, text = fact
    if kind == "code":
        return f"`{text}`"
    text = text if len(text) < 70 else text[:67] + "..."
    return f"the example {text!r}"


en_path, zh_path, en_other_path, zh_other_path = sys.argv[1:5]
en, zh = parse(en_path), parse(zh_path)
en_other = parse(en_other_path) if os.path.exists(en_other_path) else None
zh_other = parse(zh_other_path) if os.path.exists(zh_other_path) else None
problems = []
if [s[0] for s in en] != [s[0] for s in zh]:
    problems.append(
        f"{zh_path}: sections are {' '.join(s[0] for s in zh)}, "
        f"{en_path} has {' '.join(s[0] for s in en)}"
    )
for (em, et, *_), (zm, zt, _, _, named, _) in zip(en, zh):
    # Each heading names the English one it translates, and a title written
    # in ASCII (an option, a key, a format) stays as it is.
    if named is None:
        problems.append(f'{zh_path}: .{zm} {zt}: no comment .\\" en: {et} before it')
    elif named != et or (zt.isascii() and zt != et):
        problems.append(f"{zh_path}: .{zm} {zt} ({named}) stands where {en_path} has .{em} {et}")
en_refs, en_bad = resolve(en, en_path, en_other)
zh_refs, zh_bad = resolve(zh, zh_path, zh_other)
if zh_other is None:
    # The references into a translation that is not there yet cannot be
    # compared; those within the page still are.
    en_refs = [[r for r in refs if r[0] == "here"] for refs in en_refs]
problems += en_bad + zh_bad
def translate(facts, translated):
    """The English facts with the code a section translates on purpose
    replaced by its translation."""
    words = dict(translated)
    result = set()
    for kind, text in facts:
        if kind == "code":
            result.add((kind, words.get(text, text)))
        else:
            for english, chinese in translated:
                text = text.replace(english, chinese)
            result.add((kind, text))
    return result


for i, ((em, et, eparts, *_), (zm, zt, zparts, *_, translated)) in enumerate(zip(en, zh)):
    where = f"{zh_path}: .{zm} {zt} (.{em} {et})"
    eparts = [(label, translate(ef, translated)) for label, ef in eparts]
    if len(eparts) != len(zparts):
        problems.append(
            f"{where}: {len(zparts) - 1} list items and texts after lists, "
            f"the English {len(eparts) - 1}"
        )
    for (label, ef), (_, zf) in zip(eparts, zparts):
        place = where if label.startswith((".Sh", ".Ss")) else f"{where}, {label}"
        for fact in sorted(ef - zf):
            problems.append(f"{place}: lacks {show(fact)}")
        for fact in sorted(zf - ef):
            problems.append(f"{place}: has {show(fact)} that the English lacks")
    if en_refs[i] != zh_refs[i]:
        problems.append(
            f"{where}: refers to {names(zh, zh_other, zh_refs[i])}, "
            f"the English to {names(en, en_other, en_refs[i])}"
        )
for problem in problems:
    print(problem, file=sys.stderr)
sys.exit(1 if problems else 0)
PY
done
exit $status
