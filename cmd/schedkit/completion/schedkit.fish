# fish completion for schedkit, printed by "schedkit completion fish".
#
# Load it in the current shell:   schedkit completion fish | source
# or for every shell:             schedkit completion fish > ~/.config/fish/completions/schedkit.fish
#
# Written from schedkit's commands and flags. A completion applies to one
# command path ("export ics"), which __fish_schedkit_command reads from the
# command line: the value of a flag (json in --format json) is no command.

# __fish_schedkit_command prints the command path before the cursor: it
# walks the words, skips the value of each flag that takes one, and stops
# at the first word that is not a subcommand (a file) or at --.
function __fish_schedkit_command --description 'Print the schedkit command path of the command line'
    set -l words (commandline -opc)
    set -e words[1]
    set -l path
    set -l skip
    for w in $words
        if set -q skip[1]
            set -e skip
            continue
        end
        set -l subs
        set -l valued
        switch "$path"
{{- range .Commands}}{{if or .Subs .Valued}}
            case {{.Path}}
{{- if .Subs}}
                set subs {{.Subs}}
{{- end}}
{{- if .Valued}}
                set valued {{.Valued}}
{{- end}}
{{- end}}
{{- end}}
        end
        switch $w
            case '--' '-'
                break
            case '-*=*'
                continue
            case '-*'
                if contains -- $w $valued
                    set skip 1
                end
                continue
        end
        contains -- $w $subs
        or break
        set -a path $w
    end
    echo $path
end

# __fish_schedkit_using_command PATH... tests that the command path is PATH
# (no PATH: the command is still to be named).
function __fish_schedkit_using_command --description 'Test if the schedkit command path is $argv'
    set -l path (__fish_schedkit_command)
    test "$path" = "$argv"
end
{{range .Complete}}
{{.}}
{{- end}}
