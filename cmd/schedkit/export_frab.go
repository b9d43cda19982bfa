package main

import "github.com/urfave/cli/v2"

func (e *env) exportFrabXMLCommand() *cli.Command {
	return &cli.Command{
		Name:   "frab-xml",
		Usage:  "not implemented yet",
		Action: func(c *cli.Context) error { return usageErrorf("export frab-xml is not implemented yet") },
	}
}

func (e *env) exportFrabJSONCommand() *cli.Command {
	return &cli.Command{
		Name:   "frab-json",
		Usage:  "not implemented yet",
		Action: func(c *cli.Context) error { return usageErrorf("export frab-json is not implemented yet") },
	}
}
