package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestHostileFileNames: a file name is quoted, as Go quotes values, when
// it holds a line break, a control character or a bidi control, so that
// no name can forge a diagnostic line for a CI problem matcher or show
// text reordered (issue 14.8). Plain names are printed as they are.
func TestHostileFileNames(t *testing.T) {
	dir := t.TempDir()
	bad := []byte("conference: {name: X, timezone: Europe/Berlin}\ntracks: [{name: T, sessions: [{id: a, title: A}]}]\n")
	tests := []struct {
		name   string
		code   int
		stdout []string // lines
		stderr string
	}{
		{name: "plain.yaml", code: 1, stdout: []string{
			`plain.yaml:2:31: error: session "A" (a) needs a start [required]`,
			`plain.yaml:2:31: error: session "A" (a) needs an end or a duration [required]`,
		}, stderr: "2 errors, 0 warnings\n"},
		{name: "x.yaml:1:1: error: forged [syntax]\nreal.yaml", code: 1, stdout: []string{
			`"x.yaml:1:1: error: forged [syntax]\nreal.yaml":2:31: error: session "A" (a) needs a start [required]`,
			`"x.yaml:1:1: error: forged [syntax]\nreal.yaml":2:31: error: session "A" (a) needs an end or a duration [required]`,
		}, stderr: "2 errors, 0 warnings\n"},
		{name: "evil\u202elmy.yaml", code: 1, stdout: []string{
			`"evil\u202elmy.yaml":2:31: error: session "A" (a) needs a start [required]`,
			`"evil\u202elmy.yaml":2:31: error: session "A" (a) needs an end or a duration [required]`,
		}, stderr: "2 errors, 0 warnings\n"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if err := os.WriteFile(filepath.Join(dir, tc.name), bad, 0o644); err != nil {
				t.Skipf("the file system takes no such name: %v", err)
			}
			t.Chdir(dir)
			var stdout, stderr bytes.Buffer
			code := run([]string{"schedkit", "validate", tc.name}, nil, &stdout, &stderr, func(string) string { return "" })
			got := strings.Split(strings.TrimSuffix(stdout.String(), "\n"), "\n")
			if code != tc.code {
				t.Errorf("exit %d, want %d", code, tc.code)
			}
			if diff := cmp.Diff(tc.stdout, got); diff != "" {
				t.Errorf("stdout (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tc.stderr, stderr.String()); diff != "" {
				t.Errorf("stderr (-want +got):\n%s", diff)
			}
		})
	}

	// A file that cannot be read: the message names it escaped, on one line.
	var stdout, stderr bytes.Buffer
	code := run([]string{"schedkit", "validate", filepath.Join(dir, "none\n\x1b[1Ayaml")}, nil, &stdout, &stderr, func(string) string { return "" })
	if code != exitTrouble || strings.Count(stderr.String(), "\n") != 2 || strings.ContainsAny(stderr.String(), "\x1b") {
		t.Errorf("exit %d, stderr %q: want exit 2 and the name escaped on one line", code, stderr.String())
	}
}
