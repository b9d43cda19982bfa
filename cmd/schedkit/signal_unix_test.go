//go:build unix

package main

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// TestSignalRemovesTemps: SIGINT or SIGTERM while an export writes removes
// its temporary files, replaces nothing and exits 130 or 143 (issue 14:
// interrupted runs used to leave complete hidden .NAME.tmpNNN feeds in a
// published directory). The export is held mid-batch by -o on a named
// pipe nobody reads: the state's temporary file is written, and the feed
// waits for a reader.
func TestSignalRemovesTemps(t *testing.T) {
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	schedkit := filepath.Join(t.TempDir(), "schedkit") // TestMain runs the CLI under this name
	if err := os.Symlink(exe, schedkit); err != nil {
		t.Skip("no symbolic links:", err)
	}
	const sched = "conference: {name: Mini, id: mini, timezone: Europe/Berlin}\n" +
		"tracks: [{name: Main, id: main, room: Hall, date: 2024-06-01, sessions: [{id: a, title: Alpha, start: \"10:00\", end: \"10:45\"}]}]\n"
	tests := []struct {
		sig  syscall.Signal
		code int
	}{
		{syscall.SIGINT, exitInterrupt},
		{syscall.SIGTERM, exitTerminate},
	}
	for _, tt := range tests {
		t.Run(tt.sig.String(), func(t *testing.T) {
			dir := t.TempDir()
			if err := os.WriteFile(filepath.Join(dir, "s.yaml"), []byte(sched), 0o644); err != nil {
				t.Fatal(err)
			}
			if err := syscall.Mkfifo(filepath.Join(dir, "feed.ics"), 0o644); err != nil {
				t.Skip("mkfifo:", err)
			}
			cmd := exec.Command(schedkit, "export", "ics", "--state", "st.json", "-o", "feed.ics", "s.yaml")
			cmd.Dir = dir
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			temps := func() []string {
				m, _ := filepath.Glob(filepath.Join(dir, ".st.json.tmp*"))
				return m
			}
			for deadline := time.Now().Add(20 * time.Second); len(temps()) == 0; time.Sleep(10 * time.Millisecond) {
				if time.Now().After(deadline) {
					cmd.Process.Kill()
					cmd.Wait()
					t.Fatalf("no temporary state file after 20 s; stderr: %s", stderr.String())
				}
			}
			if err := cmd.Process.Signal(tt.sig); err != nil {
				t.Fatal(err)
			}
			code := 0
			if err := cmd.Wait(); err != nil {
				var ee *exec.ExitError
				if !errors.As(err, &ee) {
					t.Fatal(err)
				}
				code = ee.ExitCode()
			}
			_, stateErr := os.Stat(filepath.Join(dir, "st.json"))
			got := struct {
				Code    int
				Temps   []string
				State   bool
				Message bool
			}{code, temps(), stateErr == nil, strings.Contains(stderr.String(), "schedkit: stopped by "+tt.sig.String()+"; temporary files removed")}
			want := got
			want.Code, want.Temps, want.State, want.Message = tt.code, nil, false, true
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("after %v (-want +got):\n%s\nstderr: %s", tt.sig, diff, stderr.String())
			}
		})
	}
}
