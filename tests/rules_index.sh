#!/usr/bin/env bash
# Every rule of duban(5) STATUS RULES, GOAL RULES and RANKING RULES is found
# by grepping its section name in src/evaluate/: each subsection (.Ss) of
# those three sections must be named there, with the section it belongs to.
set -euo pipefail
export LC_ALL=C.UTF-8
root=$1
status=0
section=""
while IFS= read -r line; do
  case "$line" in
    ".Sh "*) section=${line#.Sh } ;;
    ".Ss "*)
      case "$section" in
        "STATUS RULES" | "GOAL RULES" | "RANKING RULES")
          sub=${line#.Ss }
          if ! grep -rqF -- "$section" "$root/src/evaluate" ||
            ! grep -rqF -- "$sub" "$root/src/evaluate"; then
            echo "duban(5) $section, $sub: not named in src/evaluate/" >&2
            status=1
          fi
          ;;
      esac
      ;;
  esac
done <"$root/man/duban.5"
# Report wording lives in render/: no Chinese string literal in evaluate/.
if grep -rnP '^(?!\s*//).*"[^"]*[\x{4e00}-\x{9fa5}]' "$root/src/evaluate"; then
  echo "Chinese string literals in src/evaluate/: wording belongs in src/render/" >&2
  status=1
fi
exit $status
