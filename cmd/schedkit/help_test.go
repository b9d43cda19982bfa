package main

import (
	"bytes"
	"errors"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/schedkit/schedkit/format/csv"
	"github.com/schedkit/schedkit/format/jsonout"
	"github.com/schedkit/schedkit/internal/testutil"
	"github.com/urfave/cli/v2"
)

// TestHelpEverywhere runs "--help" and "-h" on every command and subcommand
// of the app, so a command added later is covered too: usage on stdout,
// nothing on stderr, exit 0.
func TestHelpEverywhere(t *testing.T) {
	var paths [][]string
	var walk func(prefix []string, cmds []*cli.Command)
	walk = func(prefix []string, cmds []*cli.Command) {
		for _, c := range cmds {
			p := append(append([]string{}, prefix...), c.Name)
			paths = append(paths, p)
			walk(p, c.Subcommands)
		}
	}
	e := &env{}
	walk(nil, e.newApp().Commands)
	if len(paths) < 5 {
		t.Fatalf("found only %d commands: %v", len(paths), paths)
	}
	for _, p := range paths {
		for _, flag := range []string{"--help", "-h"} {
			args := append(append([]string{"schedkit"}, p...), flag)
			t.Run(strings.Join(args[1:], " "), func(t *testing.T) {
				var stdout, stderr bytes.Buffer
				code := run(args, strings.NewReader(""), &stdout, &stderr, func(string) string { return "" })
				if code != exitOK {
					t.Errorf("exit %d, want 0; stderr: %s", code, stderr.String())
				}
				if stderr.Len() > 0 {
					t.Errorf("stderr: %s", stderr.String())
				}
				want := "NAME:\n   schedkit " + strings.Join(p, " ") + " - "
				if strings.Join(p, " ") == "help" {
					// urfave/cli answers "help --help" with the parent's
					// help, the list of commands, which is what help does.
					want = "NAME:\n   schedkit - "
				}
				if !strings.HasPrefix(stdout.String(), want) {
					t.Errorf("stdout starts %q, want %q", firstLines(stdout.String(), 2), want)
				}
				if !strings.Contains(stdout.String(), "USAGE:") {
					t.Errorf("no USAGE: section in\n%s", stdout.String())
				}
			})
		}
	}
}

func firstLines(s string, n int) string {
	lines := strings.SplitN(s, "\n", n+1)
	return strings.Join(lines[:min(n, len(lines))], "\n")
}

// failWriter fails every write, as /dev/full does.
type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errors.New("no space left on device") }

// TestOutputWriteFails: output that cannot be written is trouble (exit 2,
// said on stderr), also help and version, which urfave/cli writes without
// looking at the error.
func TestOutputWriteFails(t *testing.T) {
	for _, args := range [][]string{
		{"--help"}, {"help", "validate"}, {"--version"}, {"schema"},
		{"validate", "--format", "json", "../../testdata/qcon-ny-2019.yaml"},
	} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			var stderr bytes.Buffer
			code := run(append([]string{"schedkit"}, args...), strings.NewReader(""), failWriter{}, &stderr, func(string) string { return "" })
			if code != exitTrouble {
				t.Errorf("exit %d, want %d; stderr: %s", code, exitTrouble, stderr.String())
			}
			if !strings.Contains(stderr.String(), "no space left on device") {
				t.Errorf("stderr does not say why: %q", stderr.String())
			}
		})
	}
}

// TestStdoutFile: export table asks stdout whether it is a terminal
// through the errWriter that run puts around it.
func TestStdoutFile(t *testing.T) {
	e := &env{stdout: &errWriter{w: os.Stdout}}
	if f, ok := e.stdoutFile(); !ok || f != os.Stdout {
		t.Errorf("stdoutFile() = %v, %v; want os.Stdout", f, ok)
	}
	e = &env{stdout: &bytes.Buffer{}}
	if _, ok := e.stdoutFile(); ok {
		t.Error("stdoutFile() of a buffer: ok")
	}
}

// command returns the subcommand of the app at path.
func command(t *testing.T, path ...string) *cli.Command {
	t.Helper()
	cmds := (&env{}).newApp().Commands
	var c *cli.Command
	for _, name := range path {
		i := slices.IndexFunc(cmds, func(c *cli.Command) bool { return c.Name == name })
		if i < 0 {
			t.Fatalf("no command %q in %v", name, path)
		}
		c = cmds[i]
		cmds = c.Subcommands
	}
	return c
}

// TestExportHelpSchemas: the help of export csv lists csv.Columns in
// order, and the help of export json sketches the top-level keys of
// jsonout.Document.
func TestExportHelpSchemas(t *testing.T) {
	desc := command(t, "export", "csv").Description
	_, list, ok := strings.Cut(desc, "The columns, in this order:\n\n")
	list, _, _ = strings.Cut(list, "\n\n")
	if !ok {
		t.Fatalf("export csv's help does not say %q", "The columns, in this order:")
	}
	got := strings.Split(strings.Join(strings.Fields(list), " "), ", ")
	if diff := cmp.Diff(csv.Columns, got); diff != "" {
		t.Errorf("export csv's help lists other columns than csv.Columns (-code +help):\n%s", diff)
	}

	desc = command(t, "export", "json").Description
	_, sketch, ok := strings.Cut(desc, "Writes one JSON object: ")
	sketch, _, _ = strings.Cut(sketch, ". ")
	if !ok {
		t.Fatalf("export json's help does not say %q", "Writes one JSON object: ")
	}
	testutil.CheckSketch(t, "export json's help", sketch, jsonout.Document{})
}
