package main

import (
	"errors"
	"fmt"
	"github.com/google/go-cmp/cmp"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"schedkit": func() { os.Exit(run(os.Args, os.Stdin, os.Stdout, os.Stderr, os.Getenv)) },
	})
}

// TestScripts runs the CLI scripts in testdata/script, one per scenario,
// named <command>_<case>.txtar. Besides the standard commands they have
//
//	exits N cmd args...   run cmd and require exit status N (stdout and
//	                      stderr are then checked as after exec)
//
// Run with -update to rewrite the expected output in the scripts; review
// the diff before committing.
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:                 "testdata/script",
		RequireExplicitExec: true,
		UpdateScripts:       *update,
		Setup: func(e *testscript.Env) error {
			// Hermetic: no variable of the developer's shell leaks in.
			for _, k := range []string{"SOURCE_DATE_EPOCH", "TZ", "COLUMNS", "NO_COLOR"} {
				e.Setenv(k, "")
			}
			e.Setenv("TZ", "Pacific/Auckland") // output must not depend on the machine's zone
			// $TESTDATA is the repository's testdata; $SHARED is ../shared
			// (real schedules, validators) and may not exist: scripts that
			// use it start with [!shared] skip (see Condition).
			for k, rel := range map[string]string{"TESTDATA": "../../testdata", "SHARED": "../../../shared"} {
				abs, err := filepath.Abs(rel)
				if err != nil {
					return err
				}
				e.Setenv(k, abs)
			}
			return nil
		},
		// [shared]: ../shared/realdata exists. A missing ../shared skips
		// the script, or fails it when SCHEDKIT_REQUIRE_SHARED is set (CI).
		// [tool:NAME]: the program NAME is on PATH; a missing one skips the
		// script, or fails it when SCHEDKIT_REQUIRE_TOOLS is set (CI, which
		// installs every tool before the tests).
		Condition: func(cond string) (bool, error) {
			if name, ok := strings.CutPrefix(cond, "tool:"); ok {
				if _, err := exec.LookPath(name); err != nil {
					if os.Getenv("SCHEDKIT_REQUIRE_TOOLS") != "" {
						return false, errors.New(name + " is required (SCHEDKIT_REQUIRE_TOOLS is set) but not installed")
					}
					return false, nil
				}
				return true, nil
			}
			if cond != "shared" {
				return false, errors.New("unknown condition " + strconv.Quote(cond))
			}
			abs, err := filepath.Abs("../../../shared/realdata")
			if err != nil {
				return false, err
			}
			if _, err := os.Stat(abs); err != nil {
				if os.Getenv("SCHEDKIT_REQUIRE_SHARED") != "" {
					return false, errors.New(abs + " is required (SCHEDKIT_REQUIRE_SHARED is set) but missing")
				}
				return false, nil
			}
			return true, nil
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"exits": cmdExits,
			// validate's scripts: see validate_cmds_test.go.
			"jsondiag": cmdJSONDiag,
			"genfile":  cmdGenFile,
		},
	})
}

func cmdExits(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 2 {
		ts.Fatalf("usage: exits N command [args...]")
	}
	want, err := strconv.Atoi(args[0])
	if err != nil {
		ts.Fatalf("exits: %v", err)
	}
	got := 0
	if err := ts.Exec(args[1], args[2:]...); err != nil {
		var ee *exec.ExitError
		if !errors.As(err, &ee) {
			ts.Fatalf("exits: %v", err)
		}
		got = ee.ExitCode()
	}
	if got != want {
		ts.Fatalf("exit status %d, want %d", got, want)
	}
}

// TestExitCode pins the one place errors become exit codes and messages:
// a usage error of a command ends with the hint to its help, one whose
// message says what to write instead has none.
func TestExitCode(t *testing.T) {
	tests := []struct {
		name     string
		err      error
		code     int
		wantText string
	}{
		{"nil", nil, exitOK, ""},
		{"usage with help", &usageError{help: "schedkit export", err: errors.New("export needs a format")}, exitTrouble,
			"schedkit: export needs a format\nRun 'schedkit export --help' for usage.\n"},
		{"usage without help", usageErrorf("--format %q: use text or json", "xml"), exitTrouble,
			"schedkit: --format \"xml\": use text or json\n"},
		{"wrapped usage", fmt.Errorf("outer: %w", &usageError{help: "schedkit diff", err: errors.New("two files")}), exitTrouble,
			"schedkit: two files\nRun 'schedkit diff --help' for usage.\n"},
		{"trouble", troublef("cannot read %s", "x"), exitTrouble, "schedkit: cannot read x\n"},
		{"silent findings", silent(exitFindings), exitFindings, ""},
		{"flag parser", errors.New("flag provided but not defined: -split"), exitTrouble,
			"schedkit: unknown flag --split\nRun 'schedkit --help' for usage.\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stderr strings.Builder
			e := &env{stderr: &stderr}
			if got := e.exitCode(tt.err); got != tt.code {
				t.Errorf("exit code %d, want %d", got, tt.code)
			}
			if diff := cmp.Diff(tt.wantText, stderr.String()); diff != "" {
				t.Errorf("stderr (-want +got):\n%s", diff)
			}
		})
	}
}
