package main

import (
	"errors"
	"fmt"
	"github.com/schedkit/schedkit/internal/suggest"
	"github.com/schedkit/schedkit/internal/visible"
	"io"
	"os"
	"os/signal"
	"runtime"
	"runtime/debug"
	"runtime/pprof"
	"slices"
	"strings"
	"syscall"
	"time"

	"github.com/schedkit/schedkit/internal/atomicfile"
	"github.com/schedkit/schedkit/internal/lazyregexp"
	"github.com/urfave/cli/v2"
)

// Exit codes. Every command documents which of them it uses; see the README.
const (
	exitOK       = 0 // done; for validate: no errors
	exitFindings = 1 // the schedule has errors (validate, export), input unparseable (import), sides differ (diff)
	exitTrouble  = 2 // usage error, unreadable input, failed write

	// Stopped by a signal: 128 + the signal's number, as shells report a
	// process the signal killed.
	exitInterrupt = 130 // SIGINT (Ctrl-C)
	exitTerminate = 143 // SIGTERM
)

// exitError carries an exit code with the error to print.
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string {
	if e.err == nil { // silent: the command has already reported
		return fmt.Sprintf("exit status %d", e.code)
	}
	return e.err.Error()
}
func (e *exitError) Unwrap() error { return e.err }

// usageError is a command-line mistake: exit 2. When help names a command
// ("schedkit export"), exitCode follows the message with the hint to run it
// with --help; this is the one place that hint is written.
type usageError struct {
	help string // the command's help name, or "" when the message says what to write instead
	err  error
}

func (e *usageError) Error() string { return e.err.Error() }
func (e *usageError) Unwrap() error { return e.err }

// usageErrorf is a command-line mistake whose message says what to write
// instead: exit 2, no hint to --help.
func usageErrorf(format string, args ...any) error {
	return &usageError{err: fmt.Errorf(format, args...)}
}

// usagef is a command-line mistake of command c (the arguments are wrong,
// not one value): exit 2, and the hint to run c with --help.
func usagef(c *cli.Context, format string, args ...any) error {
	return &usageError{help: c.Command.HelpName, err: fmt.Errorf(format, args...)}
}

// troublef is an I/O failure or unreadable input: exit 2.
func troublef(format string, args ...any) error {
	return &exitError{exitTrouble, fmt.Errorf(format, args...)}
}

// silent exits with code after the command has printed what it had to say.
func silent(code int) error { return &exitError{code: code} }

// env is what a command may touch of the outside world; tests replace it.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	getenv         func(string) string
	now            func() time.Time
	dashdash       bool     // the command line holds "--": see files
	args           []string // the command line, program name first (completeValues)
}

func init() {
	// Package state of urfave/cli: set once, here.
	cli.VersionFlag = &cli.BoolFlag{Name: "version", Usage: "print the version", DisableDefaultText: true}
}

func version() string {
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return "devel"
}

// run is the whole program: it parses args, runs the command and returns the
// exit code. Nothing else writes to os.Stdout or calls os.Exit.
//
// SIGINT or SIGTERM stop the command: the temporary files of the files
// being written are removed (atomicfile.Interrupt; a batch being renamed
// finishes first) and run returns exitInterrupt or exitTerminate at once,
// without waiting for the command, which may be blocked on I/O. A second
// signal kills the process as usual.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer, getenv func(string) string) int {
	e := &env{stdin: stdin, stdout: stdout, stderr: stderr, getenv: getenv, now: time.Now}
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	defer signal.Stop(sigs)
	done := make(chan int, 1)
	go func() { done <- e.run(args) }()
	select {
	case code := <-done:
		return code
	case sig := <-sigs:
		signal.Stop(sigs)
		atomicfile.Interrupt()
		fmt.Fprintf(stderr, "schedkit: stopped by %v; temporary files removed\n", sig)
		if sig == syscall.SIGTERM {
			return exitTerminate
		}
		return exitInterrupt
	}
}

func (e *env) run(args []string) int {
	e.dashdash = slices.Contains(args, "--")
	e.args = args
	// Every write to stdout goes through out, which remembers the first
	// failure: output that could not be written is trouble (exit 2), also
	// where urfave/cli writes help and ignores the error.
	out := &errWriter{w: e.stdout}
	e.stdout = out
	if path := e.getenv("SCHEDKIT_CPUPROFILE"); path != "" {
		// For docs/performance.md: a CPU profile of one command.
		if f, err := os.Create(path); err == nil {
			if pprof.StartCPUProfile(f) == nil {
				defer func() { pprof.StopCPUProfile(); f.Close() }()
			}
		}
	}
	if path := e.getenv("SCHEDKIT_MEMPROFILE"); path != "" {
		runtime.MemProfileRate = 64 << 10
		defer func() {
			if f, err := os.Create(path); err == nil {
				pprof.Lookup("allocs").WriteTo(f, 0)
				f.Close()
			}
		}()
	}
	app := e.newApp()
	err := app.Run(helpArgs(app, args))
	code := e.exitCode(err)
	if out.err != nil && code != exitTrouble {
		fmt.Fprintf(e.stderr, "schedkit: writing output: %s\n", visible.Escape(out.err.Error()))
		return exitTrouble
	}
	return code
}

// exitCode reports err on stderr and returns the exit code it means.
func (e *env) exitCode(err error) int {
	if err == nil {
		return exitOK
	}
	var ue *usageError
	if errors.As(err, &ue) {
		// Messages quote file names and values from the input: escaped,
		// they cannot reach the terminal raw or start a line of their own.
		fmt.Fprintf(e.stderr, "schedkit: %s\n", visible.Escape(ue.err.Error()))
		if ue.help != "" {
			fmt.Fprintf(e.stderr, "Run '%s --help' for usage.\n", ue.help)
		}
		return exitTrouble
	}
	var ee *exitError
	if errors.As(err, &ee) {
		if ee.err != nil {
			fmt.Fprintf(e.stderr, "schedkit: %s\n", visible.Escape(ee.err.Error()))
		}
		return ee.code
	}
	// Errors of the flag parser before any command are usage errors.
	return e.exitCode(&usageError{help: "schedkit", err: errors.New(flagMessage(err))})
}

// stdoutFile is stdout as an *os.File (to ask whether it is a terminal),
// under the errWriter that run puts around it.
func (e *env) stdoutFile() (*os.File, bool) {
	w := e.stdout
	if ew, ok := w.(*errWriter); ok {
		w = ew.w
	}
	f, ok := w.(*os.File)
	return f, ok
}

// errWriter passes writes on and keeps the first error.
type errWriter struct {
	w   io.Writer
	err error
}

func (w *errWriter) Write(p []byte) (int, error) {
	n, err := w.w.Write(p)
	if err != nil && w.err == nil {
		w.err = err
	}
	return n, err
}

// helpArgs makes --help (or -h) ask for help wherever it is before "--":
// urfave/cli reads "validate --help x.yaml" as help on a topic "x.yaml"
// (exit 2), and "validate x.yaml --help" is a flag after a file. Both
// become "validate --help": the help of the command path.
func helpArgs(app *cli.App, args []string) []string {
	end := slices.Index(args, "--")
	if end < 0 {
		end = len(args)
	}
	completing := args[len(args)-1] == "--generate-bash-completion" && !slices.Contains(args, "--") // the shell completing "-h"
	if completing || !slices.ContainsFunc(args[1:end], func(a string) bool { return a == "--help" || a == "-h" }) {
		return args
	}
	out := []string{args[0]}
	cmds := app.Commands
	for _, a := range args[1:end] {
		c := findCommand(cmds, a)
		if c == nil {
			if !strings.HasPrefix(a, "-") {
				break // a file or a value: the command path has ended
			}
			continue // a flag before the command
		}
		out = append(out, a)
		cmds = c.Subcommands
	}
	return append(out, "--help")
}

func (e *env) newApp() *cli.App {
	app := &cli.App{
		Name:                 "schedkit",
		Usage:                "validate and export conference schedules",
		UsageText:            "schedkit <command> [flags] <file>...",
		Version:              version(),
		Reader:               e.stdin,
		Writer:               e.stdout,
		ErrWriter:            e.stderr,
		HideHelpCommand:      true,
		EnableBashCompletion: true,
		Suggest:              true,
		// Names hold commas ("Broadway Ballroom North, 6th fl.", "Doe,
		// Jane"): a repeatable flag takes each value whole.
		DisableSliceFlagSeparator: true,
		ExitErrHandler:            func(*cli.Context, error) {},
		OnUsageError:              onUsageError,
		// urfave/cli adds --help only when no command is named "help";
		// schedkit has one (help.go), so the flag is given here.
		Flags: []cli.Flag{cli.HelpFlag},
		Action: func(c *cli.Context) error {
			if c.NArg() > 0 {
				var names []string
				for _, cmd := range c.App.Commands {
					names = append(names, cmd.Name)
				}
				if g := suggest.Closest(c.Args().First(), names); g != "" {
					return usageErrorf("unknown command %q (did you mean %s?); run 'schedkit --help'", c.Args().First(), g)
				}
				return usageErrorf("unknown command %q; run 'schedkit --help'", c.Args().First())
			}
			return cli.ShowAppHelp(c)
		},
		Commands: []*cli.Command{
			e.validateCommand(),
			e.exportCommand(),
			e.importCommand(),
			e.diffCommand(),
			e.schemaCommand(),
			e.completionCommand(),
			e.manCommand(),
			e.helpCommand(),
		},
	}
	e.fixCommands(app.Commands)
	return app
}

// fixCommands applies the settings urfave/cli does not inherit, and the
// completion of flag values.
func (e *env) fixCommands(cmds []*cli.Command) {
	for _, c := range cmds {
		c.OnUsageError = onUsageError
		c.HideHelpCommand = true
		c.BashComplete = e.completeValues(c, c.BashComplete)
		for _, f := range c.Flags {
			if b, ok := f.(*cli.BoolFlag); ok {
				b.DisableDefaultText = true // "(default: false)" on every switch is noise
			}
		}
		e.fixCommands(c.Subcommands)
	}
}

func onUsageError(c *cli.Context, err error, _ bool) error {
	msg := flagMessage(err)
	if m := flagErrs[0].re.FindStringSubmatch(err.Error()); m != nil {
		if g := closestFlag(c.Command, m[1]); g != "" {
			msg += fmt.Sprintf(" (did you mean %s?)", g)
		}
	}
	return usagef(c, "%s", msg)
}

// closestFlag returns the flag of cmd, dashed, that name (typed without
// its dashes) is a plausible typo of, or "". It is internal/suggest's
// edit distance, as for commands, rules and rooms: urfave/cli's own
// (cli.SuggestFlag, which App.Suggest prints only without OnUsageError)
// returns the nearest flag by Jaro-Winkler however far it is, so that
// --xyzzy would get "did you mean --day?".
func closestFlag(cmd *cli.Command, name string) string {
	var names []string
	for _, f := range withFlag(cmd.VisibleFlags(), cli.HelpFlag) {
		names = append(names, f.Names()...)
	}
	if g := suggest.Closest(name, names); g != "" {
		return dashedFlag(g)
	}
	return ""
}

// flagErrs match the messages of Go's flag package, which write every flag
// with one dash ("-split") however it was typed; each is reworded the way
// schedkit's help writes flags ($1 is the rest of the message, $2 the name).
var flagErrs = []struct {
	re   *lazyregexp.Regexp
	with string
}{
	{lazyregexp.New(`^flag provided but not defined: -([\w-]+)$`), "unknown flag %s"},
	{lazyregexp.New(`^flag needs an argument: -([\w-]+)$`), "flag %s needs a value"},
	{lazyregexp.New(`^(invalid value ".*" for) flag -([\w-]+)(: .*)$`), "%[1]s %[3]s%[2]s"},
}

// flagMessage rewords a flag parser error: "unknown flag --split",
// "invalid value "x" for --width: parse error".
func flagMessage(err error) string {
	msg := err.Error()
	dashed := func(name string) string {
		if len(name) == 1 {
			return "-" + name
		}
		return "--" + name
	}
	for _, f := range flagErrs {
		m := f.re.FindStringSubmatch(msg)
		switch len(m) {
		case 2:
			return fmt.Sprintf(f.with, dashed(m[1]))
		case 4:
			return fmt.Sprintf(f.with, m[1], m[3], dashed(m[2]))
		}
	}
	return msg
}
