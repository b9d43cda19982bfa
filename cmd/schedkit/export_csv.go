package main

import (
	"io"

	"github.com/schedkit/schedkit/format"
	"github.com/schedkit/schedkit/format/csv"
	"github.com/schedkit/schedkit/schedule"
	"github.com/urfave/cli/v2"
)

func (e *env) exportCSVCommand() *cli.Command {
	return &cli.Command{
		Name:  "csv",
		Usage: "write sessions as CSV for spreadsheets and scripts",
		UsageText: `schedkit export csv [--rows {session|speaker}] [--delimiter C] [--bom] [--raw]
    [--track ID]... [--room NAME]... [--speaker NAME]... [--session ID]... [--day DATE]...
    [-o FILE | --split {track|room|speaker} --out-dir DIR] [--force] <file>`,
		Description: `Writes a header row and one row per session (or, with --rows speaker, per
session and speaker), sorted by start, then room, then id. UTF-8, fields
quoted as RFC 4180 says, lines ending in LF (line breaks inside values are
written as LF too). The columns, in this order:

  id, track, track_name, room, date, start, end, duration_min, timezone,
  start_iso, end_iso, title, subtitle, speakers, speaker_ids, affiliations,
  type, status, language, tags, url, abstract

date/start are the local date and wall-clock time in timezone, end is
"YYYY-MM-DD HH:MM" (always with its date, so that end - (date + start) is
the duration in a spreadsheet);
start_iso/end_iso are RFC 3339 instants with the offset. Multi-valued
fields are joined with "; " (speakers, speaker_ids and affiliations
aligned), each item with its ';' and '\' escaped by a backslash, so
"Doe\; Jane; Ana" is two speakers; --rows speaker writes one speaker per
row, unescaped.

A field starting with = + - @ TAB or CR gets a single quote (') prepended,
so that spreadsheets show it instead of running it as a formula (OWASP's
CSV-injection rule); duration_min, always a plain integer (negative for a
session ending before it starts, --force only), is left as it is. --raw
writes every value untouched, for programs.

With --split, one file per group in --out-dir, named by the group's slug,
plus all.csv.

Exit status: 0 written, 1 nothing written because of errors, 2 usage error,
unreadable input or a failed write.`,
		Flags: append([]cli.Flag{
			&cli.StringFlag{Name: "rows", Value: csv.RowsSession, Usage: "one row per `" + choice(csv.RowsSession, csv.RowsSpeaker) + "`"},
			&cli.StringFlag{Name: "delimiter", Value: ",", Usage: "field delimiter `C`: one character, or tab"},
			&cli.BoolFlag{Name: "bom", Usage: "start with a UTF-8 byte order mark (for Excel)"},
			&cli.BoolFlag{Name: "raw", Usage: "write values untouched: no formula-neutralising quote"},
		}, exportFlags(true)...),
		Action: e.exportCSV,
	}
}

func (e *env) exportCSV(c *cli.Context) error {
	opt := csv.Options{Rows: c.String("rows"), BOM: c.Bool("bom"), Raw: c.Bool("raw")}
	if opt.Rows != csv.RowsSession && opt.Rows != csv.RowsSpeaker {
		return usageErrorf("--rows %q: use session or speaker", opt.Rows)
	}
	comma, err := csv.ParseDelimiter(c.String("delimiter"))
	if err != nil {
		return usageErrorf("--delimiter %v", err)
	}
	opt.Comma = comma
	return e.runExport(c, exportJob{
		ext: ".csv",
		encode: func(w io.Writer, s *schedule.Schedule, g format.Group) error {
			return csv.Write(w, s, g.Sessions, opt)
		},
	})
}
