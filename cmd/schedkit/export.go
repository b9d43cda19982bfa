package main

import (
	"fmt"
	"github.com/schedkit/schedkit/internal/suggest"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/schedkit/schedkit/format"
	"github.com/schedkit/schedkit/internal/atomicfile"
	"github.com/schedkit/schedkit/schedule"
	"github.com/urfave/cli/v2"
)

func (e *env) exportCommand() *cli.Command {
	return &cli.Command{
		Name:      "export",
		Usage:     "write a schedule as iCalendar, CSV, tables, a web page, JSON or frab",
		UsageText: "schedkit export <format> [flags] <file>",
		Description: `Every export validates the schedule first. With errors it prints them on
stderr, writes nothing and exits 1; --force writes anyway. With a filter
(--track, --room, --speaker, --session, --day), findings that name only
sessions outside the selection are not shown and do not block (a count
says how many were left out; validate shows all). Files are written
to a temporary file and renamed, so a failed run leaves existing files as
they were.

Exit status: 0 written, 1 nothing written because of errors, 2 usage error,
unreadable input or a failed write.`,
		Action: func(c *cli.Context) error {
			var names []string
			for _, sc := range c.Command.Subcommands {
				names = append(names, sc.Name)
			}
			if c.NArg() == 0 {
				return usagef(c, "export needs a format: %s", strings.Join(names, ", "))
			}
			msg := fmt.Sprintf("unknown export format %q: use one of %s", c.Args().First(), strings.Join(names, ", "))
			if g := suggest.Closest(c.Args().First(), names); g != "" {
				msg += fmt.Sprintf(" (did you mean %s?)", g)
			}
			return usageErrorf("%s", msg)
		},
		Subcommands: []*cli.Command{
			e.exportICSCommand(),
			e.exportCSVCommand(),
			e.exportTableCommand(),
			e.exportHTMLCommand(),
			e.exportJSONCommand(),
			e.exportFrabXMLCommand(),
			e.exportFrabJSONCommand(),
		},
	}
}

// exportFlags are the flags every export takes; split adds --split and
// --out-dir for formats written one file per group.
func exportFlags(split bool) []cli.Flag {
	fs := []cli.Flag{
		&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "write to `FILE` (default: stdout)"},
		&cli.BoolFlag{Name: "force", Usage: "write even when validation finds errors"},
		&cli.StringSliceFlag{Name: "track", Usage: "only sessions of track `ID` (repeatable)"},
		&cli.StringSliceFlag{Name: "room", Usage: "only sessions in room `NAME` (repeatable)"},
		&cli.StringSliceFlag{Name: "speaker", Usage: "only sessions of speaker `NAME` or id (repeatable)"},
		&cli.StringSliceFlag{Name: "session", Usage: "only session `ID` (repeatable: a personal agenda)"},
		&cli.StringSliceFlag{Name: "day", Usage: "only sessions on conference day `DATE` (YYYY-MM-DD, repeatable; days from day_change / the source's days; midnight when unset)"},
	}
	if split {
		fs = append(fs,
			&cli.StringFlag{Name: "split", Usage: "one file per `" + choice(format.SplitKinds...) + "`, plus all; needs --out-dir"},
			&cli.StringFlag{Name: "out-dir", Usage: "directory `DIR` for --split files (created if missing)"},
		)
	}
	return append(append(fs, checkFlags()...), inputFlags()...)
}

// exportJob is what one format contributes to an format.
type exportJob struct {
	ext string // extension of split files, with the dot
	// encode writes the sessions of g (the whole selection when g.By is "").
	encode func(w io.Writer, s *schedule.Schedule, g format.Group) error
	// extra, when set, gives files written in one batch with the output
	// (the ics state file): with -o or --split none is renamed into place
	// unless all were written, so a failure leaves every file as it was;
	// with stdout they are written after the output.
	extra func(s *schedule.Schedule) []atomicfile.File
	// skip, when set, says why a --split group's file is not written ("" to
	// write it): frab-xml cannot write a group of cancelled sessions only.
	skip func(g format.Group) string
	// prepare, when set, runs after validation and before the filters, and
	// may add sessions (ics: events kept cancelled by --state). An error is
	// trouble (exit 2) and nothing is written.
	prepare func(s *schedule.Schedule) error
}

// runExport is the contract every export follows: load, validate, refuse
// on errors unless --force, select, then write atomically to stdout, -o or
// --split files in --out-dir.
func (e *env) runExport(c *cli.Context, job exportJob) error {
	names, err := e.files(c, 1)
	if err != nil {
		return err
	}
	sv, err := severities(c)
	if err != nil {
		return err
	}
	split, outDir, output := c.String("split"), c.String("out-dir"), c.String("output")
	switch {
	case c.IsSet("output") && output == "":
		return usageErrorf("-o needs a file name (or - for stdout)")
	case split != "" && !format.ValidSplit(split):
		return usageErrorf("--split %q: use one of %s", split, strings.Join(format.SplitKinds, ", "))
	case split != "" && outDir == "":
		return usageErrorf("--split needs --out-dir DIR")
	case split == "" && outDir != "":
		return usageErrorf("--out-dir goes with --split")
	case split != "" && output != "":
		return usageErrorf("-o and --split exclude each other: --split writes to --out-dir")
	}
	in, err := e.load(c, names[0])
	if err != nil {
		return err
	}
	f := schedule.Filter{
		Tracks: c.StringSlice("track"), Rooms: c.StringSlice("room"), Speakers: c.StringSlice("speaker"),
		Sessions: c.StringSlice("session"), Days: c.StringSlice("day"),
	}
	diags := check(in, sv)
	left := 0
	if in.sched != nil && filtered(f) {
		diags, left = aboutSelection(diags, f.Select(in.sched))
	}
	if len(diags) > 0 {
		writeDiagnostics(e.stderr, diags)
		fmt.Fprintln(e.stderr, summary(diags))
	}
	if left > 0 {
		fmt.Fprintf(e.stderr, "schedkit: %s involving no selected session left out (validate shows all)\n", plural(left, "finding"))
	}
	if in.sched == nil {
		fmt.Fprintf(e.stderr, "schedkit: nothing written: %s could not be read\n", in.file)
		return silent(exitFindings)
	}
	if schedule.HasErrors(diags) && !c.Bool("force") {
		fmt.Fprintln(e.stderr, "schedkit: nothing written: fix the errors above, or pass --force to write anyway")
		return silent(exitFindings)
	}
	s := in.sched
	if job.prepare != nil {
		if err := job.prepare(s); err != nil {
			return err
		}
	}
	// Checked after prepare: the ics state brings back gone sessions and
	// tracks, which a filter may name.
	if err := f.Check(s); err != nil {
		return usageErrorf("%v", err)
	}
	all := format.Group{Name: s.Conference.Name, File: format.AllName, Sessions: f.Select(s)}
	return e.writeExport(job, in, all, split, outDir, output)
}

// filtered reports whether f selects anything less than every session.
func filtered(f schedule.Filter) bool {
	return len(f.Tracks)+len(f.Rooms)+len(f.Speakers)+len(f.Sessions)+len(f.Days) > 0
}

// aboutSelection keeps the findings that may involve a selected session:
// those naming sessions (Related) of which one is selected, and those
// naming none (a finding of the file or of one field, which is kept to be
// safe). It returns them and how many it left out: a personal agenda is
// not blocked by other people's sessions.
func aboutSelection(diags []schedule.Diagnostic, selected []*schedule.Session) ([]schedule.Diagnostic, int) {
	ids := make(map[string]bool, len(selected))
	for _, x := range selected {
		ids[x.ID] = true
	}
	var kept []schedule.Diagnostic
	for _, d := range diags {
		if len(d.Related) == 0 || slices.ContainsFunc(d.Related, func(r schedule.Related) bool { return ids[r.Session] }) {
			kept = append(kept, d)
		}
	}
	return kept, len(diags) - len(kept)
}

// writeExport writes the selection all as job encodes it, with job's extra
// files: with split, one file per group plus all in outDir; else to the
// file output, or to stdout when output is "" or "-". Files are written in
// one atomic batch; stdout gets nothing when the encoding fails. No file
// is written when one of them is the input in.
//
// Inside outDir every file is written with atomicfile's Replace: a
// symbolic link there (to a file outside, or dangling) is replaced by the
// export's file, never followed, so a split export creates or changes
// files in outDir only.
func (e *env) writeExport(job exportJob, in *input, all format.Group, split, outDir, output string) error {
	s := in.sched
	var extra []atomicfile.File
	if job.extra != nil {
		extra = job.extra(s)
	}
	encode := func(g format.Group) func(io.Writer) error {
		return func(w io.Writer) error { return job.encode(w, s, g) }
	}
	switch {
	case split != "":
		groups, err := format.Split(all.Sessions, split)
		if err != nil {
			return usageErrorf("%v", err)
		}
		e.noteSplitAmplification(split, all, groups)
		batch := []atomicfile.File{{Path: filepath.Join(outDir, all.File+job.ext), Write: encode(all), Replace: true}}
		var notes []string
		for _, g := range groups {
			path := filepath.Join(outDir, g.File+job.ext)
			if job.skip != nil {
				if why := job.skip(g); why != "" {
					note := ""
					if _, err := os.Lstat(path); err == nil {
						note = " (the file there, from an earlier export, is left as it was: remove it if the group is gone)"
					}
					notes = append(notes, fmt.Sprintf("schedkit: %s not written: %s%s\n", path, why, note))
					continue
				}
			}
			batch = append(batch, atomicfile.File{Path: path, Write: encode(g), Replace: true})
		}
		batch = append(batch, extra...)
		if err := refuseInputs(in, batch); err != nil {
			return err
		}
		for _, n := range notes {
			fmt.Fprint(e.stderr, n)
		}
		if err := os.MkdirAll(outDir, 0o777); err != nil {
			return troublef("--out-dir: %v", err)
		}
		if err := atomicfile.WriteAll(batch); err != nil {
			return troublef("%v", err)
		}
	case output != "" && output != "-":
		batch := append([]atomicfile.File{{Path: output, Write: encode(all)}}, extra...)
		if err := refuseInputs(in, batch); err != nil {
			return err
		}
		if err := atomicfile.WriteAll(batch); err != nil {
			return troublef("%v", err)
		}
	default:
		if err := refuseInputs(in, extra); err != nil {
			return err
		}
		// Encode fully before writing, so a failed encode prints nothing.
		// In a Spool: a feed of 100 MB is not copied to grow.
		var buf atomicfile.Spool
		if err := encode(all)(&buf); err != nil {
			return troublef("%v", err)
		}
		if _, err := buf.WriteTo(e.stdout); err != nil {
			return troublef("writing output: %v", err)
		}
		if err := atomicfile.WriteAll(extra); err != nil {
			return troublef("%v", err)
		}
	}
	return nil
}
