package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"runtime/debug"
	"slices"
	"strings"
	"sync"

	"github.com/schedkit/schedkit/format"
	"github.com/schedkit/schedkit/internal/atomicfile"
	"github.com/schedkit/schedkit/schedule"
	"github.com/urfave/cli/v2"
)

// inputFlags are taken by every command that reads schedules.
func inputFlags() []cli.Flag {
	return []cli.Flag{
		&cli.StringFlag{Name: "input-format", Usage: "input format `" + choice(format.FormatNames()...) + "` (default: detected from content)"},
		&cli.StringFlag{Name: "timezone", Usage: "IANA time `ZONE` used when the input names none"},
		&cli.StringFlag{Name: "date", Usage: "date `YYYY-MM-DD` of a program page that names none (text input)"},
	}
}

// reportFormats are the values of validate's and diff's --format.
var reportFormats = []string{"text", "json"}

// formatFlag is validate's and diff's --format: text or json.
func formatFlag() cli.Flag {
	return &cli.StringFlag{Name: "format", Value: reportFormats[0], Usage: "output `" + choice(reportFormats...) + "`"}
}

// textOrJSON returns the value of formatFlag, refusing anything but text
// and json.
func textOrJSON(c *cli.Context) (string, error) {
	format := c.String("format")
	if !slices.Contains(reportFormats, format) {
		return "", usageErrorf("--format %q: use %s", format, strings.Join(reportFormats, " or "))
	}
	return format, nil
}

// checkFlags are taken by validate and every format.
func checkFlags() []cli.Flag {
	return []cli.Flag{
		&cli.StringSliceFlag{Name: "rule", Usage: "set a rule's severity: `" + ruleChoice + "` (repeatable)"},
		&cli.BoolFlag{Name: "strict", Usage: "treat warnings as errors"},
	}
}

// input is one loaded and normalised schedule file and the findings of
// loading and normalising it.
type input struct {
	file  string
	sched *schedule.Schedule // nil when the file could not be parsed
	diags []schedule.Diagnostic
	// info is the file read (stdin's when that is a file), nil when
	// unknown: an output must not be it (see refuseInputs).
	info os.FileInfo
}

// files returns the command's file arguments, rejecting flags placed after
// them (Go flag parsing stops at the first argument). Arguments after "--"
// are files whatever they look like: "schedkit validate -- -x.yaml".
func (e *env) files(c *cli.Context, atMost int) ([]string, error) {
	args := c.Args().Slice()
	// Go's flag parsing drops a "--" that ends the flags; one that comes
	// after a file argument stays in args.
	checked := len(args)
	if i := slices.Index(args, "--"); i >= 0 {
		args = append(args[:i:i], args[i+1:]...)
		checked = i
	} else if e.dashdash {
		checked = 0
	}
	if len(args) == 0 {
		return nil, usagef(c, "%s needs a schedule file (or - for stdin)", commandName(c))
	}
	for _, a := range args[:checked] {
		if strings.HasPrefix(a, "-") && a != "-" {
			return nil, usageErrorf("flag %s after the file: flags go before file arguments (a file whose name starts with - goes after --)", a)
		}
	}
	if n := len(slices.DeleteFunc(slices.Clone(args), func(a string) bool { return a != "-" })); n > 1 {
		return nil, usageErrorf("- (stdin) can be given only once: stdin is read once")
	}
	if atMost > 0 && len(args) > atMost {
		return nil, usagef(c, "%s takes %s, got %d", commandName(c), plural(atMost, "file"), len(args))
	}
	return args, nil
}

// commandName is the command as messages name it after "schedkit: ":
// "export csv", not "schedkit export csv".
func commandName(c *cli.Context) string {
	return strings.TrimPrefix(c.Command.HelpName, c.App.Name+" ")
}

// mapMin is the size from which readFile maps a file instead of reading
// it (see mapFile).
const mapMin = 4 << 20

// readFile reads a named file or stdin ("-"), refusing directories and
// files over maxInput. The caller calls done once it no longer needs data
// (a mapped file is unmapped then). release is nil, or, for a mapped
// file, schedule.LoadOptions.Release.
func (e *env) readFile(name string) (data []byte, done func(), release func(int), err error) {
	var r io.Reader
	size := 512
	if name == "-" {
		r = e.stdin
	} else {
		f, err := os.Open(name)
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return nil, nil, nil, fmt.Errorf("%s: no such file", name)
			}
			return nil, nil, nil, err
		}
		defer f.Close()
		fi, err := f.Stat()
		if err == nil && fi.IsDir() {
			return nil, nil, nil, fmt.Errorf("%s is a directory, not a schedule file", name)
		}
		if err == nil && fi.Mode().IsRegular() && fi.Size() <= maxInput {
			if fi.Size() >= mapMin {
				if data, unmap, release, ok := mapFile(f, int(fi.Size())); ok {
					return data, unmap, release, nil
				}
			}
			// One buffer of the file's size (plus room to see EOF):
			// io.ReadAll's doubling copied and cleared a 60 MB input
			// about 20 times.
			size = int(fi.Size()) + 512
		}
		r = f
	}
	buf := bytes.NewBuffer(make([]byte, 0, size))
	if _, err := buf.ReadFrom(io.LimitReader(r, maxInput+1)); err != nil {
		return nil, nil, nil, fmt.Errorf("%s: %v", name, err)
	}
	if buf.Len() > maxInput {
		return nil, nil, nil, fmt.Errorf("%s is larger than %d MiB; that is not a schedule", name, maxInput>>20)
	}
	return buf.Bytes(), func() {}, nil, nil
}

// checkInputFlags reports a bad --timezone, --date or --input-format as a
// usage error, so that a command can refuse before it reads any file.
func checkInputFlags(c *cli.Context) error {
	if tz := c.String("timezone"); tz != "" {
		if _, err := schedule.LoadLocation(tz); err != nil {
			return usageErrorf("--timezone: %v", err)
		}
	}
	if d := c.String("date"); d != "" {
		if _, err := schedule.ParseDate(d); err != nil {
			return usageErrorf("--date: %v", err)
		}
	}
	if f := c.String("input-format"); f != "" {
		if _, err := format.Lookup(f); err != nil {
			return usageErrorf("--input-format: %v", err)
		}
	}
	return nil
}

// load reads and parses one file with the input flags and normalises the
// schedule (schedule.Normalize). The error is for trouble (exit 2): an
// unreadable file or a bad flag. Findings, a syntax error included, are in
// the diagnostics: the reader's, then Normalize's.
func (e *env) load(c *cli.Context, name string) (*input, error) {
	data, done, release, err := e.readFile(name)
	if err != nil {
		return nil, troublef("%v", err)
	}
	// Every string the readers keep is a copy: data can go once read, and
	// a mapped file's pages with it (they would count twice in the peak
	// memory of an export).
	defer done()
	if err := checkInputFlags(c); err != nil {
		return nil, err
	}
	opt := schedule.LoadOptions{Timezone: c.String("timezone"), Date: c.String("date"), Release: release}
	display := name
	if name == "-" {
		display = "<stdin>"
	}
	in := c.String("input-format")
	if in == "" {
		in = format.Detect(display, data)
	}
	if opt.Date != "" && in != "text" {
		// Only a program page can lack a date; elsewhere the flag would be
		// silently ignored.
		return nil, usageErrorf("--date applies to program pages (text input); %s is %s", display, in)
	}
	if in == "yaml" && bytes.HasPrefix(bytes.TrimLeft(data, " \t\r\n"), []byte("{")) {
		_, free := holdGC(len(data))
		defer free()
	}
	s, diags, err := format.Read(in, display, data, opt)
	if err != nil {
		return nil, usageErrorf("--input-format: %v", err)
	}
	if s != nil {
		// Every command works on the normalised schedule; check's
		// Validate only reads it.
		diags = append(diags, schedule.Normalize(s)...)
	}
	// Every reader's findings are bounded as Validate's are (see
	// schedule.Limit).
	schedule.SortDiagnostics(diags)
	diags = schedule.Limit(diags)
	return &input{file: display, sched: s, diags: diags, info: e.inputInfo(name)}, nil
}

// holdGC holds the garbage collector off while an input of size bytes is
// read, and bounds the heap at heapBound of the inputs held until the
// hold is freed. It returns resume, which lets the collector run as
// before, and free, which lifts the bound as well (resuming first if
// need be).
//
// It is for reading schedkit's format as JSON, which keeps nearly all it
// allocates (its reader reuses its nodes): collecting during it only
// marks the growing schedule again, 0.2 s of CPU at 100,000 sessions, and
// frees little; past the bound the collector runs as it must to stay
// under it (the Go GC guide's "GOGC=off with a memory limit"). It also
// bounds the heap where the JSON reader declines the document and the
// YAML parser reads it (see schedule.Load), which makes garbage.
//
// load frees its hold when the input is read. A bound kept until the
// command ended held the peak of 1,000,000 sessions at 2.01 GB instead
// of 2.16, but made the collector run back to back in commands whose
// working set outgrows it (export html 11 -> 25 s at 100,000 sessions,
// and a second input of validate or diff read under the first one's).
//
// Holds may overlap (diff reads two inputs; tests run commands in one
// process): the bound is for all the inputs held, a lower limit the user
// set (GOMEMLIMIT) stays, and the last hold to end restores the settings.
func holdGC(size int) (resume, free func()) {
	gcHold.Lock()
	defer gcHold.Unlock()
	if gcHold.holds == 0 {
		gcHold.limit = debug.SetMemoryLimit(-1)
	}
	gcHold.holds++
	gcHold.size += int64(size)
	debug.SetMemoryLimit(min(gcHold.limit, heapBound(gcHold.size)))
	if gcHold.off == 0 {
		gcHold.percent = debug.SetGCPercent(-1)
	}
	gcHold.off++
	var resumed, freed sync.Once
	resume = func() {
		resumed.Do(func() {
			gcHold.Lock()
			defer gcHold.Unlock()
			if gcHold.off--; gcHold.off == 0 {
				debug.SetGCPercent(gcHold.percent)
			}
		})
	}
	free = func() {
		resume()
		freed.Do(func() {
			gcHold.Lock()
			defer gcHold.Unlock()
			gcHold.size -= int64(size)
			if gcHold.holds--; gcHold.holds == 0 {
				debug.SetMemoryLimit(gcHold.limit)
			} else {
				debug.SetMemoryLimit(min(gcHold.limit, heapBound(gcHold.size)))
			}
		})
	}
	return resume, free
}

// heapBound is the heap holdGC allows for inputs of size bytes: issue
// 12's bound on the peak memory for JSON input, 3x the input and 200 MB,
// less room for what the Go runtime does not count (the program's text,
// the pages of a mapped input not yet dropped). A JSON schedule's
// sessions take about 2.5 times its size, so below it the collector
// hardly has to run.
func heapBound(size int64) int64 { return 128<<20 + 3*size }

// gcHold is what holdGC saved, and its holds: holds not freed and the
// bytes of their inputs, and holds with the collector off.
var gcHold struct {
	sync.Mutex
	holds, off int
	size       int64
	percent    int
	limit      int64
}

// inputInfo returns the file behind an input argument, nil when unknown.
func (e *env) inputInfo(name string) os.FileInfo {
	if name == "-" {
		if f, ok := e.stdin.(*os.File); ok {
			if fi, err := f.Stat(); err == nil {
				return fi
			}
		}
		return nil
	}
	fi, err := os.Stat(name)
	if err != nil {
		return nil
	}
	return fi
}

// refuseInputs refuses, before anything is written, an output that is an
// input: the same file by name, through a symbolic link or a hard link
// (os.SameFile). An output is stat'ed as atomicfile will write it: through
// links, or the path itself when the file has Replace set (a link there
// is replaced, and its target untouched). Only regular files are
// compared: -o /dev/null with stdin at /dev/null replaces nothing.
func refuseInputs(in *input, outputs []atomicfile.File) error {
	if in == nil || in.info == nil || !in.info.Mode().IsRegular() {
		return nil
	}
	for _, f := range outputs {
		stat := os.Stat
		if f.Replace {
			stat = os.Lstat
		}
		fi, err := stat(f.Path)
		if err == nil && fi.Mode().IsRegular() && os.SameFile(fi, in.info) {
			return troublef("nothing written: the output %s is the input %s; write it to another file", f.Path, in.file)
		}
	}
	return nil
}

// severities builds the severity settings from --rule and --strict.
func severities(c *cli.Context) (schedule.Severities, error) {
	sv := schedule.Severities{Override: map[string]schedule.Severity{}, Strict: c.Bool("strict")}
	var rules []string
	for _, r := range c.StringSlice("rule") {
		// Rule ids hold no commas: --rule a=off,b=error sets both.
		rules = append(rules, strings.Split(r, ",")...)
	}
	for _, r := range rules {
		id, sev, ok := strings.Cut(r, "=")
		if !ok {
			return sv, usageErrorf("--rule %s: want ID=error, ID=warning or ID=off", r)
		}
		s, err := schedule.ParseRuleSetting(id, sev)
		if err != nil {
			return sv, usageErrorf("--rule %s: %v", r, err)
		}
		sv.Override[id] = s
	}
	return sv, nil
}

// check validates a loaded input and applies the severities; it returns
// the findings to report.
func check(in *input, sv schedule.Severities) []schedule.Diagnostic {
	diags := in.diags
	if in.sched != nil {
		diags = append(diags, schedule.Validate(in.sched)...)
		sv.Schedule = in.sched.Policy.Severity
	}
	// Bounded after the severities, so that findings turned off take no
	// place; sorted first, so that the earliest are listed.
	ds := schedule.Limit(sv.Apply(diags))
	schedule.SortDiagnostics(ds)
	return ds
}

// writeDiagnostics prints diagnostics as text lines
// FILE:LINE:COL: SEVERITY: MESSAGE [RULE].
func writeDiagnostics(w io.Writer, diags []schedule.Diagnostic) {
	for _, d := range diags {
		fmt.Fprintln(w, d)
	}
}

// writeDiagnosticsJSON prints one JSON array of all diagnostics ([] when none).
func writeDiagnosticsJSON(w io.Writer, diags []schedule.Diagnostic) error {
	if diags == nil {
		diags = []schedule.Diagnostic{}
	}
	return writeJSON(w, diags)
}

// writeJSON writes v as JSON indented by two spaces, and a newline. <, >
// and & are written as they are, not as \u003c escapes: the output is for
// jq and scripts, not for embedding in HTML.
func writeJSON(w io.Writer, v any) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return err
	}
	_, err := w.Write(buf.Bytes())
	return err
}

// summary is the one-line count printed on stderr.
func summary(diags []schedule.Diagnostic) string {
	errs, warns := schedule.Count(diags)
	return fmt.Sprintf("%s, %s", plural(errs, "error"), plural(warns, "warning"))
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}
