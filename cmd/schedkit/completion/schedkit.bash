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
  # answer -o with the flags named o...), or one of the words schedkit
  # lists. --out-dir=DIR is one word with bash-completion's
  # _init_completion, three (--out-dir = DIR) without. flag is the flag,
  # at fpos in words, and value the part of its value typed so far.
  local flag=$prev value=$cur fpos=$((cword - 1))
  if [[ $cur == -*=* ]]; then
    flag=${cur%%=*} value=${cur#*=} fpos=$cword
  elif [[ $prev == = ]] && ((cword > 1)); then
    flag=${words[cword-2]} fpos=$((cword - 2))
    # A value holding = (--rule ID=SEVERITY) is split too: --rule ID = S.
    if [[ $flag != -* ]] && ((cword > 2)) && [[ ${words[cword-3]} == -?* ]]; then
      flag=${words[cword-3]} value=${words[cword-2]}=$cur fpos=$((cword - 3))
    fi
  fi
  if [[ -z $flag ]]; then
    :
  elif [[ " {{.ValueFlags}} " == *" $flag "* ]]; then
    # schedkit prints the flag's values (the words before the flag say
    # which command's flag it is).
    local values
    values=$("${words[0]}" "${words[@]:1:fpos-1}" "$flag" --generate-bash-completion 2>/dev/null) || return 0
    local IFS=$'\n'
    COMPREPLY=($(compgen -W "$values" -- "$value"))
    # Readline replaces only the text after the last = (COMP_WORDBREAKS):
    # offer the rest of each value.
    local word=${COMP_WORDS[COMP_CWORD]}
    [[ $word == = ]] && word=
    if [[ $value == *"$word" && ${#value} -gt ${#word} ]]; then
      local done=${value%"$word"}
      COMPREPLY=("${COMPREPLY[@]#"$done"}")
    fi
    return 0
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
