//go:build unix

package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// childEnv names the variable that turns the test binary into schedkit
// for TestAmplification: its value is the arguments, separated by newlines.
const childEnv = "SCHEDKIT_TEST_CHILD_ARGS"

// TestAmplificationChild is schedkit itself when the test binary is run by
// runLimited; otherwise it does nothing.
func TestAmplificationChild(t *testing.T) {
	args := os.Getenv(childEnv)
	if args == "" {
		t.Skip("run by TestAmplification only")
	}
	os.Exit(run(append([]string{"schedkit"}, strings.Split(args, "\n")...), os.Stdin, os.Stdout, os.Stderr, os.Getenv))
}

// runLimited runs schedkit with args in a child process that is killed
// after timeout, and fails the test if the child's peak resident memory
// passed memMB. It returns the exit status, stdout and stderr.
//
// The bound is read from the child's rusage afterwards rather than set
// with ulimit -v: under an address-space limit the Go runtime itself may
// fail to start, depending on the machine (it did on CI's).
func runLimited(t *testing.T, memMB int, timeout time.Duration, args ...string) (int, string, string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, os.Args[0], "-test.run=^TestAmplificationChild$")
	cmd.Env = append(os.Environ(), childEnv+"="+strings.Join(args, "\n"))
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	if ctx.Err() != nil {
		t.Fatalf("schedkit %s: killed after %v (a generous bound: it takes a fraction of that)", strings.Join(args, " "), timeout)
	}
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		// Maxrss is in KiB on Linux and the BSDs, in bytes on macOS;
		// reading it as KiB can only overstate the peak.
		if peak := int(ru.Maxrss >> 10); peak > memMB*raceMemory {
			t.Errorf("schedkit %s: peak resident memory %d MiB, bound %d MiB", strings.Join(args, " "), peak, memMB)
		}
	}
	return code, stdout.String(), stderr.String()
}

// TestAmplification: inputs made to exhaust the machine end with
// findings, under a memory limit and a generous time bound, never with a
// runtime crash (issues 13.3 and 14.1). Before: the 2 KB alias file took
// 90 s and 3.8 GB (4 million findings); the .ics of 100,000 sessions in
// one room ran out of memory (fatal error at 6 GB of address space); the
// 48 KB of shared speakers took 25 s. The bounds are generous, not speed
// targets: docs/security.md has the measurements.
func TestAmplification(t *testing.T) {
	if testing.Short() {
		t.Skip("runs schedkit on inputs of up to 14 MB")
	}
	dir := t.TempDir()
	write := func(name, s string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	var b strings.Builder
	b.WriteString("conference: {name: X, timezone: Europe/Berlin}\n")
	b.WriteString(`x-s: &s {title: T, start: "10:00", end: "11:00", room: Hall, speakers: [Ann]}` + "\n")
	b.WriteString("x-l: &l [" + strings.Repeat("*s, ", 249) + "*s]\n")
	b.WriteString("x-t: &t {name: T, date: 2024-05-01, sessions: *l}\n")
	b.WriteString("tracks: [" + strings.Repeat("*t, ", 249) + "*t]\n")
	bomb := write("bomb.yaml", b.String())

	b.Reset()
	b.WriteString("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nX-WR-TIMEZONE:Europe/Berlin\r\n")
	for i := range 100_000 {
		fmt.Fprintf(&b, "BEGIN:VEVENT\r\nUID:%d\r\nDTSTART:20240501T080000Z\r\nDTEND:20240501T090000Z\r\nSUMMARY:T%d\r\nLOCATION:H\r\nDESCRIPTION:Speaker: A\r\nEND:VEVENT\r\n", i, i)
	}
	b.WriteString("END:VCALENDAR\r\n")
	oneRoom := write("one-room.ics", b.String())

	// 48 KB: 600 simultaneous sessions sharing one aliased list of 1,000
	// speakers, 600,000 speaker listings. Before: 25 s (a pairwise count
	// of repeated speakers, and a sweep per speaker of every session), 130 MB.
	b.Reset()
	b.WriteString("conference: {name: X, timezone: Europe/Berlin}\nx-sp: &sp [")
	for i := range 1000 {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "S%d", i)
	}
	b.WriteString("]\ntracks:\n- name: T\n  room: Hall\n  date: 2024-05-01\n  sessions:\n")
	for i := range 600 {
		fmt.Fprintf(&b, "  - {title: Talk %d, start: \"10:00\", end: \"11:00\", speakers: *sp}\n", i)
	}
	sharedSpeakers := write("shared-speakers.yaml", b.String())

	tests := []struct {
		name    string
		memMB   int
		timeout time.Duration
		args    []string
		want    string // in stdout
	}{
		{"alias bomb", 200, 30 * time.Second, []string{"validate", bomb},
			"is listed again through an alias"},
		{"100,000 sessions in one room", 1000, 120 * time.Second, []string{"validate", oneRoom},
			"more room-overlap findings from here on, not listed"},
		{"600 sessions sharing 1,000 speakers", 160, 10 * time.Second, []string{"validate", sharedSpeakers},
			"11369 more speaker-overlap findings from here on, not listed"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, stdout, stderr := runLimited(t, tc.memMB, tc.timeout, tc.args...)
			if code != 1 || !strings.Contains(stdout, tc.want) {
				t.Errorf("exit %d, want 1 with %q; stderr:\n%.2000s", code, tc.want, stderr)
			}
			if n := strings.Count(stdout, "\n"); n > 6000 {
				t.Errorf("%d findings listed; the bound is about 5000", n)
			}
		})
	}
}
