#!/usr/bin/env bash
# One writer at a time: `reconcile --all -o reports/ --commit` and `notices
# --all -o reports/ --commit` started together, round after round (default
# 20, ONE_WRITER_ROUNDS), leave every report whole and a linear history of
# one commit per run, each holding exactly its own command's files. Then a
# run that finds the lock taken waits DUBAN_LOCK_TIMEOUT seconds and exits 1
# naming it, in a git work tree (.git/duban.lock) and outside one (the -o
# folder); and it goes on once the lock is let go within that time.
set -euo pipefail
bin=$(realpath "$1")
root=$(realpath "$2")   # the repository: tasks.yaml and progress/
rounds=${ONE_WRITER_ROUNDS:-20}
work=$(mktemp -d)
holder=
trap '[ -z "$holder" ] || kill "$holder" 2>/dev/null || true; rm -rf "$work"' EXIT
export GIT_CONFIG_GLOBAL=/dev/null GIT_CONFIG_NOSYSTEM=1 LC_ALL=C.UTF-8
unset DUBAN_LOCK_TIMEOUT GIT_AUTHOR_NAME GIT_AUTHOR_EMAIL GIT_COMMITTER_NAME GIT_COMMITTER_EMAIL EMAIL
status=0
fail() { echo "$*" >&2; status=1; }
duban() { "$bin" --today 2025-01-10 "$@"; }

ws=$work/ws
mkdir "$ws"
cp -R "$root/tasks.yaml" "$root/progress" "$ws/"
cd "$ws"
git init -q . && git config user.name 测试 && git config user.email test@example.org
git add -A && git commit -qm 初始

# The files of a commit, and whether each belongs to the command of its message.
own_files() {  # commit: exit 1 unless every file is its command's
  local message file
  message=$(git log -1 --format=%s "$1")
  while IFS= read -r file; do
    case $message in
      "对账销号 "*) [[ $file =~ ^reports/[0-9]{4}-[0-9]{2}/reconcile\.(md|csv|xlsx)$ ]] || return 1 ;;
      "督办通知 "*) [[ $file =~ ^reports/[0-9]{4}-[0-9]{2}/notices/[^/]+\.md$ ]] || return 1 ;;
      *) return 1 ;;
    esac
  done < <(git -c core.quotePath=false diff-tree --no-commit-id --name-only -r "$1")
}

for ((i = 1; i <= rounds; i++)); do
  # A new title: every report changes, so both runs write and commit.
  sed -i "s/^title: .*/title: 第 $i 次改过标题的清单/" tasks.yaml
  git commit -qam "标题 $i"
  base=$(git rev-parse HEAD)
  duban reconcile --all -o reports/ --commit >"$work/reconcile.err" 2>&1 &
  r=$!
  duban notices --all -o reports/ --commit >"$work/notices.err" 2>&1 &
  n=$!
  wait $r || fail "round $i: reconcile failed: $(cat "$work/reconcile.err")"
  wait $n || fail "round $i: notices failed: $(cat "$work/notices.err")"

  # Every report as one run alone writes it.
  rm -rf "$work/alone"
  duban reconcile --all -o "$work/alone/" && duban notices --all -o "$work/alone/"
  diff -r "$work/alone" reports >/dev/null || fail "round $i: reports differ from one run's: $(diff -rq "$work/alone" reports | head -3)"
  [ -z "$(git status --porcelain)" ] || fail "round $i: not all committed: $(git status --porcelain | head -3)"

  # Two commits in a line on top of the round's start, one per command.
  mapfile -t commits < <(git rev-list --topo-order "$base..HEAD")
  [ "${#commits[@]}" = 2 ] || fail "round $i: ${#commits[@]} commits, expected 2"
  [ -z "$(git rev-list --min-parents=2 "$base..HEAD")" ] || fail "round $i: a merge commit"
  messages=$(git log --format=%s "$base..HEAD" | LC_ALL=C sort | tr '\n' '|')
  [ "$messages" = "对账销号 2024-05..2025-01|督办通知 2024-05..2025-01|" ] ||
    fail "round $i: commit messages $messages"
  for c in "${commits[@]}"; do own_files "$c" || fail "round $i: commit $(git log -1 --format=%s "$c") holds another's files"; done
  [ $status = 0 ] || break
done
echo "$rounds rounds of two runs at once"

# waits_and_fails SECONDS WANT ARGS...: with the lock held, the run exits 1
# after about SECONDS, naming the lock, and writes nothing.
waits_and_fails() {
  local seconds=$1 want=$2
  shift 2
  local code=0 start took
  start=$(date +%s%N)
  DUBAN_LOCK_TIMEOUT=$seconds duban "$@" >"$work/out" 2>"$work/err" || code=$?
  took=$((($(date +%s%N) - start) / 1000000))
  [ "$code" = 1 ] || fail "lock held: exit $code, expected 1: $(cat "$work/err")"
  [ "$took" -ge $((seconds * 1000)) ] || fail "lock held: gave up after $took ms, before $seconds s"
  [ "$took" -lt $((seconds * 1000 + 5000)) ] || fail "lock held: waited $took ms, not $seconds s"
  local message="duban: 另一个 duban 正在写入报告，等了 $seconds 秒仍未结束（锁：$want），本次未写入任何文件：请等它结束后重新运行"
  [ "$(cat "$work/err")" = "$message" ] || fail "lock held: stderr is $(cat "$work/err")"
}

# hold PATH SECONDS: another process (then $holder) holds the lock of PATH,
# a file or a folder, for SECONDS.
hold() {
  (exec 9<"$1" && flock 9 && exec sleep "$2") &
  holder=$!
  while flock -n "$1" true; do sleep 0.05; done
}

# In the work tree: .git/duban.lock, for runs with --commit or without.
sed -i "s/^title: .*/title: 最后改过标题的清单/" tasks.yaml
git commit -qam "标题 最后"
head=$(git rev-parse HEAD)
touch .git/duban.lock
hold .git/duban.lock 30
waits_and_fails 2 .git/duban.lock reconcile -o reports/ --commit
waits_and_fails 1 .git/duban.lock notices -o reports/
[ "$(git rev-parse HEAD)" = "$head" ] && [ -z "$(git status --porcelain)" ] || fail "lock held: something was written"
kill $holder && wait $holder 2>/dev/null || true
# Let go within the wait: the run goes on.
hold .git/duban.lock 1
DUBAN_LOCK_TIMEOUT=20 duban reconcile -o reports/ --commit || fail "lock let go: the run failed"
[ "$(git log -1 --format=%s)" = "对账销号 2025-01" ] || fail "lock let go: not committed"
wait $holder || true

# Outside git: the -o folder itself.
plain=$work/plain
mkdir "$plain"
cp -R "$root/tasks.yaml" "$root/progress" "$plain/"
cd "$plain"
mkdir reports
hold reports 30
waits_and_fails 1 "文件夹 reports" reconcile -o reports/
[ -z "$(ls reports)" ] || fail "folder locked: something was written"
kill $holder && wait $holder 2>/dev/null || true
holder=

# A wait that is no number of seconds is a usage error, on any writing run.
code=0
DUBAN_LOCK_TIMEOUT=1分钟 duban reconcile -o reports/ 2>"$work/err" || code=$?
[ "$code" = 2 ] || fail "DUBAN_LOCK_TIMEOUT=1分钟: exit $code, expected 2"
grep -qF "DUBAN_LOCK_TIMEOUT 应为等待的秒数" "$work/err" || fail "DUBAN_LOCK_TIMEOUT=1分钟: $(cat "$work/err")"
exit $status
