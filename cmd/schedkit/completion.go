package main

import (
	"bytes"
	_ "embed"
	"fmt"
	"slices"
	"strings"
	"sync"
	"text/template"
	"unicode/utf8"

	"github.com/schedkit/schedkit/schedule"
	"github.com/urfave/cli/v2"
)

// The scripts are templates, filled in from the app's commands and flags
// when printed. The bash and zsh scripts ask schedkit itself for commands
// and flags (the hidden --generate-bash-completion flag), so the words they
// offer always match the binary; they are given the flags whose value is a
// file or a directory, which they complete themselves (schedkit cannot tell
// "complete -o" from "complete after -o": it answers both with flags).
// The fish script has every command and flag written out. It is not
// urfave/cli's ToFishCompletion, whose conditions match a command name
// anywhere on the line (the json of --format json turned on export json's
// flags), whose flag values are never files, and which offers files among
// the commands.
var (
	//go:embed completion/schedkit.bash
	bashCompletion string
	//go:embed completion/schedkit.zsh
	zshCompletion string
	//go:embed completion/schedkit.fish
	fishCompletion string

	// completionTemplates are parsed when a script is asked for, not at
	// every start-up.
	completionTemplates = sync.OnceValue(func() map[string]*template.Template {
		return map[string]*template.Template{
			"bash": template.Must(template.New("bash").Parse(bashCompletion)),
			"zsh":  template.Must(template.New("zsh").Parse(zshCompletion)),
			"fish": template.Must(template.New("fish").Parse(fishCompletion)),
		}
	})
)

var completionShells = []string{"bash", "zsh", "fish"}

func (e *env) completionCommand() *cli.Command {
	return &cli.Command{
		Name:      "completion",
		Usage:     "print a shell completion script",
		UsageText: "schedkit completion {bash|zsh|fish}",
		Description: `Prints a script that completes schedkit's commands and flags (and file
names where a file goes). Load it:

  bash:  source <(schedkit completion bash)
         or save it as ~/.local/share/bash-completion/completions/schedkit
  zsh:   source <(schedkit completion zsh)      (after compinit)
         or save it as _schedkit in a directory of $fpath
  fish:  schedkit completion fish | source
         or save it as ~/.config/fish/completions/schedkit.fish

Exit status: 0 printed, 2 usage error or a failed write.`,
		Action: func(c *cli.Context) error {
			switch {
			case c.NArg() != 1:
				return usagef(c, "completion needs one shell: bash, zsh or fish")
			case !slices.Contains(completionShells, c.Args().First()):
				return usageErrorf("completion: unknown shell %q: use bash, zsh or fish", c.Args().First())
			}
			var script bytes.Buffer
			if err := completionTemplates()[c.Args().First()].Execute(&script, newCompletionData(c.App)); err != nil {
				return troublef("generating the script: %v", err)
			}
			if _, err := e.stdout.Write(script.Bytes()); err != nil {
				return troublef("writing the script: %v", err)
			}
			return nil
		},
		BashComplete: func(c *cli.Context) {
			if c.NArg() == 0 {
				for _, s := range completionShells {
					c.App.Writer.Write([]byte(s + "\n"))
				}
			}
		},
	}
}

// flagValue is what a flag takes after it.
type flagValue int

const (
	noValue    flagValue = iota // a switch
	otherValue                  // a word the shell cannot complete
	fileValue
	dirValue
)

// placeholderOf returns the placeholder of a flag's value: the first
// backquoted word of its usage, as in urfave/cli's help; "" for a switch.
func placeholderOf(f cli.Flag) string {
	df, ok := f.(cli.DocGenerationFlag)
	if !ok || !df.TakesValue() {
		return ""
	}
	var placeholder string
	if _, after, ok := strings.Cut(df.GetUsage(), "`"); ok {
		placeholder, _, _ = strings.Cut(after, "`")
	}
	return placeholder
}

// choice is the placeholder of a flag whose value is one of values:
// {a|b|c}. Help shows it, and completion offers the values (flagValues):
// build it from the list that defines the values (format.SplitKinds,
// format.FormatNames, …), so that help, completion and the check of the
// value cannot differ.
func choice(values ...string) string { return "{" + strings.Join(values, "|") + "}" }

// ruleChoice is the placeholder of --rule: a rule id and a severity.
// Completion offers every id of schedule.Rules whose severity can be set,
// with each severity (flagValues).
var ruleChoice = "ID=" + choice(schedule.Error.String(), schedule.Warning.String(), schedule.Off.String())

// flagValues returns the words completion offers as f's value: the values
// of a choice placeholder, and for ruleChoice each settable rule id with
// each severity ("duplicate-id=off"); nil when any word goes.
func flagValues(f cli.Flag) []string {
	p := placeholderOf(f)
	id, list, isRule := strings.Cut(p, "=")
	if !isRule {
		list = p
	}
	if len(list) < 2 || list[0] != '{' || list[len(list)-1] != '}' {
		return nil
	}
	values := strings.Split(list[1:len(list)-1], "|")
	if !isRule {
		return values
	}
	if id != "ID" {
		return nil
	}
	var settings []string
	for _, r := range schedule.Rules {
		if r.Fixed {
			continue // its severity cannot be set
		}
		for _, v := range values {
			settings = append(settings, r.ID+"="+v)
		}
	}
	return settings
}

// completeValues is the completion of command cmd (next is what it offers
// otherwise): when the word before --generate-bash-completion is a flag
// of cmd whose values flagValues knows, it prints those values, one a
// line. The bash and zsh scripts ask so after such a flag (ValueFlags).
func (e *env) completeValues(cmd *cli.Command, next cli.BashCompleteFunc) cli.BashCompleteFunc {
	return func(c *cli.Context) {
		if n := len(e.args); n >= 2 && e.args[n-1] == "--generate-bash-completion" && strings.HasPrefix(e.args[n-2], "-") {
			name := strings.TrimLeft(e.args[n-2], "-")
			for _, f := range cmd.Flags {
				if values := flagValues(f); values != nil && slices.Contains(f.Names(), name) {
					for _, v := range values {
						fmt.Fprintln(c.App.Writer, v)
					}
					return
				}
			}
		}
		if next == nil {
			next = cli.DefaultCompleteWithFlags(cmd)
		}
		next(c)
	}
}

// valueOf tells a flag's value by its placeholder (`FILE`, `DIR` in the
// usage text) or its TakesFile.
func valueOf(f cli.Flag) flagValue {
	df, ok := f.(cli.DocGenerationFlag)
	if !ok || !df.TakesValue() {
		return noValue
	}
	switch placeholder := placeholderOf(f); {
	case placeholder == "DIR":
		return dirValue
	case placeholder == "FILE":
		return fileValue
	}
	switch f := f.(type) {
	case *cli.PathFlag:
		return fileValue
	case *cli.StringFlag:
		if f.TakesFile {
			return fileValue
		}
	case *cli.StringSliceFlag:
		if f.TakesFile {
			return fileValue
		}
	case *cli.GenericFlag:
		if f.TakesFile {
			return fileValue
		}
	}
	return otherValue
}

// dashedFlag writes a flag name as it is typed: -o, --output.
func dashedFlag(name string) string {
	name = strings.TrimSpace(name)
	if utf8.RuneCountInString(name) == 1 {
		return "-" + name
	}
	return "--" + name
}

// completionNode is one command of the tree, the root included.
type completionNode struct {
	path  []string       // command names from the root: export ics
	subs  []*cli.Command // visible subcommands
	flags []cli.Flag     // visible flags, --help included
}

// completionNodes lists the root and every visible command below it,
// parents first.
func completionNodes(app *cli.App) []completionNode {
	root := completionNode{subs: visibleCommands(app.Commands), flags: app.VisibleFlags()}
	if !app.HideHelp {
		root.flags = withFlag(root.flags, cli.HelpFlag)
	}
	if !app.HideVersion {
		root.flags = withFlag(root.flags, cli.VersionFlag)
	}
	nodes := []completionNode{root}
	var walk func(path []string, cmds []*cli.Command)
	walk = func(path []string, cmds []*cli.Command) {
		for _, c := range cmds {
			n := completionNode{
				path:  append(slices.Clip(path), c.Name),
				subs:  visibleCommands(c.Subcommands),
				flags: c.VisibleFlags(),
			}
			if !c.HideHelp {
				n.flags = withFlag(n.flags, cli.HelpFlag)
			}
			nodes = append(nodes, n)
			walk(n.path, n.subs)
		}
	}
	walk(nil, root.subs)
	return nodes
}

func visibleCommands(cmds []*cli.Command) []*cli.Command {
	var v []*cli.Command
	for _, c := range cmds {
		if !c.Hidden {
			v = append(v, c)
		}
	}
	return v
}

// withFlag adds f to flags unless a flag of its name is there.
func withFlag(flags []cli.Flag, f cli.Flag) []cli.Flag {
	if f == nil {
		return flags
	}
	for _, g := range flags {
		if slices.Contains(g.Names(), f.Names()[0]) {
			return flags
		}
	}
	return append(slices.Clip(flags), f)
}

// completionData is what the script templates are filled in with.
type completionData struct {
	// FileFlags and DirFlags are the flags, of any command, whose value is
	// a file or a directory, dashed and separated by spaces (bash, zsh).
	// ValueFlags are those whose values schedkit lists (flagValues): the
	// scripts ask it for them (completeValues).
	FileFlags, DirFlags, ValueFlags string
	// Commands and Complete make the fish script; their words are quoted
	// for fish (fishQuote).
	Commands []fishCommand
	Complete []string // the complete commands
}

// fishCommand is what the fish script's __fish_schedkit_command needs to
// know of a command to walk the command line.
type fishCommand struct {
	Path   string // 'export ics'; '' for the root
	Subs   string // subcommand names, each quoted
	Valued string // flags that take a value, dashed, each quoted
}

func newCompletionData(app *cli.App) completionData {
	var d completionData
	var files, dirs, listed []string
	for _, n := range completionNodes(app) {
		path := strings.Join(n.path, " ")
		cond := fishQuote(strings.TrimSpace("__fish_schedkit_using_command " + path))
		fc := fishCommand{Path: fishQuote(path)}
		var subs, valued []string
		for _, c := range n.subs {
			subs = append(subs, c.Names()...)
			line := "complete -c schedkit -n " + cond + " -f -a " + fishQuote(strings.Join(c.Names(), " "))
			if c.Usage != "" {
				line += " -d " + fishQuote(fishDescription(c.Usage))
			}
			d.Complete = append(d.Complete, line)
		}
		for _, f := range n.flags {
			df, ok := f.(cli.DocGenerationFlag)
			if !ok {
				continue
			}
			var names []string
			for _, name := range f.Names() {
				names = append(names, dashedFlag(name))
			}
			line := "complete -c schedkit -n " + cond
			for _, name := range names {
				if strings.HasPrefix(name, "--") {
					line += " -l " + strings.TrimPrefix(name, "--")
				} else {
					line += " -s " + strings.TrimPrefix(name, "-")
				}
			}
			switch valueOf(f) {
			case noValue:
				line += " -f"
			case otherValue:
				line += " -f -r"
				if values := flagValues(f); values != nil {
					// Values are plain words (TestFlagValuesPlain): one
					// fish string lists them.
					line += " -a " + fishQuote(strings.Join(values, " "))
					listed = append(listed, names...)
				}
			case fileValue:
				line += " -F -r"
				files = append(files, names...)
			case dirValue:
				line += " -f -r -a " + fishQuote("(__fish_complete_directories)")
				dirs = append(dirs, names...)
			}
			if valueOf(f) != noValue {
				valued = append(valued, names...)
			}
			if df.GetUsage() != "" {
				line += " -d " + fishQuote(fishDescription(df.GetUsage()))
			}
			d.Complete = append(d.Complete, line)
		}
		fc.Subs = strings.Join(fishQuoteAll(subs), " ")
		fc.Valued = strings.Join(fishQuoteAll(valued), " ")
		d.Commands = append(d.Commands, fc)
		// completion's argument: what its BashComplete offers bash and zsh.
		if path == "completion" {
			d.Complete = append(d.Complete, "complete -c schedkit -n "+cond+" -f -a "+fishQuote(strings.Join(completionShells, " ")))
		}
	}
	d.FileFlags = strings.Join(sortedUnique(files), " ")
	d.DirFlags = strings.Join(sortedUnique(dirs), " ")
	d.ValueFlags = strings.Join(sortedUnique(listed), " ")
	return d
}

func sortedUnique(s []string) []string {
	s = slices.Clone(s)
	slices.Sort(s)
	return slices.Compact(s)
}

// fishDescription is a usage text as fish shows it: one line, without the
// backquotes that mark placeholders.
func fishDescription(usage string) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(usage, "`", "")), " ")
}

var fishQuoter = strings.NewReplacer(`\`, `\\`, `'`, `\'`)

// fishQuote writes s as one fish word in single quotes.
func fishQuote(s string) string { return "'" + fishQuoter.Replace(s) + "'" }

func fishQuoteAll(s []string) []string {
	q := make([]string, len(s))
	for i, w := range s {
		q[i] = fishQuote(w)
	}
	return q
}
