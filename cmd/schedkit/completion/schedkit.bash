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
    words=("${COMP_WORDS[@]}")
    cword=$COMP_CWORD
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
