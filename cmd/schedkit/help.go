package main

import (
	"strings"

	"github.com/urfave/cli/v2"
)

// helpCommand is "schedkit help [COMMAND [SUBCOMMAND]]": the same text as
// "schedkit COMMAND SUBCOMMAND --help", for those who type it the git and
// gh way. urfave/cli's own help command is hidden on every command (its
// usage errors and exit codes are not schedkit's).
func (e *env) helpCommand() *cli.Command {
	return &cli.Command{
		Name:      "help",
		Usage:     "show the help of a command",
		UsageText: "schedkit help [COMMAND [SUBCOMMAND]]",
		Description: `Prints the same help as 'schedkit COMMAND [SUBCOMMAND] --help'; with no
command, the list of commands.

Exit status: 0 printed, 2 an unknown command.`,
		Action: func(c *cli.Context) error {
			path := c.Args().Slice()
			if len(path) == 0 {
				return cli.ShowAppHelp(c)
			}
			cmds := c.App.Commands
			for i, name := range path {
				cmd := findCommand(cmds, name)
				if cmd == nil {
					what := "command"
					if i > 0 {
						what = "subcommand of " + strings.Join(path[:i], " ")
					}
					return usageErrorf("help: no %s %q; run 'schedkit --help'", what, name)
				}
				cmds = cmd.Subcommands
			}
			args := append(append([]string{c.App.Name}, path...), "--help")
			return c.App.RunContext(c.Context, args)
		},
	}
}

func findCommand(cmds []*cli.Command, name string) *cli.Command {
	for _, c := range cmds {
		if c.HasName(name) {
			return c
		}
	}
	return nil
}
