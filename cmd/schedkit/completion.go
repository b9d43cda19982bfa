package main

import (
	_ "embed"
	"slices"
	"strings"

	"github.com/urfave/cli/v2"
)

// The bash and zsh scripts are static: urfave/cli v2 generates only fish.
// They call schedkit with the hidden --generate-bash-completion flag, so the
// words they offer always match the binary's commands and flags.
var (
	//go:embed completion/schedkit.bash
	bashCompletion []byte
	//go:embed completion/schedkit.zsh
	zshCompletion []byte
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
				return usageErrorf("completion needs one shell: bash, zsh or fish\nRun 'schedkit completion --help' for usage.")
			case !slices.Contains(completionShells, c.Args().First()):
				return usageErrorf("completion: unknown shell %q: use bash, zsh or fish", c.Args().First())
			}
			var script []byte
			switch c.Args().First() {
			case "bash":
				script = bashCompletion
			case "zsh":
				script = zshCompletion
			case "fish":
				s, err := c.App.ToFishCompletion()
				if err != nil {
					return troublef("generating the fish script: %v", err)
				}
				script = []byte(tidyFish(s))
			}
			if _, err := e.stdout.Write(script); err != nil {
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

// tidyFish drops the repeated lines urfave/cli v2 writes for the root's
// --help and --version, and the backquotes that mark flag placeholders in
// usage texts (which fish would print literally).
func tidyFish(s string) string {
	var b strings.Builder
	seen := map[string]bool{}
	for line := range strings.Lines(s) {
		if strings.HasPrefix(line, "complete ") {
			if seen[line] {
				continue
			}
			seen[line] = true
			line = strings.ReplaceAll(line, "`", "")
		}
		b.WriteString(line)
	}
	return b.String()
}
