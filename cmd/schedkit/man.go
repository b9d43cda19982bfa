package main

import (
	"strings"

	"github.com/urfave/cli/v2"
)

// manCommand prints a man page made by urfave/cli from the commands' help
// texts, so the two never disagree.
func (e *env) manCommand() *cli.Command {
	return &cli.Command{
		Name:      "man",
		Usage:     "print the manual page (roff)",
		UsageText: "schedkit man > schedkit.1",
		Description: `Prints schedkit's manual page in roff, generated from the same texts
as --help. View it with 'schedkit man | man -l -', or install it as
schedkit.1 in a man1 directory of $MANPATH.

Exit status: 0 printed, 2 usage error or a failed write.`,
		Action: func(c *cli.Context) error {
			if c.NArg() > 0 {
				return usagef(c, "man takes no arguments, got %q", c.Args().First())
			}
			manTexts(c.App.Commands)
			page, err := c.App.ToManWithSection(1)
			if err != nil {
				return troublef("generating the manual page: %v", err)
			}
			if _, err := e.stdout.Write([]byte(page)); err != nil {
				return troublef("writing the manual page: %v", err)
			}
			return nil
		},
	}
}

// manTexts puts each command's Description under its usage text, for the
// man page only (this app value serves one run). urfave/cli's man page
// leaves descriptions out, and a one-line usage text goes through Markdown
// as a quote, where "<file>" is taken for an HTML tag and dropped; usage
// and description together are a literal block, as --help prints them.
func manTexts(cmds []*cli.Command) {
	for _, c := range cmds {
		if d := strings.TrimSpace(c.Description); d != "" {
			c.UsageText = strings.Trim(c.UsageText, "\n") + "\n\n" + d
		}
		manTexts(c.Subcommands)
	}
}
