package main

import "github.com/urfave/cli/v2"

func (e *env) exportJSONCommand() *cli.Command {
	return &cli.Command{
		Name:   "json",
		Usage:  "not implemented yet",
		Action: func(c *cli.Context) error { return usageErrorf("export json is not implemented yet") },
	}
}
