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
		{"all is reserved", []string{"All", "all"}, []string{"all-a52ace", "all-5ef5ef"}},
		{"windows device names are reserved", []string{"CON", "nul", "Aux.", "prn", "COM1", "lpt9", "com", "lpt10", "console"},
			[]string{"con-a3dbc4", "nul-99e624", "aux-226e53", "prn-5abeec", "com1-6eac39", "lpt9-06f4d3", "com", "lpt10", "console"}},
		// The smallest key gets the plain name, each other one a suffix
		// from its own key.
		{"collisions get suffixes", []string{"Bernd Rücker", "bernd rucker", "BERND-RUCKER"}, []string{"bernd-rucker-6a1615", "bernd-rucker-54df36", "bernd-rucker"}},
		{"a name that is its own slug wins", []string{"Web", "web", "WEB!"}, []string{"web-297510", "web", "web-7c880e"}},
		{"a suffix that is a name", []string{"x-2", "x", "X"}, []string{"x-2", "x", "x-4b68ab"}},
		{"a hash suffix that is a name", []string{"X", "x-4b68ab", "x"}, []string{"x-4b68ab-2", "x-4b68ab", "x"}},
		{"no path escapes", []string{"../../etc/passwd", "/", "..", "a/b\\c"}, []string{"etc-passwd", "group-8a5eda", "group", "a-b-c"}},
		{"empty and symbols", []string{"", "🎤"}, []string{"group", "group-37ed7c"}},
		{"long names are cut at a hyphen", []string{strings.Repeat("word ", 60), strings.Repeat("x", 300), strings.Repeat("word ", 59) + "word!"},
			[]string{strings.TrimSuffix(strings.Repeat("word-", 20), "-"), strings.Repeat("x", MaxFileName), strings.TrimSuffix(strings.Repeat("word-", 20), "-") + "-c944d1"}},
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
		{"track", []group{{"go", "Go", []string{"a", "c"}}, {"all-5ef5ef", "Everything", []string{"b"}}}},
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

// TestFileNamesStable: a group's file name does not change when other
// groups appear or the order changes (issue 14): each schedule below is
// the one before with a group more, in another order. (The plain name
// would go to a newcomer whose name is exactly the slug, or whose key
// sorts first: see FileNamesKeyed.)
func TestFileNamesStable(t *testing.T) {
	type named struct{ name, key string }
	steps := [][]named{
		{{"Saal 1", "saal 1"}, {"Hall", "hall"}},
		{{"Saal-1", "saal-1"}, {"Saal 1", "saal 1"}, {"Hall", "hall"}},
		{{"Hall", "hall"}, {"Saal 1!", "saal 1!"}, {"Saal-1", "saal-1"}, {"Saal 1", "saal 1"}, {"HALL!", "hall!"}},
	}
	want := map[string]string{
		"saal 1": "saal-1", "hall": "hall",
		"saal-1": "saal-1-21fd6b", "saal 1!": "saal-1-8d22c7", "hall!": "hall-02862f",
	}
	for i, step := range steps {
		var names, keys []string
		for _, n := range step {
			names, keys = append(names, n.name), append(keys, n.key)
		}
		files := FileNamesKeyed(names, keys)
		got, wantStep := map[string]string{}, map[string]string{}
		for j, k := range keys {
			got[k], wantStep[k] = files[j], want[k]
		}
		if diff := cmp.Diff(wantStep, got); diff != "" {
			t.Errorf("step %d: file names by key (-want +got):\n%s", i, diff)
		}
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
