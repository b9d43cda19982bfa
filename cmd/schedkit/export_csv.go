package main

import "github.com/urfave/cli/v2"

func (e *env) exportCSVCommand() *cli.Command {
	return &cli.Command{
		Name:   "csv",
		Usage:  "not implemented yet",
		Action: func(c *cli.Context) error { return usageErrorf("export csv is not implemented yet") },
	}
}
