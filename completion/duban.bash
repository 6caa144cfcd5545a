# bash completion for duban(1): commands, options, --format values, unit
# names and months. The words come from `duban _complete`, so they follow the
# program's own options and the workspace's tasks.yaml (the -C DIR typed on
# the line, else the nearest ancestor of the current directory with one).
# Installed as share/bash-completion/completions/duban; to try it without
# installing: source completion/duban.bash

# The options that take a value: the word after them is that value.
_duban_value_options=" -C --today --as-of --unit --task --month --period --format -o "

# Prints the words of `duban [-C DIR] _complete WHAT [COMMAND]`, first column only.
_duban_ask() {
  local prog=$1 dir=$2
  shift 2
  local -a pre=("$prog")
  [[ -n $dir ]] && pre+=(-C "$dir")
  "${pre[@]}" _complete "$@" 2>/dev/null </dev/null | cut -f1
}

# Sets COMPREPLY to the words on standard input that start with $1.
_duban_reply() {
  local word
  COMPREPLY=()
  while IFS= read -r word; do
    [[ $word == "$1"* ]] && COMPREPLY+=("$word")
  done
}

_duban() {
  local cur=${COMP_WORDS[COMP_CWORD]} prev= prog=${COMP_WORDS[0]} dir= cmd= word i
  ((COMP_CWORD > 0)) && prev=${COMP_WORDS[COMP_CWORD - 1]}
  # --format=json arrives as three words: --format, =, json.
  if [[ $cur == = ]]; then
    prev=${COMP_WORDS[COMP_CWORD - 1]} cur=
  elif [[ $prev == = ]] && ((COMP_CWORD > 1)); then
    prev=${COMP_WORDS[COMP_CWORD - 2]}
  fi
  [[ $prog == "~/"* ]] && prog=$HOME/${prog#"~/"}
  for ((i = 1; i < COMP_CWORD; i++)); do
    word=${COMP_WORDS[i]}
    case $word in
      -C) ((i + 1 < COMP_CWORD)) && dir=${COMP_WORDS[i + 1]}; ((i++)) ;;
      -C?*) dir=${word#-C} ;;
      =) ((i++)) ;;
      -*) [[ $_duban_value_options == *" $word "* ]] && ((i++)) ;;
      *) [[ -z $cmd ]] && cmd=$word ;;
    esac
  done
  [[ $dir == "~/"* ]] && dir=$HOME/${dir#"~/"}

  case $prev in
    -C)
      compopt -o filenames 2>/dev/null
      mapfile -t COMPREPLY < <(compgen -d -- "$cur")
      return ;;
    -o)
      compopt -o filenames 2>/dev/null
      mapfile -t COMPREPLY < <(compgen -f -- "$cur")
      return ;;
    --format) _duban_reply "$cur" < <(_duban_ask "$prog" "$dir" formats "$cmd"); return ;;
    --unit) _duban_reply "$cur" < <(_duban_ask "$prog" "$dir" units); return ;;
    --month | --period) _duban_reply "$cur" < <(_duban_ask "$prog" "$dir" months); return ;;
    --today | --as-of | --task) COMPREPLY=(); return ;;
  esac
  if [[ $cur == -* ]]; then
    _duban_reply "$cur" < <(_duban_ask "$prog" "$dir" options "$cmd")
  elif [[ -z $cmd ]]; then
    _duban_reply "$cur" < <(_duban_ask "$prog" "$dir" commands)
  elif [[ $cmd == check || $cmd == import ]]; then
    compopt -o filenames 2>/dev/null
    mapfile -t COMPREPLY < <(compgen -f -- "$cur")
  else
    COMPREPLY=()
  fi
}

complete -F _duban duban
