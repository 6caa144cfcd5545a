#!/usr/bin/env bash
# The .deb that `cpack -G DEB` builds from the install rules: its name and
# control fields, its files, unpacked into a scratch root with `dpkg -x`:
# the installed binary reads the shipped workspace as the built one does, the
# installed man pages of both languages format without a warning (`man -l`),
# and the bash completion completes a command, a --format value, a unit name
# and a month (the zsh one at least parses).
# Usage: package.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build=$(cd "$1" && pwd)
src=$(cd "$2" && pwd)
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
fail() { echo "package: $*" >&2; exit 1; }

# The package.
(cd "$scratch" && cpack -G DEB --config "$build/CPackConfig.cmake" -B "$scratch/out" >"$scratch/cpack.log" 2>&1) ||
  { cat "$scratch/cpack.log" >&2; fail "cpack -G DEB failed"; }
version=$(sed -n 's/^project(duban VERSION \([0-9.]*\).*/\1/p' "$src/CMakeLists.txt")
deb=$scratch/out/duban_${version}_$(dpkg --print-architecture).deb
[ -f "$deb" ] || { ls "$scratch/out" >&2; fail "no $(basename "$deb")"; }

field() { dpkg-deb -f "$deb" "$1"; }
[ "$(field Package)" = duban ] || fail "Package: $(field Package)"
[ "$(field Version)" = "$version" ] || fail "Version: $(field Version)"
[ "$(field Section)" = utils ] || fail "Section: $(field Section)"
[[ $(field Maintainer) == *@* ]] || fail "Maintainer: $(field Maintainer)"
# Depends as dpkg-shlibdeps found it: the libraries the binary links to.
depends=$(field Depends)
for lib in libc6 libstdc++6 libyaml-cpp libfmt libzip libxlsxwriter libpugixml; do
  [[ $depends == *"$lib"* ]] || fail "Depends lacks $lib: $depends"
done
description=$(field Description)
[[ $description == *"reconciliation (对账销号)"* ]] || fail "Description has no English text: $description"
[[ $description == *"每双月对各社区考核排名"* ]] || fail "Description has no Chinese text: $description"

expected_files="./usr/bin/duban
./usr/share/bash-completion/completions/duban
./usr/share/man/man1/duban.1.gz
./usr/share/man/man5/duban.5.gz
./usr/share/man/zh_CN/man1/duban.1.gz
./usr/share/man/zh_CN/man5/duban.5.gz
./usr/share/zsh/vendor-completions/_duban"
files=$(dpkg-deb -c "$deb" | awk '$1 !~ /^d/ {print $6}' | sort)
[ "$files" = "$expected_files" ] || fail "files in the package:
$files
expected:
$expected_files"
dpkg-deb -c "$deb" | awk '{print $1, $2, $6}' | grep -v '^[-d]rw[-x]r-[-x]r-[-x] root/root ' &&
  fail "files not owned by root or not world-readable"

root=$scratch/root
dpkg -x "$deb" "$root"

# The installed binary on the shipped workspace: the built binary's bytes.
built=$build/duban
installed=$root/usr/bin/duban
for args in "check" "tasks" "status --format csv" "reconcile --month 2024-06" "rank --format json"; do
  # shellcheck disable=SC2086
  "$installed" -C "$src" --today 2025-02-15 $args >"$scratch/installed.out" 2>&1 ||
    fail "installed duban $args failed: $(cat "$scratch/installed.out")"
  # shellcheck disable=SC2086
  "$built" -C "$src" --today 2025-02-15 $args >"$scratch/built.out" 2>&1 || true
  cmp -s "$scratch/installed.out" "$scratch/built.out" || fail "installed duban $args differs from the built one"
done
[ -s "$scratch/installed.out" ] || fail "installed duban printed nothing"
# Without -C, from a folder inside the workspace: its nearest ancestor with tasks.yaml.
(cd "$src/progress/2024-06" && "$installed" --today 2025-02-15 tasks) >"$scratch/installed.out" 2>&1 ||
  fail "installed duban tasks in progress/2024-06 failed: $(cat "$scratch/installed.out")"

# The man pages: man-db formats each (groff) and warns about nothing.
for page in man1/duban.1.gz man5/duban.5.gz zh_CN/man1/duban.1.gz zh_CN/man5/duban.5.gz; do
  file=$root/usr/share/man/$page
  out=$(LC_ALL=C.UTF-8 MANWIDTH=80 MAN_KEEP_FORMATTING= man --warnings -l "$file" 2>&1 >"$scratch/page.txt") ||
    fail "man -l $page failed: $out"
  [ -z "$out" ] || fail "man -l $page warns:
$out"
  grep -q duban "$scratch/page.txt" || fail "man -l $page shows no text"
done
LC_ALL=C.UTF-8 MANWIDTH=80 man -l "$root/usr/share/man/zh_CN/man1/duban.1.gz" 2>/dev/null | grep -q '工作清单' ||
  fail "the Chinese page shows no Chinese"

# The bash completion, as bash-completion would load it, run on the words
# typed so far; the last word is the one being completed.
completion=$root/usr/share/bash-completion/completions/duban
complete_words() {
  local dir=$1
  shift
  (
    cd "$dir"
    PATH=$root/usr/bin:$PATH
    # shellcheck source=/dev/null
    source "$completion"
    COMP_WORDS=("$@")
    COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
    COMPREPLY=()
    _duban
    printf '%s\n' "${COMPREPLY[@]}"
  )
}
expect() {  # expect WANT DIR WORDS...: the completions of WORDS in DIR are WANT, one per line
  local want=$1 got
  shift
  got=$(complete_words "$@")
  [ "$got" = "$want" ] || fail "completing '${*:2}' in $1 gave:
$got
expected:
$want"
}
expect "remind
reconcile
rank" "$scratch" duban r
expect "status" "$scratch" duban --strict sta
expect "--format" "$scratch" duban status --form
expect "$(printf '%s\n' text md csv json)" "$scratch" duban status --format ''
expect "json" "$scratch" duban status --format = j
expect "$(printf '%s\n' text md csv json xlsx)" "$scratch" duban reconcile --format ''
expect "$(printf '%s\n' xlsx yaml)" "$scratch" duban template --format ''
expect "江洋社区" "$scratch" duban -C "$src" template --unit 江
expect "江洋社区" "$src/progress" duban template --unit 江
expect "" "$scratch" duban template --unit 江
expect "2024-06" "$scratch" duban -C "$src" reconcile --month 2024-06
expect "$(printf '2024-%02d\n' 5 6 7 8 9 10 11 12)" "$src" duban rank --period 2024
expect "" "$scratch" duban -C "$scratch/nowhere" reconcile --month 2024

# The zsh completion parses (running it needs zsh's completion system on a terminal).
zsh -n "$root/usr/share/zsh/vendor-completions/_duban" || fail "the zsh completion does not parse"
