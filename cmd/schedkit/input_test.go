package main

import (
	"bytes"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestMappedInput: a file of mapMin bytes or more, which readFile maps
// instead of reading (mapFile), gives what the same bytes read from stdin
// give, in each format's reader.
func TestMappedInput(t *testing.T) {
	pad := strings.Repeat("x", mapMin)
	inputs := map[string]string{
		"yaml": "# " + pad + "\nconference: {name: C, timezone: Europe/Berlin}\ntracks:\n  - name: T\n    date: 2024-06-01\n    sessions:\n" +
			"      - {id: a, title: A, start: \"10:00\", end: \"11:00\", speakers: [Ada]}\n      - {id: b, title: B, start: \"10:30\", end: \"12:00\", speakers: [Ada]}\n",
		"json": `{"conference": {"name": "C", "timezone": "Europe/Berlin"}, "tracks": [{"name": "T", "description": "` + pad + `", "date": "2024-06-01", "sessions": [` +
			`{"id": "a", "title": "A", "start": "10:00", "end": "11:00", "speakers": ["Ada"]}, {"id": "b", "title": "B", "start": "10:30", "end": "12:00", "speakers": ["Ada"]}]}]}`,
	}
	dir := t.TempDir()
	for name, src := range inputs {
		path := filepath.Join(dir, "s."+name)
		if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
		data, done, err := (&env{}).readFile(path)
		if err != nil {
			t.Fatal(err)
		}
		// A buffer read has room to see EOF; a mapping is the file's size.
		if mapped := cap(data) == len(src); mapped != canMap || string(data) != src {
			t.Errorf("%s: mapped %v, want %v; same bytes: %v", name, mapped, canMap, string(data) == src)
		}
		done()
		for _, args := range [][]string{{"validate"}, {"export", "csv", "--force"}} {
			exec := func(file string, stdin string) (int, string, string) {
				var stdout, stderr bytes.Buffer
				e := &env{stdin: strings.NewReader(stdin), stdout: &stdout, stderr: &stderr, getenv: func(string) string { return "" }}
				code := e.run(append(append([]string{"schedkit"}, args...), file))
				return code, strings.ReplaceAll(stdout.String(), path, "<stdin>"), strings.ReplaceAll(stderr.String(), path, "<stdin>")
			}
			code, out, errs := exec(path, "")
			wantCode, wantOut, wantErrs := exec("-", src)
			if code != wantCode || code == exitOK && args[0] == "validate" {
				t.Errorf("%s %v: exit %d from the file, %d from stdin (want findings)", name, args, code, wantCode)
			}
			if diff := cmp.Diff(wantOut+wantErrs, out+errs); diff != "" {
				t.Errorf("%s %v: mapped file (-stdin +file):\n%s", name, args, diff)
			}
			if !strings.Contains(out+errs, "[speaker-overlap]") {
				t.Errorf("%s %v: no speaker-overlap finding:\n%s", name, args, out+errs)
			}
		}
	}
}

// TestHoldGC: overlapping holds leave the collector as they found it once
// the last ends, whatever order they end in, and a hold keeps a lower
// memory limit.
func TestHoldGC(t *testing.T) {
	percent := debug.SetGCPercent(77)
	limit := debug.SetMemoryLimit(1 << 40)
	defer func() { debug.SetGCPercent(percent); debug.SetMemoryLimit(limit) }()
	a := holdGC(1 << 20)
	b := holdGC(1 << 30)
	if got := debug.SetGCPercent(-1); got != -1 {
		t.Errorf("held: GC percent %d, want -1 (off)", got)
	}
	if got := debug.SetMemoryLimit(-1); got != 64<<20+4<<20 {
		t.Errorf("held: memory limit %d, want the first hold's %d", got, 64<<20+4<<20)
	}
	a()
	if got := debug.SetGCPercent(-1); got != -1 {
		t.Errorf("one hold left: GC percent %d, want -1 (off)", got)
	}
	b()
	debug.SetMemoryLimit(1 << 30)
	c := holdGC(1 << 30) // would set 64 MiB + 4 GiB
	if got := debug.SetMemoryLimit(-1); got != 1<<30 {
		t.Errorf("held under a lower limit: memory limit %d, want that limit, %d", got, 1<<30)
	}
	c()
	debug.SetMemoryLimit(1 << 40)
	if got := debug.SetGCPercent(-1); got != 77 {
		t.Errorf("released: GC percent %d, want 77", got)
	}
	if got := debug.SetMemoryLimit(-1); got != 1<<40 {
		t.Errorf("released: memory limit %d, want %d", got, int64(1)<<40)
	}
}
