package export

import (
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
