#!/usr/bin/env bash
# --commit where it cannot commit says so in one Chinese line and writes
# nothing: git not installed (not on PATH), and -o outside the work tree.
# Without --commit, a missing git is no matter. (Outside a repository: the
# golden case commit_outside_repo.)
set -euo pipefail
bin=$(realpath "$1")
base=$(realpath "$2")   # a workspace
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export GIT_CONFIG_GLOBAL=/dev/null GIT_CONFIG_NOSYSTEM=1 LC_ALL=C.UTF-8
status=0
fail() { echo "$*" >&2; status=1; }
cp -R "$base/." "$work/ws"
cd "$work/ws"
git init -q . && git config user.name 测试 && git config user.email test@example.org
git add -A && git commit -qm 初始

# expect_line WANT ARGS...: exit 1, stderr exactly WANT, nothing written.
expect_line() {
  local want=$1 code=0
  shift
  "$@" >"$work/out" 2>"$work/err" || code=$?
  [ "$code" = 1 ] || fail "$*: exit $code, expected 1"
  [ "$(cat "$work/err")" = "$want" ] || fail "$*: stderr is: $(cat "$work/err")"
  [ -z "$(git status --porcelain --untracked-files=all)" ] || fail "$*: something was written"
  [ ! -e "$work/elsewhere" ] || fail "$*: wrote outside the work tree"
}

# No git: the shell finds duban by its path, duban finds no git.
expect_line "duban: 找不到 git 命令，无法使用 --commit：请先安装 git（Debian 上运行 apt install git），或去掉 --commit；未写入任何文件" \
  env PATH=/nonexistent "$bin" --today 2024-07-01 reconcile -o reports/ --commit
env PATH=/nonexistent "$bin" --today 2024-07-01 reconcile -o "$work/plain/" || fail "no git, no --commit: failed"
[ -f "$work/plain/2024-06/reconcile.md" ] || fail "no git, no --commit: nothing written"

expect_line "duban: ../elsewhere/ 不在 git 仓库（当前目录）之内，--commit 无法提交它：请把 -o 指向仓库之内，或去掉 --commit；未写入任何文件" \
  "$bin" --today 2024-07-01 reconcile -o ../elsewhere/ --commit
exit $status
