#!/usr/bin/env bash
# kill -9 at random moments of `reconcile --all -o` and `notices --all -o`
# over the shipped workspace: every report is then whole, old or new, and
# the next run leaves no temporary file and writes every report new.
# Seeded: KILL_SEED picks the moments, KILL_RUNS how many kills (default 50,
# the two commands in turn).
set -euo pipefail
bin=$(realpath "$1")
root=$(realpath "$2")   # the repository: tasks.yaml and progress/
seed=${KILL_SEED:-20240610}
runs=${KILL_RUNS:-50}
# On disk, not in memory: there the syncs make the writing most of a run,
# so that most kills land in it.
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
ws=$work/ws
mkdir "$ws"
cp -R "$root/tasks.yaml" "$root/progress" "$ws/"
duban() { "$bin" -C "$ws" --today 2025-01-10 "$@"; }
write_both() { duban reconcile --all -o "$1/" && duban notices --all -o "$1/"; }

# Old reports from a workspace without one progress file, new ones with a
# new title and without another: every report changes, notices come and go.
mapfile -t files < <(cd "$ws" && find progress -name '*.yaml' | LC_ALL=C sort)
mv "$ws/${files[3]}" "$work/first"
write_both "$work/old"
mv "$work/first" "$ws/${files[3]}"
rm "$ws/${files[${#files[@]} - 4]}"
sed -i 's/^title: .*/title: 改过标题的清单/' "$ws/tasks.yaml"
write_both "$work/new"

sums() { (cd "$1" && find . -type f ! -name '.*.tmp-*' -print0 | LC_ALL=C sort -z | xargs -0 -r md5sum); }
declare -A old new
while read -r sum path; do old[$path]=$sum; done < <(sums "$work/old")
while read -r sum path; do new[$path]=$sum; done < <(sums "$work/new")
mapfile -t paths < <(printf '%s\n' "${!old[@]}" "${!new[@]}" | LC_ALL=C sort -u)
written_by() {  # path command: whether the command writes that report
  case $1 in
    */notices/*) [ "$2" = notices ] ;;
    *) [ "$2" = reconcile ] ;;
  esac
}

# How long a whole run takes, to kill within it.
declare -A took
for cmd in reconcile notices; do
  rm -rf "$work/out" && cp -a "$work/old" "$work/out"
  start=$(date +%s%N)
  duban "$cmd" --all -o "$work/out/" >/dev/null
  took[$cmd]=$((($(date +%s%N) - start) / 1000000 + 1))
done

status=0
fail() { echo "$*" >&2; status=1; }
RANDOM=$seed
mid_run=0
for ((i = 0; i < runs; i++)); do
  cmd=reconcile
  [ $((i % 2)) = 1 ] && cmd=notices
  rm -rf "$work/out" && cp -a "$work/old" "$work/out"
  delay=$((RANDOM % (took[$cmd] + 1)))
  # Not through the function: $! must be duban itself, not a subshell.
  "$bin" -C "$ws" --today 2025-01-10 "$cmd" --all -o "$work/out/" >/dev/null 2>&1 &
  pid=$!
  sleep "$(printf '%d.%03d' $((delay / 1000)) $((delay % 1000)))"
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true

  what="kill $i ($cmd after ${delay} ms)"
  declare -A now=()
  while read -r sum path; do now[$path]=$sum; done < <(sums "$work/out")
  temps=$(find "$work/out" -name '.*.tmp-*' | wc -l)
  olds=0 news=0
  for p in "${paths[@]}"; do
    o=${old[$p]-} n=${new[$p]-} c=${now[$p]-}
    if [ -z "$c" ]; then
      [ -z "$o" ] || [ -z "$n" ] || fail "$what: $p is gone"
    elif [ "$c" != "$o" ] && [ "$c" != "$n" ]; then
      fail "$what: $p is neither the old report nor the new one"
    elif [ "$o" != "$n" ]; then
      if [ "$c" = "$o" ]; then olds=$((olds + 1)); else news=$((news + 1)); fi
    fi
  done
  for p in "${!now[@]}"; do [ -n "${old[$p]-}${new[$p]-}" ] || fail "$what: an unknown file $p"; done
  if [ "$temps" -gt 0 ] || { [ "$olds" -gt 0 ] && [ "$news" -gt 0 ]; }; then mid_run=$((mid_run + 1)); fi

  # The next run: no temporary file left, every report of the command new.
  duban "$cmd" --all -o "$work/out/" >/dev/null
  left=$(find "$work/out" -name '.*.tmp-*')
  [ -z "$left" ] || fail "$what: the next run left $left"
  now=()
  while read -r sum path; do now[$path]=$sum; done < <(sums "$work/out")
  for p in "${paths[@]}"; do
    if written_by "$p" "$cmd"; then want=${new[$p]-}; else want=${old[$p]-}; fi
    [ "${now[$p]-}" = "$want" ] || fail "$what: after the next run $p is not as it should be"
  done
  [ $status = 0 ] || break
done
echo "$runs kills, $mid_run while writing (seed $seed; whole runs took ${took[reconcile]} and ${took[notices]} ms)"
# A test whose kills all land before or after the writing tests nothing.
if [ $status = 0 ] && [ $((mid_run * 5)) -lt "$runs" ]; then
  fail "only $mid_run of $runs kills landed while writing"
fi
exit $status
