package main

import (
	"io"

	"github.com/schedkit/schedkit/format"
	"github.com/schedkit/schedkit/format/jsonout"
	"github.com/schedkit/schedkit/schedule"
	"github.com/urfave/cli/v2"
)

func (e *env) exportJSONCommand() *cli.Command {
	return &cli.Command{
		Name:  "json",
		Usage: "write the normalised schedule as JSON, for jq and programs",
		UsageText: `schedkit export json [--track ID]... [--room NAME]... [--speaker NAME]...
    [--session ID]... [--day DATE]... [-o FILE] [--force] <file>`,
		Description: `Writes one JSON object: {"schedkit_json": 1, "conference": {...},
"tracks": [...], "sessions": [...]}. Ids are resolved, rooms spelled as in
the room registry, start/end are RFC 3339 instants with the zone's offset,
duration_min is in minutes; every key is always present. The schema is in
the README ("JSON export").

Exit status: 0 written, 1 nothing written because of errors, 2 usage error,
unreadable input or a failed write.`,
		Flags:  exportFlags(false),
		Action: e.exportJSON,
	}
}

func (e *env) exportJSON(c *cli.Context) error {
	return e.runExport(c, exportJob{
		ext: ".json",
		encode: func(w io.Writer, s *schedule.Schedule, g format.Group) error {
			return jsonout.Write(w, s, g.Sessions)
		},
	})
}
