package main

import "github.com/urfave/cli/v2"

func (e *env) schemaCommand() *cli.Command {
	return &cli.Command{
		Name:   "schema",
		Usage:  "not implemented yet",
		Action: func(c *cli.Context) error { return usageErrorf("schema is not implemented yet") },
	}
}
