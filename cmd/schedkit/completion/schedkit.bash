# bash completion for schedkit, printed by "schedkit completion bash".
#
# Load it in the current shell:   source <(schedkit completion bash)
# or for every shell:             schedkit completion bash > ~/.local/share/bash-completion/completions/schedkit
#
# Adapted from urfave/cli v2 autocomplete/bash_autocomplete
# (MIT License, Copyright (c) 2022 urfave/cli maintainers): it asks schedkit
# itself for the words (the hidden --generate-bash-completion flag), needs
# no bash-completion package, and never evals the command line.

_schedkit() {
  local cur prev words cword
  if declare -F _init_completion >/dev/null 2>&1; then
    _init_completion -n "=:" || return
  else
    COMPREPLY=()
    cur=${COMP_WORDS[COMP_CWORD]}
    prev=${COMP_WORDS[COMP_CWORD-1]}
    words=("${COMP_WORDS[@]}")
    cword=$COMP_CWORD
  fi
  # The value of a flag that takes a file or a directory (schedkit would
  # answer -o with the flags named o...). --out-dir=DIR is one word with
  # bash-completion's _init_completion, three (--out-dir = DIR) without.
  local flag=$prev
  if [[ $cur == -*=* ]]; then
    flag=${cur%%=*}
  elif [[ $prev == = ]] && ((cword > 1)); then
    flag=${words[cword-2]}
  fi
  if [[ -z $flag ]]; then
    :
  elif [[ " {{.DirFlags}} " == *" $flag "* ]]; then
    # Directory names only: bash's own directory completion.
    compopt -o dirnames +o default +o bashdefault 2>/dev/null
    return 0
  elif [[ " {{.FileFlags}} " == *" $flag "* ]]; then
    # No candidates: complete file names (complete -o default).
    return 0
  fi
  local -a args=("${words[@]:1:cword-1}")
  # A bare "--" would end schedkit's flags; "-" asks for all of them.
  if [[ $cur == -- ]]; then
    args+=(-)
  elif [[ $cur == -* ]]; then
    args+=("$cur")
  fi
  local opts
  opts=$("${words[0]}" "${args[@]}" --generate-bash-completion 2>/dev/null) || return 0
  # No candidates: complete file names (complete -o default).
  [[ -n $opts ]] || return 0
  local IFS=$'\n'
  COMPREPLY=($(compgen -W "$opts" -- "$cur"))
  return 0
}

complete -o bashdefault -o default -F _schedkit schedkit
