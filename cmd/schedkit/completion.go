package main

import "github.com/urfave/cli/v2"

func (e *env) completionCommand() *cli.Command {
	return &cli.Command{
		Name:   "completion",
		Usage:  "not implemented yet",
		Action: func(c *cli.Context) error { return usageErrorf("completion is not implemented yet") },
	}
}
