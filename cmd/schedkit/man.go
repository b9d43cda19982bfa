package main

import (
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
				return usageErrorf("man takes no arguments, got %q\nRun 'schedkit man --help' for usage.", c.Args().First())
			}
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
