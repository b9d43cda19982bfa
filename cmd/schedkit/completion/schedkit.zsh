#compdef schedkit
# zsh completion for schedkit, printed by "schedkit completion zsh".
#
# Load it in the current shell (after compinit):   source <(schedkit completion zsh)
# or for every shell: save it as _schedkit in a directory of $fpath,
#   schedkit completion zsh > "${fpath[1]}/_schedkit"
#
# Adapted from urfave/cli v2 autocomplete/zsh_autocomplete
# (MIT License, Copyright (c) 2022 urfave/cli maintainers): it asks schedkit
# itself for the words (the hidden --generate-bash-completion flag; the
# variable 0=zsh makes it add each command's description).

_schedkit() {
  local -a opts
  local cur=${words[CURRENT]}
  # The value of a flag that takes a file or a directory (schedkit would
  # answer -o with the flags named o...), or one of the words schedkit
  # lists: -o FILE, --output=FILE. The flag is at fpos in words.
  local flag=${words[CURRENT-1]} fpos=$((CURRENT - 1))
  if [[ $cur == -*=* ]]; then
    flag=${cur%%=*} fpos=$CURRENT
  fi
  if [[ -n $flag && " {{.ValueFlags}} " == *" $flag "* ]]; then
    # schedkit prints the flag's values (the words before the flag say
    # which command's flag it is).
    [[ $cur == -*=* ]] && compset -P '*='
    local -a values
    values=("${(@f)$("${words[1]}" "${(@)words[2,fpos-1]}" "$flag" --generate-bash-completion 2>/dev/null)}")
    [[ -n ${values[1]} ]] && _describe 'values' values
    return
  fi
  if [[ -n $flag && " {{.DirFlags}} {{.FileFlags}} " == *" $flag "* ]]; then
    [[ $cur == -*=* ]] && compset -P '*='
    if [[ " {{.DirFlags}} " == *" $flag "* ]]; then
      _files -/
    else
      _files
    fi
    return
  fi
  local -a args=("${(@)words[2,CURRENT-1]}")
  # A bare "--" would end schedkit's flags; "-" asks for all of them.
  if [[ $cur == -- ]]; then
    args+=(-)
  elif [[ $cur == -* ]]; then
    args+=("$cur")
  fi
  opts=("${(@f)$(env 0=zsh "${words[1]}" "${(@)args}" --generate-bash-completion 2>/dev/null)}")
  if [[ -n ${opts[1]} ]]; then
    _describe 'values' opts
  else
    _files
  fi
}

if [[ ${funcstack[1]} == _schedkit ]]; then
  # Loaded from $fpath by compinit: this file is the function body.
  _schedkit "$@"
else
  compdef _schedkit schedkit
fi
