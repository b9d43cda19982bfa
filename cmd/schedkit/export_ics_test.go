package main

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// TestExportICSStateClock: with --state and no SOURCE_DATE_EPOCH the export
// time is the env's clock, so LAST-MODIFIED of a changed event is e.now().
func TestExportICSStateClock(t *testing.T) {
	dir := t.TempDir()
	sched := filepath.Join(dir, "s.yaml")
	write := func(start string) {
		src := "conference: {name: C, id: c, timezone: Europe/Berlin}\ntracks:\n  - name: T\n    date: 2024-06-01\n" +
			"    sessions:\n      - {id: a, title: A, start: \"" + start + "\", end: \"11:00\"}\n      - {id: b, title: B, start: \"11:00\", end: \"12:00\"}\n"
		if err := os.WriteFile(sched, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	export := func(now time.Time) string {
		var stdout, stderr bytes.Buffer
		e := &env{stdin: strings.NewReader(""), stdout: &stdout, stderr: &stderr,
			getenv: func(string) string { return "" }, now: func() time.Time { return now }}
		if code := e.run([]string{"schedkit", "export", "ics", "--state", filepath.Join(dir, "st.json"), sched}); code != exitOK {
			t.Fatalf("exit %d: %s", code, stderr.String())
		}
		return stdout.String()
	}
	revisions := func(feed string) []string {
		return regexp.MustCompile(`LAST-MODIFIED:\S+\r\nSEQUENCE:\d+`).FindAllString(feed, -1)
	}
	write("10:00")
	first := export(time.Date(2025, 1, 2, 3, 4, 5, 6, time.UTC))
	write("10:30")
	second := export(time.Date(2025, 2, 3, 4, 5, 6, 0, time.FixedZone("X", 3600)))
	want := []string{"LAST-MODIFIED:20250102T030405Z\r\nSEQUENCE:0", "LAST-MODIFIED:20250102T030405Z\r\nSEQUENCE:0"}
	if diff := cmp.Diff(want, revisions(first)); diff != "" {
		t.Errorf("first export (-want +got):\n%s", diff)
	}
	want = []string{"LAST-MODIFIED:20250203T030506Z\r\nSEQUENCE:1", "LAST-MODIFIED:20250102T030405Z\r\nSEQUENCE:0"}
	if diff := cmp.Diff(want, revisions(second)); diff != "" {
		t.Errorf("second export (-want +got):\n%s", diff)
	}
}
