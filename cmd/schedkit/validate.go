package main

import (
	"fmt"
	"github.com/schedkit/schedkit/internal/visible"

	"github.com/schedkit/schedkit/schedule"
	"github.com/urfave/cli/v2"
)

func (e *env) validateCommand() *cli.Command {
	return &cli.Command{
		Name:      "validate",
		Usage:     "check schedules and report every problem with its position",
		UsageText: "schedkit validate [--format {text|json}] [--strict] [--rule ID=SEVERITY]... <file>...",
		Description: `Reports every finding as FILE:LINE:COL: SEVERITY: MESSAGE [RULE] on stdout,
sorted by file and position, and a one-line summary on stderr. With
--format json it prints one JSON array of all findings instead.
"-" reads stdin.

Exit status: 0 no errors, 1 errors, 2 usage error or unreadable input.`,
		Flags: append(append([]cli.Flag{
			formatFlag(),
		}, checkFlags()...), inputFlags()...),
		Action: e.validate,
	}
}

func (e *env) validate(c *cli.Context) error {
	format, err := textOrJSON(c)
	if err != nil {
		return err
	}
	names, err := e.files(c, 0)
	if err != nil {
		return err
	}
	sv, err := severities(c)
	if err != nil {
		return err
	}
	if err := checkInputFlags(c); err != nil {
		return err
	}
	var all []schedule.Diagnostic
	code := exitOK
	unread := 0
	for _, name := range names {
		in, err := e.load(c, name)
		if err != nil {
			fmt.Fprintf(e.stderr, "schedkit: %s\n", visible.Escape(err.Error()))
			code = exitTrouble
			unread++
			continue
		}
		all = append(all, check(in, sv)...)
	}
	schedule.SortDiagnostics(all)
	if format == "json" {
		if err := writeDiagnosticsJSON(e.stdout, all); err != nil {
			return troublef("%v", err)
		}
	} else {
		writeDiagnostics(e.stdout, all)
		s := summary(all)
		if unread > 0 {
			s += "; " + plural(unread, "file") + " not read"
		}
		fmt.Fprintln(e.stderr, s)
	}
	if code == exitOK && schedule.HasErrors(all) {
		code = exitFindings
	}
	return silent(code)
}
