package main

import "github.com/urfave/cli/v2"

func (e *env) importCommand() *cli.Command {
	return &cli.Command{
		Name:   "import",
		Usage:  "not implemented yet",
		Action: func(c *cli.Context) error { return usageErrorf("import is not implemented yet") },
	}
}
