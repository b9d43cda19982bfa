package main

import "github.com/urfave/cli/v2"

func (e *env) exportTableCommand() *cli.Command {
	return &cli.Command{
		Name:   "table",
		Usage:  "not implemented yet",
		Action: func(c *cli.Context) error { return usageErrorf("export table is not implemented yet") },
	}
}
