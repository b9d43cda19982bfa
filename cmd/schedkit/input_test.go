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
		data, done, release, err := (&env{}).readFile(path)
		if err != nil {
			t.Fatal(err)
		}
		// A buffer read has room to see EOF; a mapping is the file's size.
		if mapped := cap(data) == len(src); mapped != canMap || string(data) != src {
			t.Errorf("%s: mapped %v, want %v; same bytes: %v", name, mapped, canMap, string(data) == src)
		}
		if (release != nil) != canMap {
			t.Errorf("%s: release set %v, want %v", name, release != nil, canMap)
		}
		if release != nil {
			// Pages dropped are read back from the file.
			release(len(data))
			if string(data) != src {
				t.Errorf("%s: the bytes differ after release", name)
			}
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

// TestHoldGC: the heap bound is for all the inputs held, until each is
// freed; the collector is off until each is read; resume and free act
// once; the last hold to end restores the settings, and a lower memory
// limit stays.
func TestHoldGC(t *testing.T) {
	percent := debug.SetGCPercent(77)
	limit := debug.SetMemoryLimit(1 << 40)
	defer func() { debug.SetGCPercent(percent); debug.SetMemoryLimit(limit) }()
	check := func(when string, wantPercent int, wantLimit int64) {
		t.Helper()
		if got := debug.SetGCPercent(wantPercent); got != wantPercent {
			t.Errorf("%s: GC percent %d, want %d", when, got, wantPercent)
		}
		if got := debug.SetMemoryLimit(-1); got != wantLimit {
			t.Errorf("%s: memory limit %d, want %d", when, got, wantLimit)
		}
	}
	resumeA, freeA := holdGC(1 << 20)
	check("one hold", -1, 128<<20+3<<20)
	resumeB, freeB := holdGC(1 << 30)
	check("two holds", -1, 128<<20+3<<20+3<<30)
	resumeA()
	resumeA() // once only
	check("one hold reading", -1, 128<<20+3<<20+3<<30)
	resumeB()
	check("both read", 77, 128<<20+3<<20+3<<30)
	freeB()
	freeB()
	check("one hold left", 77, 128<<20+3<<20)
	freeA()
	check("released", 77, 1<<40)

	debug.SetMemoryLimit(1 << 30)
	_, freeC := holdGC(1 << 30) // would bound at 3 GiB and more
	check("held under a lower limit", -1, 1<<30)
	freeC() // resumes too
	check("released", 77, 1<<30)
}
