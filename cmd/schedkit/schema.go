package main

import (
	"github.com/schedkit/schedkit/docs"
	"github.com/urfave/cli/v2"
)

func (e *env) schemaCommand() *cli.Command {
	return &cli.Command{
		Name:      "schema",
		Usage:     "print the JSON Schema of the schedule format",
		UsageText: "schedkit schema > schedule.schema.json",
		Description: `Prints the JSON Schema (draft-07) of schedkit's YAML/JSON format, for
editors: with yaml-language-server (VS Code's YAML extension, and others),
put this comment on the first line of a schedule file:

  # yaml-language-server: $schema=schedule.schema.json

The schema checks structure, field names and value forms; 'schedkit
validate' checks the rest (overlaps, DST, unique ids). docs/format.md
describes the format.

Exit status: 0 printed, 2 usage error or a failed write.`,
		Action: func(c *cli.Context) error {
			if c.NArg() > 0 {
				return usagef(c, "schema takes no arguments, got %q", c.Args().First())
			}
			if _, err := e.stdout.Write(docs.Schema); err != nil {
				return troublef("writing the schema: %v", err)
			}
			return nil
		},
	}
}
