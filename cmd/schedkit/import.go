package main

import (
	"bytes"
	"fmt"
	"io"

	"github.com/schedkit/schedkit/format/yamlout"
	"github.com/schedkit/schedkit/internal/atomicfile"
	"github.com/schedkit/schedkit/schedule"
	"github.com/urfave/cli/v2"
)

func (e *env) importCommand() *cli.Command {
	return &cli.Command{
		Name:      "import",
		Usage:     "convert a frab, schedule.json, iCalendar or program-page file into schedkit YAML",
		UsageText: "schedkit import [--input-format F] [--timezone ZONE] [-o OUT.yaml] <file>",
		Description: `Reads any input format schedkit understands (detected from the content;
--input-format forces one) and writes the schedule as schedkit's own YAML,
with every session's id and guid explicit, on stdout or atomically to -o.

It converts even when the schedule has findings: they are printed on stderr
as FILE:LINE:COL: SEVERITY: MESSAGE [RULE], positioned in the source, with
a summary line. Validating the written file gives the same cross-session
findings (overlaps, durations, duplicate ids and guids) as validating the
source; what the reader resolved (zone-mismatch, date-mismatch,
ambiguous-duration) is settled in the file and not reported again.

Nothing is written when the time zone is not known (the file names none
or an invalid one, and --timezone is not given): times in a made-up zone
would be hours off.

Exit status: 0 converted (findings or not), 1 the input could not be parsed
or its time zone is not known, 2 usage error, unreadable input or a failed write.`,
		Flags: append([]cli.Flag{
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "write to `FILE` (default: stdout)"},
		}, inputFlags()...),
		Action: e.importAction,
	}
}

func (e *env) importAction(c *cli.Context) error {
	names, err := e.files(c, 1)
	if err != nil {
		return err
	}
	in, err := e.load(c, names[0])
	if err != nil {
		return err
	}
	diags := check(in, schedule.Severities{})
	if len(diags) > 0 {
		writeDiagnostics(e.stderr, diags)
	}
	fmt.Fprintln(e.stderr, summary(diags))
	if in.sched == nil {
		fmt.Fprintf(e.stderr, "schedkit: nothing written: %s could not be read\n", in.file)
		return silent(exitFindings)
	}
	if in.sched.Conference.TimeZone == "" {
		// The zone is missing or not a zone (an error above says which):
		// writing the times in a made-up UTC would put every session
		// hours off in whatever reads the file next.
		fmt.Fprintf(e.stderr, "schedkit: nothing written: the time zone of %s is not known; pass --timezone\n", in.file)
		return silent(exitFindings)
	}
	var buf bytes.Buffer
	if err := yamlout.Write(&buf, in.sched); err != nil {
		return troublef("%v", err)
	}
	if out := c.String("output"); out != "" && out != "-" {
		f := atomicfile.File{Path: out, Write: func(w io.Writer) error { _, err := w.Write(buf.Bytes()); return err }}
		if err := refuseInputs(in, []atomicfile.File{f}); err != nil {
			return err
		}
		if err := atomicfile.WriteAll([]atomicfile.File{f}); err != nil {
			return troublef("%v", err)
		}
		return nil
	}
	if _, err := e.stdout.Write(buf.Bytes()); err != nil {
		return troublef("writing output: %v", err)
	}
	return nil
}
