package format

import (
	"bytes"
	"github.com/schedkit/schedkit/format/ics"
	"os"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/schedkit/schedkit/schedule"
)

func TestFileNames(t *testing.T) {
	tests := []struct {
		name  string
		names []string
		want  []string
	}{
		{"slugs", []string{"Microservices / Serverless", "Room 1.A"}, []string{"microservices-serverless", "room-1-a"}},
		{"all is reserved", []string{"All", "all"}, []string{"all-2", "all-3"}},
		{"collisions get suffixes", []string{"Bernd Rücker", "bernd rucker", "BERND-RUCKER"}, []string{"bernd-rucker", "bernd-rucker-2", "bernd-rucker-3"}},
		{"a suffix that is a name", []string{"x-2", "x", "x"}, []string{"x-2", "x", "x-3"}},
		{"no path escapes", []string{"../../etc/passwd", "/", "..", "a/b\\c"}, []string{"etc-passwd", "group", "group-2", "a-b-c"}},
		{"empty and symbols", []string{"", "🎤"}, []string{"group", "group-2"}},
		{"long names are cut at a hyphen", []string{strings.Repeat("word ", 60), strings.Repeat("x", 300), strings.Repeat("word ", 60)},
			[]string{strings.TrimSuffix(strings.Repeat("word-", 20), "-"), strings.Repeat("x", MaxFileName), strings.TrimSuffix(strings.Repeat("word-", 20), "-") + "-2"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, FileNames(tt.names)); diff != "" {
				t.Errorf("FileNames(%q) mismatch (-want +got):\n%s", tt.names, diff)
			}
		})
	}
}

func TestSplit(t *testing.T) {
	at := func(h int) time.Time { return time.Date(2024, 5, 1, h, 0, 0, 0, time.UTC) }
	t1 := &schedule.Track{ID: "go", Name: "Go"}
	t2 := &schedule.Track{ID: "all", Name: "Everything"}
	a := &schedule.Session{ID: "a", Track: t1, Room: "Hall A", Start: at(9), End: at(10),
		Speakers: []schedule.Person{{Name: "Ann"}, {Name: "Bob", ID: "p2"}}}
	b := &schedule.Session{ID: "b", Track: t2, Room: "hall  a", Start: at(10), End: at(11),
		Speakers: []schedule.Person{{Name: "ann"}, {Name: "Robert", ID: "p2"}}}
	c := &schedule.Session{ID: "c", Track: t1, Start: at(11), End: at(12)}
	sessions := []*schedule.Session{a, b, c}

	type group struct {
		File, Name string
		IDs        []string
	}
	summarize := func(gs []Group) []group {
		var out []group
		for _, g := range gs {
			var ids []string
			for _, s := range g.Sessions {
				ids = append(ids, s.ID)
			}
			out = append(out, group{g.File, g.Name, ids})
		}
		return out
	}
	tests := []struct {
		by   string
		want []group
	}{
		{"track", []group{{"go", "Go", []string{"a", "c"}}, {"all-2", "Everything", []string{"b"}}}},
		{"room", []group{{"hall-a", "Hall A", []string{"a", "b"}}}},
		{"speaker", []group{{"ann", "Ann", []string{"a", "b"}}, {"bob", "Bob", []string{"a", "b"}}}},
	}
	for _, tt := range tests {
		t.Run(tt.by, func(t *testing.T) {
			gs, err := Split(sessions, tt.by)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, summarize(gs)); diff != "" {
				t.Errorf("Split by %s mismatch (-want +got):\n%s", tt.by, diff)
			}
		})
	}
	if _, err := Split(sessions, "day"); err == nil {
		t.Error("Split by day: no error")
	}
}

// TestSplitFeedsShareUIDs checks that an event is the same in the track
// feeds and in the whole feed.
func TestSplitFeedsShareUIDs(t *testing.T) {
	s := loadValid(t, "../testdata/ics/multiday-newyear.yaml")
	events := func(b []byte) map[string]string {
		out := map[string]string{}
		for _, ev := range regexp.MustCompile(`(?s)BEGIN:VEVENT\r\n(.*?)END:VEVENT`).FindAllSubmatch(b, -1) {
			uid := regexp.MustCompile(`UID:(\S+)`).FindSubmatch(ev[1])[1]
			out[string(uid)] = string(ev[1])
		}
		return out
	}
	all := events(encodeICS(t, s, s.Sessions, ""))
	for _, by := range SplitKinds {
		groups, err := Split(s.Sessions, by)
		if err != nil {
			t.Fatal(err)
		}
		for _, g := range groups {
			for uid, ev := range events(encodeICS(t, s, g.Sessions, g.Name)) {
				if diff := cmp.Diff(all[uid], ev); diff != "" {
					t.Errorf("%s %s: event %s differs from all (-all +group):\n%s", by, g.Name, uid, diff)
				}
			}
		}
	}
}

// loadValid loads and normalises a schedkit file that must validate
// without errors.
func loadValid(t testing.TB, file string) *schedule.Schedule {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	s, diags := schedule.Load(file, data, schedule.LoadOptions{})
	if s == nil {
		t.Fatalf("%s: %v", file, diags)
	}
	diags = append(diags, schedule.Normalize(s)...)
	diags = append(diags, schedule.Validate(s)...)
	diags = schedule.Severities{Schedule: s.Policy.Severity}.Apply(diags)
	if schedule.HasErrors(diags) {
		t.Fatalf("%s: %v", file, diags)
	}
	return s
}

// encodeICS writes the iCalendar feed of sessions, named name.
func encodeICS(t testing.TB, s *schedule.Schedule, ss []*schedule.Session, name string) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := ics.Encode(&buf, s, ss, ics.Options{Name: name, Version: "test", Stamp: ics.DefaultStamp(s)}); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}
