package tzdata

import (
	"archive/zip"
	"bytes"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// offsets gives the UTC offset of Europe/Berlin on 2024-07-01 as Load and
// as time.LoadLocation see it.
func offsets() (load, std string) {
	at := func(loc *time.Location, err error) string {
		if err != nil {
			return "error: " + err.Error()
		}
		return time.Date(2024, 7, 1, 12, 0, 0, 0, loc).Format("-07:00")
	}
	return at(Load("Europe/Berlin")), at(time.LoadLocation("Europe/Berlin"))
}

// TestLoadIgnoresZONEINFO: $ZONEINFO pointing at a doctored zoneinfo
// (Europe/Berlin holding UTC's rules) moves time.LoadLocation's Berlin to
// UTC but not Load's (issue 14). time reads $ZONEINFO once per process,
// so the check runs in a child process.
func TestLoadIgnoresZONEINFO(t *testing.T) {
	if os.Getenv("SCHEDKIT_TZDATA_CHILD") != "" {
		load, std := offsets()
		os.Stdout.WriteString(load + " " + std)
		os.Exit(0)
	}
	utc := zoneData(t, "Etc/UTC")
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "Europe"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "Europe", "Berlin"), utc, 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestLoadIgnoresZONEINFO$")
	cmd.Env = append(os.Environ(), "SCHEDKIT_TZDATA_CHILD=1", "ZONEINFO="+dir)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("child: %v\n%s", err, out)
	}
	if diff := cmp.Diff("+02:00 +00:00", string(out)); diff != "" {
		t.Errorf("Load and time.LoadLocation offsets for Berlin with a doctored ZONEINFO (-want +got):\n%s", diff)
	}
}

func TestLoad(t *testing.T) {
	tests := []struct {
		name, want string // want: the offset on 2024-01-01, or the error
	}{
		{"Europe/Berlin", "+01:00"},
		{"America/New_York", "-05:00"},
		{"Australia/Sydney", "+11:00"},
		{"UTC", "+00:00"},
		{"US/Pacific", "-08:00"}, // a link of the backward file
		{"", `unknown time zone ""`},
		{"Local", `unknown time zone "Local"`},
		{"Europe", `unknown time zone "Europe"`},
		{"europe/berlin", `unknown time zone "europe/berlin"`},
		{"../../etc/passwd", `unknown time zone "../../etc/passwd"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			loc, err := Load(tt.name)
			got := ""
			if err != nil {
				got = err.Error()
				if !errors.Is(err, ErrUnknown) {
					t.Errorf("error %v is not ErrUnknown", err)
				}
			} else {
				got = time.Date(2024, 1, 1, 12, 0, 0, 0, loc).Format("-07:00")
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Load(%q) (-want +got):\n%s", tt.name, diff)
			}
		})
	}
}

// zoneData returns a zone file of the embedded database.
func zoneData(t *testing.T, name string) []byte {
	t.Helper()
	r, err := zip.NewReader(bytes.NewReader(zipData), int64(len(zipData)))
	if err != nil {
		t.Fatal(err)
	}
	f, err := r.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	b, err := io.ReadAll(f)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestNames: the list holds the zones Load knows (each of them loads) and
// nothing else, sorted.
func TestNames(t *testing.T) {
	names := Names()
	if len(names) < 400 || !slices.IsSorted(names) {
		t.Fatalf("Names: %d names, sorted %v; want the ~600 zones, sorted", len(names), slices.IsSorted(names))
	}
	for _, want := range []string{"Europe/Berlin", "America/New_York", "Pacific/Auckland", "UTC", "Etc/GMT-2"} {
		if !slices.Contains(names, want) {
			t.Errorf("Names lacks %s", want)
		}
	}
	for _, n := range names {
		if _, err := Load(n); err != nil {
			t.Errorf("Load(%q) of a listed name: %v", n, err)
		}
	}
}

func TestClosest(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Europe/Berln", "Europe/Berlin"},
		{"europe/berlin", "Europe/Berlin"},
		{"Europe/Brlin", "Europe/Berlin"},
		{"America/New_Yrok", "America/New_York"},
		{"America/New York", "America/New_York"},
		{"Pacific/Aukland", "Pacific/Auckland"}, // past the 500th name
		{"US/Pacfic", "US/Pacific"},
		{"Mars/Olympus_Mons", ""},
		{"CEST", "CET"}, // CET is a zone of the database (with summer time)
		{"", ""},
	}
	for _, tc := range tests {
		if got := Closest(tc.in); got != tc.want {
			t.Errorf("Closest(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestClosestEveryZone: every zone of the database can be suggested: a
// zone with one letter dropped gets a suggestion one edit away, whatever
// its place in the list.
func TestClosestEveryZone(t *testing.T) {
	for _, z := range Names() {
		if len(z) < 6 {
			continue // too short for a suggestion with a letter missing
		}
		typo := z[:len(z)/2] + z[len(z)/2+1:]
		got := Closest(typo)
		if got == "" || abs(len(got)-len(typo)) > 1 {
			t.Errorf("Closest(%q) = %q, want %s or another zone one edit away", typo, got, z)
		}
	}
}

func abs(x int) int { return max(x, -x) }

// BenchmarkClosest: one "did you mean" for a zone name, over the ~600
// names of the database.
func BenchmarkClosest(b *testing.B) {
	Names()
	for b.Loop() {
		Closest("America/Los_Angles")
	}
}
