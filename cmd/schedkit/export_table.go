package main

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/mattn/go-isatty"
	"github.com/schedkit/schedkit/format"
	"github.com/schedkit/schedkit/format/table"
	"github.com/schedkit/schedkit/schedule"
	"github.com/urfave/cli/v2"
)

func (e *env) exportTableCommand() *cli.Command {
	return &cli.Command{
		Name:  "table",
		Usage: "write the timetable as a text or Markdown table",
		UsageText: `schedkit export table [--view {list|grid}] [--format {text|markdown}] [--width N]
    [--columns {room|track}] [--track ID]... [--room NAME]... [--speaker NAME]...
    [--session ID]... [--day DATE]... [-o FILE] [--force] <file>`,
		Description: `--view list (default): one table per track and day with time, title,
speakers and room; a session ending on a later day has the day offset
after its time ("23:00-01:00 +1d", "10:00-12:00 +2d"). --view grid: one
table per day like a printed program, rows are time slots, columns are
rooms in the order of rooms: (else the file's), the same every day
(--columns track: tracks); a session longer than one slot shows
"(continued)" in its later slots, and one running past midnight shows on
every day it runs ("(until 12:00 +2d)" on its first day). --columns goes
with --view grid only.

--format text fits the table into --width display columns by wrapping
long cells (every width from 40); a grid too wide splits by rooms into
several grids, the same every day. The default width is $COLUMNS, else
the terminal's width when stdout is a terminal, else 100. Borders are
ASCII unless stdout is a terminal. --format markdown writes GitHub Flavored Markdown: one line per
table row, with |, \, *, _ and other markup characters backslash-escaped;
--width only decides how a grid splits.

When no session is selected (an empty schedule, or filters that together
select nothing) the output is empty and a note on stderr says so; the exit
status is still 0.

Exit status: 0 written, 1 nothing written because of errors, 2 usage error,
unreadable input or a failed write.`,
		Flags: append([]cli.Flag{
			&cli.StringFlag{Name: "view", Value: table.ViewList, Usage: "`" + choice(table.ViewList, table.ViewGrid) + "`: a table per track and day, or a program grid per day"},
			&cli.StringFlag{Name: "format", Value: table.FormatText, Usage: "output `" + choice(table.FormatText, table.FormatMarkdown) + "`"},
			&cli.IntFlag{Name: "width", Usage: "text width in columns `N`", DefaultText: "$COLUMNS, the terminal's width, or 100"},
			&cli.StringFlag{Name: "columns", Value: table.ColumnsRoom, Usage: "grid columns `" + choice(table.ColumnsRoom, table.ColumnsTrack) + "`"},
		}, exportFlags(false)...),
		Action: e.exportTable,
	}
}

func (e *env) exportTable(c *cli.Context) error {
	opt := table.Options{
		View: c.String("view"), Format: c.String("format"), Columns: c.String("columns"), Width: c.Int("width"),
	}
	switch {
	case opt.View != table.ViewList && opt.View != table.ViewGrid:
		return usageErrorf("--view %q: use list or grid", opt.View)
	case opt.Format != table.FormatText && opt.Format != table.FormatMarkdown:
		return usageErrorf("--format %q: use text or markdown", opt.Format)
	case opt.Columns != table.ColumnsRoom && opt.Columns != table.ColumnsTrack:
		return usageErrorf("--columns %q: use room or track", opt.Columns)
	case c.IsSet("columns") && opt.View != table.ViewGrid:
		return usageErrorf("--columns goes with --view grid: the list view has no room or track columns")
	case c.IsSet("width") && opt.Width < table.MinWidth:
		return usageErrorf("--width %d: at least %d", opt.Width, table.MinWidth)
	}
	toTerminal := false
	if out := c.String("output"); out == "" || out == "-" {
		if f, ok := e.stdoutFile(); ok {
			toTerminal = isatty.IsTerminal(f.Fd())
		}
	}
	if !c.IsSet("width") {
		opt.Width = e.defaultWidth(toTerminal)
	}
	opt.Unicode = toTerminal
	return e.runExport(c, exportJob{
		ext: ".txt",
		encode: func(w io.Writer, s *schedule.Schedule, g format.Group) error {
			if len(g.Sessions) == 0 {
				// Nothing to draw: say so rather than print nothing.
				why := "the filters select none"
				if len(s.Sessions) == 0 {
					why = "the schedule has none"
				}
				fmt.Fprintf(e.stderr, "schedkit: no sessions to show: %s\n", why)
			}
			return table.Write(w, s, g.Sessions, opt)
		},
	})
}

// defaultWidth is $COLUMNS when it holds a usable number, else the
// terminal's width, else table.DefaultWidth.
func (e *env) defaultWidth(toTerminal bool) int {
	if n, err := strconv.Atoi(strings.TrimSpace(e.getenv("COLUMNS"))); err == nil && n >= table.MinWidth {
		return n
	}
	if toTerminal {
		if f, ok := e.stdoutFile(); ok {
			if n := terminalWidth(f); n >= table.MinWidth {
				return n
			}
		}
	}
	return table.DefaultWidth
}
