package yamlout

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/schedkit/schedkit/internal/realdata"
	"github.com/schedkit/schedkit/schedule"
)

// reload writes s as YAML and loads it back.
func reload(t *testing.T, s *schedule.Schedule) (*schedule.Schedule, []schedule.Diagnostic, []byte) {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, s); err != nil {
		t.Fatal(err)
	}
	got, ds := schedule.Load("out.yaml", buf.Bytes(), schedule.LoadOptions{})
	if got == nil {
		t.Fatalf("the written YAML does not load: %v\n%s", ds, buf.Bytes())
	}
	return got, ds, buf.Bytes()
}

// ignore is what a reload does not keep: positions, and whether an id was
// implicit (the written file has every id explicit).
var ignore = cmp.Options{
	cmpopts.IgnoreFields(schedule.Session{}, "Pos", "FieldPos", "Track", "ImplicitID", "GUID"),
	cmpopts.IgnoreFields(schedule.Track{}, "Pos", "IDPos", "Sessions"),
	cmpopts.IgnoreFields(schedule.Conference{}, "Pos"),
	cmpopts.IgnoreFields(schedule.Room{}, "Pos"),
	cmpopts.IgnoreFields(schedule.Schedule{}, "File", "Location"),
	cmpopts.EquateEmpty(),
	cmp.Comparer(func(a, b time.Time) bool { return a.Equal(b) }),
}

func TestWriteExample(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "qcon-ny-2019.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	src, ds := schedule.Load("qcon.yaml", data, schedule.LoadOptions{})
	if src == nil || schedule.HasErrors(ds) {
		t.Fatal(ds)
	}
	got, ds, out := reload(t, src)
	if len(ds) > 0 {
		t.Errorf("the written YAML has findings: %v", ds)
	}
	if diff := cmp.Diff(src, got, ignore); diff != "" {
		t.Errorf("reloaded schedule (-source +reloaded):\n%s", diff)
	}
	for i, s := range got.Sessions {
		if want := src.GUIDOf(src.Sessions[i]); s.GUID != want {
			t.Errorf("%s: guid %q, want the derived %q", s.ID, s.GUID, want)
		}
	}
	if !bytes.Contains(out, []byte("guid: ")) {
		t.Error("no explicit guids written")
	}
}

// TestWriteEdgeCases: a session without a track, an untimed one, rules,
// a zone-less file and values YAML would misread unquoted.
func TestWriteEdgeCases(t *testing.T) {
	loc, _ := schedule.LoadLocation("Etc/GMT-1")
	s := &schedule.Schedule{Conference: schedule.Conference{Name: "yes", ID: "c", TimeZone: "Etc/GMT-1", DayChange: "04:00"}, Location: loc,
		Policy: schedule.Policy{MinDuration: 65 * time.Minute, MaxDuration: 10 * time.Hour, Changeover: 5 * time.Minute,
			SpeakerBuffer: 90 * time.Second, // written 1m30s: seconds are kept
			DayStart:      8 * 60, DayEnd: -1, Severity: map[string]schedule.Severity{"track-overlap": schedule.Off}}}
	tr := &schedule.Track{ID: "t", Name: "null"}
	s.AddTrack(tr)
	s.AddSession(tr, &schedule.Session{ID: "1", FrabID: 1, Title: "2025-01-01", Room: "true", Type: "talk", Status: "confirmed",
		Start: time.Date(2025, 1, 1, 23, 30, 0, 0, loc), End: time.Date(2025, 1, 2, 1, 0, 0, 0, loc),
		Speakers: []schedule.Person{{Name: "No", ID: "7"}, {Name: "A, B"}}, Links: []schedule.Link{{Title: "x: y", URL: "https://example.org/#a"}}})
	s.AddSession(nil, &schedule.Session{ID: "2", Title: "Free", Type: "break", Status: "tentative",
		Start: time.Date(2025, 1, 1, 10, 0, 0, 0, loc), End: time.Date(2025, 1, 1, 10, 30, 0, 0, loc), Abstract: "line 1\nline 2\n"})
	got, ds, out := reload(t, s)
	if len(ds) > 0 {
		t.Errorf("findings: %v\n%s", ds, out)
	}
	if diff := cmp.Diff(s.Sessions, got.Sessions, ignore); diff != "" {
		t.Errorf("sessions (-source +reloaded):\n%s\n%s", diff, out)
	}
	if diff := cmp.Diff(s.Policy, got.Policy); diff != "" {
		t.Errorf("rules (-source +reloaded):\n%s", diff)
	}
	if got.Sessions[1].TrackID() != "no-track" || got.Conference.DayChange != "04:00" {
		t.Errorf("track %q, day_change %q", got.Sessions[1].TrackID(), got.Conference.DayChange)
	}
}

// key is a finding without its position, which differs between the source
// and the written file.
// Duplicates are reported at the later session, and the YAML groups
// sessions by track, so which one is "later" may change: the pair is the key.
//
// bad-value and required findings are compared by rule and the values they
// quote, not word for word: the loader's wording of them is still moving.
func key(d schedule.Diagnostic) string {
	msg := d.Message
	if d.Rule == "bad-value" || d.Rule == "required" {
		q := quoted.FindAllString(msg, -1)
		return fmt.Sprintf("%s %s %v", d.Severity, d.Rule, q[max(0, len(q)-1):])
	}
	if m := usedBy.FindStringSubmatch(msg); m != nil {
		pair := []string{m[2], m[3]}
		slices.Sort(pair)
		msg = m[1] + " is used by " + pair[0] + " and " + pair[1]
	}
	// Sessions at the same instants come in input order.
	if m := sameTime.FindStringSubmatch(msg); m != nil && m[4] == m[5] {
		pair := []string{m[2], m[3]}
		slices.Sort(pair)
		msg = fmt.Sprintf("speaker %s is in %s and %s at %s", m[1], pair[0], pair[1], m[4])
	}
	return fmt.Sprintf("%s %s %s", d.Severity, d.Rule, msg)
}

var sameTime = regexp.MustCompile(`^speaker (.*) is in (session .*) and (session .*) at the same time \((.*) and (.*)\)$`)

var quoted = regexp.MustCompile(`"(?:[^"\\]|\\.)*"`)

var usedBy = regexp.MustCompile(`^(.*) is used by (session .*) and (session .*)$`)

// TestRealDataSameFindings: validating the imported YAML gives the same
// cross-session findings as validating the source; what only the readers
// report (zone, date and duration readings) is settled in the YAML.
func TestRealDataSameFindings(t *testing.T) {
	for _, name := range []string{"fosdem-2025.schedule.xml", "36c3-merged.schedule.xml", "debconf23.schedule.xml", "pretalx-democon.schedule.json"} {
		t.Run(name, func(t *testing.T) {
			src, srcDiags := realdata.Read(t, name)
			srcDiags = append(srcDiags, schedule.Validate(src)...)
			got, gotDiags, _ := reload(t, src)
			gotDiags = append(gotDiags, schedule.Normalize(got)...)
			gotDiags = append(gotDiags, schedule.Validate(got)...)
			keys := func(ds []schedule.Diagnostic) []string {
				var out []string
				for _, d := range ds {
					if r, _ := schedule.LookupRule(d.Rule); r.Importer && d.Rule != "duplicate-guid" {
						continue
					}
					out = append(out, key(d))
				}
				slices.Sort(out)
				return out
			}
			if diff := cmp.Diff(keys(srcDiags), keys(gotDiags)); diff != "" {
				t.Errorf("findings (-source +imported YAML):\n%s", diff)
			}
		})
	}
}

// TestWriteRepeatedHour: both readings of 02:30 on the night clocks go back
// survive the trip through YAML, written with their offsets; other times
// are written without one.
func TestWriteRepeatedHour(t *testing.T) {
	in := `conference: {name: C, timezone: Europe/Berlin}
tracks:
  - name: T
    sessions:
      - {id: first, title: F, start: "2024-10-27T02:30+02:00", end: "2024-10-27T02:50+02:00"}
      - {id: second, title: S, start: "2024-10-27T02:30+01:00", end: "2024-10-27T03:10"}
`
	src, ds := schedule.Load("in.yaml", []byte(in), schedule.LoadOptions{})
	if src == nil || len(ds) > 0 {
		t.Fatalf("source: %v", ds)
	}
	got, ds, out := reload(t, src)
	if len(ds) > 0 {
		t.Errorf("the written YAML has findings: %v\n%s", ds, out)
	}
	if diff := cmp.Diff(src, got, ignore); diff != "" {
		t.Errorf("reloaded schedule (-source +reloaded):\n%s", diff)
	}
	for _, want := range []string{
		"start: 2024-10-27T02:30+02:00\n", "end: 2024-10-27T02:50+02:00\n",
		"start: 2024-10-27T02:30+01:00\n", "end: 2024-10-27T03:10\n",
	} {
		if !bytes.Contains(out, []byte(want)) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

// TestWriteDuplicateIDs: two sessions with one id (a duplicate-id error)
// do not also get one derived guid, which would add a duplicate-guid
// finding the source does not have.
func TestWriteDuplicateIDs(t *testing.T) {
	in := `conference: {name: C, timezone: Europe/Berlin}
tracks:
  - name: T
    date: 2024-05-01
    sessions:
      - {id: x, title: A, room: R1, start: "10:00", end: "11:00"}
      - {id: x, title: B, room: R2, start: "12:00", end: "13:00"}
`
	src, ds := schedule.Load("in.yaml", []byte(in), schedule.LoadOptions{})
	if src == nil || len(ds) > 0 {
		t.Fatalf("source: %v", ds)
	}
	want := ruleIDs(schedule.Validate(src))
	got, ds, out := reload(t, src)
	if len(ds) > 0 {
		t.Errorf("the written YAML has load findings: %v", ds)
	}
	if diff := cmp.Diff(want, ruleIDs(schedule.Validate(got))); diff != "" {
		t.Errorf("findings (-source +written):\n%s\n%s", diff, out)
	}
}

func ruleIDs(ds []schedule.Diagnostic) []string {
	var out []string
	for _, d := range ds {
		out = append(out, d.Rule)
	}
	return out
}
