package main

import "github.com/urfave/cli/v2"

func (e *env) exportICSCommand() *cli.Command {
	return &cli.Command{
		Name:   "ics",
		Usage:  "not implemented yet",
		Action: func(c *cli.Context) error { return usageErrorf("export ics is not implemented yet") },
	}
}
