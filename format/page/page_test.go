package page

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/schedkit/schedkit/internal/testutil"
	"github.com/schedkit/schedkit/schedule"
)

// sess is the part of a session the tests compare.
type sess struct {
	ID, Track, Title, Type, Room string
	Start, End                   string // "2006-01-02 15:04 MST"
	Speakers                     []schedule.Person
	Abstract                     string
}

const stamp = "2006-01-02 15:04 MST"

func project(s *schedule.Schedule) []sess {
	var out []sess
	for _, x := range s.Sessions {
		p := sess{ID: x.ID, Track: x.TrackName(), Title: x.Title, Type: x.Type, Room: x.Room, Speakers: x.Speakers, Abstract: x.Abstract}
		if x.Timed() {
			p.Start, p.End = x.Start.Format(stamp), x.End.Format(stamp)
		}
		out = append(out, p)
	}
	return out
}

// diagKeys returns "line:col rule" for each diagnostic, sorted.
func diagKeys(ds []schedule.Diagnostic) []string {
	ds = schedule.Severities{}.Apply(ds)
	out := []string{}
	for _, d := range ds {
		out = append(out, fmt.Sprintf("%d:%d %s", d.Pos.Line, d.Pos.Column, d.Rule))
	}
	return out
}

func readFile(t *testing.T, path string, opt schedule.LoadOptions) (*schedule.Schedule, []schedule.Diagnostic) {
	t.Helper()
	return testutil.ReadFile(t, path, Read, opt)
}

func TestRead_Pages(t *testing.T) {
	dir := filepath.Join(testutil.Root(), "testdata", "pages")
	tests := []struct {
		file      string
		opt       schedule.LoadOptions
		want      []sess
		wantDiags []string
	}{{
		// 24-hour times with three dash forms and "to", two tracks with
		// their own rooms and days matched against the list of days, a
		// page time zone, two speakers, a Speaker: header, no speaker.
		file: "two-tracks-24h.txt",
		want: []sess{
			{ID: "data-engineering-streaming-joins-without-tears", Track: "Data Engineering", Title: "Streaming Joins Without Tears", Type: "talk", Room: "Hall A",
				Start: "2026-06-15 09:00 CEST", End: "2026-06-15 09:45 CEST",
				Speakers: []schedule.Person{{Name: "Maria Gonzalez", Affiliation: "Staff Engineer @Streamly"}},
				Abstract: "Joins across unbounded streams, explained with diagrams."},
			{ID: "data-engineering-lakehouse-table-formats-compared", Track: "Data Engineering", Title: "Lakehouse Table Formats Compared", Type: "talk", Room: "Hall A",
				Start: "2026-06-15 10:00 CEST", End: "2026-06-15 10:45 CEST",
				Speakers: []schedule.Person{{Name: "Jan de Vries", Affiliation: "Data Architect @Noord"}, {Name: "Anna Kowalska", Affiliation: "Independent Consultant"}},
				Abstract: "A tour of three open table formats.\nUnrecognised trailer line: see slides."},
			{ID: "data-engineering-coffee-break", Track: "Data Engineering", Title: "Coffee Break", Type: "break", Room: "Hall A",
				Start: "2026-06-15 11:00 CEST", End: "2026-06-15 11:30 CEST"},
			{ID: "platform-keynote-boring-platforms-win", Track: "Platform", Title: "Keynote: Boring Platforms Win", Type: "keynote", Room: "Hall B",
				Start: "2026-06-16 10:00 CEST", End: "2026-06-16 10:40 CEST",
				Abstract: "Why the dull choice is usually right."},
			{ID: "platform-self-service-databases", Track: "Platform", Title: "Self-Service Databases", Type: "talk", Room: "Hall B",
				Start: "2026-06-16 10:50 CEST", End: "2026-06-16 11:30 CEST",
				Speakers: []schedule.Person{{Name: "Lee Min-jun", Affiliation: "Platform Lead @Kobo"}}},
		},
		wantDiags: []string{},
	}, {
		// No date on the page: --date gives it. A title on the range line,
		// "am"/"pm" with spaces, one marker for both times.
		file: "no-date.txt",
		opt:  schedule.LoadOptions{Timezone: "America/Chicago", Date: "2026-09-01"},
		want: []sess{
			{ID: "program-welcome-and-lightning-talks", Track: "Program", Title: "Welcome and Lightning Talks", Type: "talk",
				Start: "2026-09-01 09:30 CDT", End: "2026-09-01 10:15 CDT", Abstract: "Five minutes each, no slides required."},
			{ID: "program-workshop-your-first-compiler", Track: "Program", Title: "Workshop: Your First Compiler", Type: "workshop",
				Start: "2026-09-01 10:30 CDT", End: "2026-09-01 11:15 CDT",
				Speakers: []schedule.Person{{Name: "Priya Natarajan", Affiliation: "Lecturer, University of Leeds"}}, Abstract: "Bring a laptop."},
			{ID: "program-panel-open-source-funding", Track: "Program", Title: "Panel: Open Source Funding", Type: "panel",
				Start: "2026-09-01 11:30 CDT", End: "2026-09-01 12:15 CDT",
				Speakers: []schedule.Person{{Name: "Ravi Shah", Affiliation: "Treasurer @OSF"}}},
		},
		wantDiags: []string{},
	}, {
		// Dated day headings, a session past midnight, a speaker-looking
		// line inside the abstract, a bare name as the speaker, a range
		// without am/pm on an am/pm page.
		file: "day-headings.txt",
		opt:  schedule.LoadOptions{Timezone: "Europe/London"},
		want: []sess{
			{ID: "program-late-talk", Track: "Program", Title: "Late Talk", Type: "talk",
				Start: "2026-06-15 22:30 BST", End: "2026-06-15 23:15 BST",
				Speakers: []schedule.Person{{Name: "Sam Taylor"}},
				Abstract: "Talks at night are fun.\nEva Lindqvist, Astronomer @ESO\nThe talk ends with a live demo."},
			{ID: "program-past-midnight-session", Track: "Program", Title: "Past Midnight Session", Type: "talk",
				Start: "2026-06-15 23:30 BST", End: "2026-06-16 00:30 BST",
				Speakers: []schedule.Person{{Name: "Jo Bloggs", Affiliation: "Night Manager @Owl Inc"}}, Abstract: "Runs past midnight on purpose."},
			{ID: "program-breakfast-keynote", Track: "Program", Title: "Breakfast Keynote", Type: "keynote",
				Start: "2026-06-16 09:00 BST", End: "2026-06-16 09:45 BST",
				Speakers: []schedule.Person{{Name: "Kim Park", Affiliation: "CEO @Dawn"}}, Abstract: "Good morning."},
			{ID: "program-ambiguous-morning-talk", Track: "Program", Title: "Ambiguous Morning Talk", Type: "talk",
				Start: "2026-06-16 10:00 BST", End: "2026-06-16 10:45 BST", Abstract: "This range has no am or pm on a page that uses them."},
		},
		wantDiags: []string{"8:1 text-ambiguous", "10:1 text-ambiguous", "24:1 text-ambiguous"},
	}}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			s, ds := readFile(t, filepath.Join(dir, tt.file), tt.opt)
			if diff := cmp.Diff(tt.want, project(s)); diff != "" {
				t.Errorf("sessions (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.wantDiags, diagKeys(ds)); diff != "" {
				t.Errorf("diagnostics (-want +got):\n%s\n%v", diff, ds)
			}
		})
	}
}

func TestRead_TwoTracks(t *testing.T) {
	s, _ := readFile(t, filepath.Join(testutil.Root(), "testdata", "pages", "two-tracks-24h.txt"), schedule.LoadOptions{})
	type track struct{ ID, Name, Room, Date, Description string }
	var got []track
	for _, tr := range s.Tracks {
		got = append(got, track{tr.ID, tr.Name, tr.Room, tr.Date, tr.Description})
	}
	want := []track{
		{"data-engineering", "Data Engineering", "Hall A", "2026-06-15", "Pipelines, lakes and the people who run them."},
		{"platform", "Platform", "Hall B", "2026-06-16", ""},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("tracks (-want +got):\n%s", diff)
	}
	if s.Conference.Name != "Example Summit 2026" || s.Conference.TimeZone != "Europe/Berlin" {
		t.Errorf("conference = %q in %q, want Example Summit 2026 in Europe/Berlin", s.Conference.Name, s.Conference.TimeZone)
	}
}

// TestRead_Diagnostics feeds small pages and checks each finding's
// position, rule and the key words of its message.
func TestRead_Diagnostics(t *testing.T) {
	const ny = "America/New_York"
	tests := []struct {
		name string
		page string
		opt  schedule.LoadOptions
		want []string // "line:col rule: message words"
	}{{
		name: "no zone names --timezone",
		page: "Day: 2019-06-25\n10:00 - 11:00\nTalk\n",
		want: []string{"1:1 required: --timezone"},
	}, {
		name: "no date names --date",
		page: "10:00 - 11:00\nTalk\n",
		opt:  schedule.LoadOptions{Timezone: ny},
		want: []string{"1:1 required: --date"},
	}, {
		name: "weekday not in the list of days",
		page: "Day of week: Friday\n10:00 - 11:00\nTalk\n2019 Tracks\nMonday, 24 June\n",
		opt:  schedule.LoadOptions{Timezone: ny},
		want: []string{"1:14 required: --date"},
	}, {
		name: "weekday and --date disagree",
		page: "Day of week: Friday\n10:00 - 11:00\nTalk\n",
		opt:  schedule.LoadOptions{Timezone: ny, Date: "2019-06-25"},
		want: []string{"1:14 text-ambiguous: Tuesday"},
	}, {
		name: "weekday twice in the list",
		page: "Day: Monday\n10:00 - 11:00\nTalk\n2019 Days\nMonday, 24 June\nMonday, 1 July\n",
		opt:  schedule.LoadOptions{Timezone: ny},
		want: []string{"1:6 text-ambiguous: using 2019-06-24"},
	}, {
		name: "date contradicts its weekday",
		page: "Day: Wednesday, 25 June 2019\n10:00 - 11:00\nTalk\n",
		opt:  schedule.LoadOptions{Timezone: ny},
		want: []string{"1:6 text-ambiguous: is a Tuesday"},
	}, {
		name: "range without a title",
		page: "Date: 2019-06-25\n10:00 - 11:00\n",
		opt:  schedule.LoadOptions{Timezone: ny},
		want: []string{"2:1 required: no title"},
	}, {
		name: "page zone and --timezone disagree",
		page: "Time zone: Europe/Paris\nDate: 2019-06-25\n10:00 - 11:00\nTalk\n",
		opt:  schedule.LoadOptions{Timezone: ny},
		want: []string{"1:12 zone-mismatch: using Europe/Paris"},
	}, {
		name: "unknown zone",
		page: "Time zone: Mars/Olympus\nDate: 2019-06-25\n10:00 - 11:00\nTalk\n",
		want: []string{"1:12 bad-value: Mars/Olympus"},
	}, {
		name: "DST gap",
		page: "Date: 2026-03-08\n2:30am - 3:30am\nNight talk\n",
		opt:  schedule.LoadOptions{Timezone: ny},
		want: []string{"2:1 dst-gap: does not exist"},
	}, {
		name: "zone abbreviation that disagrees",
		page: "Date: 2019-06-25\n10:00 - 11:00 CET\nTalk\n11:00 - 12:00 ET\nTalk 2\n12:00 - 13:00 UTC-4\nTalk 3\n",
		opt:  schedule.LoadOptions{Timezone: ny},
		want: []string{"2:1 zone-mismatch: says CET, but 2019-06-25 10:00 in America/New_York is EDT"},
	}, {
		name: "same title twice gets distinct ids",
		page: "Date: 2019-06-25\n10:00 - 11:00\nTalk\n12:00 - 13:00\nTalk\n",
		opt:  schedule.LoadOptions{Timezone: ny},
		want: nil,
	}, {
		// "Talk 2" derives program-talk-2, which the second "Talk" has.
		name: "a derived id already taken by a repeated title",
		page: "Date: 2019-06-25\n10:00 - 11:00\nTalk\n12:00 - 13:00\nTalk\n14:00 - 15:00\nTalk 2\n",
		opt:  schedule.LoadOptions{Timezone: ny},
		want: nil,
	}, {
		// Track "A" with "B C" and track "A B" with "C" both derive a-b-c.
		name: "derived ids of two tracks collide",
		page: "Date: 2019-06-25\nTrack: A\n10:00 - 11:00\nB C\nTrack: A B\n10:00 - 11:00\nC\n",
		opt:  schedule.LoadOptions{Timezone: ny},
		want: nil,
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, ds := Read("p.txt", []byte(tt.page), tt.opt)
			if s != nil {
				ds = append(ds, schedule.Validate(s)...)
			}
			ds = schedule.Severities{}.Apply(ds)
			var got []string
			for i, d := range ds {
				key := fmt.Sprintf("%d:%d %s", d.Pos.Line, d.Pos.Column, d.Rule)
				if i < len(tt.want) {
					wantKey, words, _ := strings.Cut(tt.want[i], ": ")
					if key == wantKey && !strings.Contains(d.Message, words) {
						t.Errorf("message %q does not mention %q", d.Message, words)
					}
				}
				got = append(got, key)
			}
			var want []string
			for _, w := range tt.want {
				k, _, _ := strings.Cut(w, ": ")
				want = append(want, k)
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("diagnostics (-want +got):\n%s\n%v", diff, ds)
			}
		})
	}
}

func TestRead_NotAPage(t *testing.T) {
	tests := []struct {
		name, data, want string
	}{
		{"empty", "", "1:1 syntax"},
		{"prose only", "Hello.\nNothing here.\n", "1:1 syntax"},
		{"binary", "Track: x\n\x00\x01", "2:1 syntax"},
		{"invalid UTF-8", "Track: x\nbad \xff byte\n", "2:5 syntax"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, ds := Read("p.txt", []byte(tt.data), schedule.LoadOptions{Timezone: "UTC"})
			if s != nil {
				t.Errorf("got a schedule, want nil")
			}
			if diff := cmp.Diff([]string{tt.want}, diagKeys(ds)); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

func TestParseRange(t *testing.T) {
	tests := []struct {
		in         string
		start, end int // minutes after midnight with markers applied, -1: not a range
		rest       string
	}{
		{"10:35am - 11:25am", 635, 685, ""},
		{"1:40pm - 2:30pm", 820, 870, ""},
		{"11:50am - 12:40pm", 710, 760, ""},
		{"10:35–11:25", 635, 685, ""},
		{"10.35 to 11.25", 635, 685, ""},
		{"9:30 a.m. — 10:15 a.m.", 570, 615, ""},
		{"13:00-14:00 Lunch", 780, 840, "Lunch"},
		{"10:00 - 10:45 Amazing Talk", 600, 645, "Amazing Talk"},
		{"10am - 11am", 600, 660, ""},
		{"10:35am - 11:25am EDT", 635, 685, ""},
		{"10:35 - 11:25 (CEST) Opening", 635, 685, "Opening"},
		{"10:35 - 11:25 UTC+2: Opening", 635, 685, "Opening"},
		{"10:35 - 11:25 AI Safety", 635, 685, "AI Safety"},
		{"10 - 11", -1, -1, ""},
		{"25:00 - 26:00", -1, -1, ""},
		{"In 2019 - 2020 we grew", -1, -1, ""},
	}
	for _, tt := range tests {
		rg, ok := parseRange(tt.in)
		if !ok {
			if tt.start != -1 {
				t.Errorf("parseRange(%q) failed", tt.in)
			}
			continue
		}
		if tt.start == -1 {
			t.Errorf("parseRange(%q) = %+v, want no range", tt.in, rg)
			continue
		}
		r := &reader{}
		st, en := r.clocks(&sessState{rng: rg}, -1)
		if st != tt.start || en != tt.end || rg.rest != tt.rest {
			t.Errorf("parseRange(%q) = %d, %d, %q; want %d, %d, %q", tt.in, st, en, rg.rest, tt.start, tt.end, tt.rest)
		}
	}
}

func TestSpeakerLine(t *testing.T) {
	tests := []struct {
		in   string
		want *schedule.Person
		bare bool
	}{
		{"Bernd Rücker, Co-Founder and Chief Technologist @Camunda", &schedule.Person{Name: "Bernd Rücker", Affiliation: "Co-Founder and Chief Technologist @Camunda"}, false},
		{"John Chapin, Cloud Technology Consultant with an expertise in Serverless Computing", &schedule.Person{Name: "John Chapin", Affiliation: "Cloud Technology Consultant with an expertise in Serverless Computing"}, false},
		{"Phil Calçado, Director, Platform Engineering @Meetup", &schedule.Person{Name: "Phil Calçado", Affiliation: "Director, Platform Engineering @Meetup"}, false},
		{"Jan de Vries, Data Architect", &schedule.Person{Name: "Jan de Vries", Affiliation: "Data Architect"}, false},
		{"Sam Taylor", &schedule.Person{Name: "Sam Taylor"}, true},
		{"Presentation details to follow.", nil, false},
		{"However, even before most organizations were able to migrate.", nil, false},
		{"Domain Driven Design and Messaging go hand in hand, like a brownie!", nil, false},
		{"In this talk, let's discuss the fundamental concepts", nil, false},
		// A bare line of capitalised words could be a name: read as one,
		// with a text-ambiguous warning (see day-headings.txt).
		{"Microservices Open Space", &schedule.Person{Name: "Microservices Open Space"}, true},
	}
	for _, tt := range tests {
		p, bare, ok := speakerLine(tt.in)
		switch {
		case tt.want == nil && ok:
			t.Errorf("speakerLine(%q) = %+v, want no speaker", tt.in, p)
		case tt.want != nil && !ok:
			t.Errorf("speakerLine(%q) found no speaker", tt.in)
		case tt.want != nil:
			if diff := cmp.Diff(*tt.want, p); diff != "" || bare != tt.bare {
				t.Errorf("speakerLine(%q) bare=%v (-want +got):\n%s", tt.in, bare, diff)
			}
		}
	}
}

// TestRealDataSeed is the acceptance test of issue 6 on the page the
// project started from.
func TestRealDataSeed(t *testing.T) {
	path := testutil.Shared(t, "seeds/000_d73fbc81075b8f7a.txt")
	s, ds := readFile(t, path, schedule.LoadOptions{Timezone: "America/New_York"})
	if ds := (schedule.Severities{}).Apply(ds); len(ds) != 0 {
		t.Errorf("want no diagnostics, got %v", ds)
	}
	room := "Broadway Ballroom North, 6th fl."
	track := "Microservices / Serverless (Patterns & Practices)"
	at := func(clock string) string { return "2019-06-25 " + clock + " EDT" }
	one := func(name, aff string) []schedule.Person { return []schedule.Person{{Name: name, Affiliation: aff}} }
	want := []struct {
		start, end, title string
		speakers          []schedule.Person
	}{
		{"10:35", "11:25", "Opportunities and Pitfalls of Event-Driven Utopia", one("Bernd Rücker", "Co-Founder and Chief Technologist @Camunda")},
		{"11:50", "12:40", "Conquering Microservices Complexity @Uber With Distributed Tracing", one("Yuri Shkuro", "Creator of Jaeger & Software Engineer @Uber")},
		{"13:40", "14:30", "Building Resilient Serverless Systems", one("John Chapin", "Cloud Technology Consultant with an expertise in Serverless Computing")},
		{"14:55", "15:45", "PracticalDDD: Bounded Contexts + Events => Microservices", one("Indu Alagarsamy", "Solution Architect @Particular Software")},
		{"16:10", "17:00", "The Not-So-Straightforward Road From Microservices to Serverless", one("Phil Calçado", "Director, Platform Engineering @Meetup")},
		{"17:25", "18:15", "Microservices Open Space", nil},
	}
	var wantS []sess
	for _, w := range want {
		wantS = append(wantS, sess{Title: w.title, Track: track, Room: room, Start: at(w.start), End: at(w.end), Speakers: w.speakers})
	}
	got := project(s)
	for i := range got {
		got[i].ID, got[i].Type, got[i].Abstract = "", "", ""
	}
	if diff := cmp.Diff(wantS, got); diff != "" {
		t.Errorf("sessions (-want +got):\n%s", diff)
	}
	if len(s.Tracks) != 1 || s.Tracks[0].Host != "Susanne Kaiser" || s.Tracks[0].Date != "2019-06-25" {
		t.Errorf("track = %+v, want one track hosted by Susanne Kaiser on 2019-06-25", s.Tracks[0])
	}
	if open := s.Sessions[5]; open.Type != "open-space" || open.Abstract != "Presentation details to follow." {
		t.Errorf("open space: type %q, abstract %q", open.Type, open.Abstract)
	}
	// Every line of the page is somewhere in the model: the track's
	// description, a session's title, abstract or speakers, or a header.
	data, _ := os.ReadFile(path)
	var all strings.Builder
	all.WriteString(s.Tracks[0].Description)
	for _, x := range s.Sessions {
		all.WriteString(x.Title + x.Abstract)
	}
	kept := all.String()
	for n, l := range strings.Split(string(data), "\n") {
		l = strings.TrimSpace(l)
		if l == "" || headerRE.MatchString(l) || strings.Contains(l, " - ") && strings.Contains(l, "m") && len(l) < 20 {
			continue
		}
		if _, _, ok := speakerLine(l); ok {
			continue
		}
		if _, ok := parseDayText(l); ok || l == "2019 Tracks" {
			continue
		}
		if !strings.Contains(kept, l) {
			t.Errorf("line %d dropped: %q", n+1, l)
		}
	}
	// The same page saved with CRLF line endings and a BOM reads the same.
	crlf := append([]byte("\ufeff"), bytes.ReplaceAll(data, []byte("\n"), []byte("\r\n"))...)
	s3, ds3 := Read(filepath.Base(path), crlf, schedule.LoadOptions{Timezone: "America/New_York"})
	if diff := cmp.Diff(project(s), project(s3)); diff != "" || len(ds3) != 0 {
		t.Errorf("CRLF and BOM: %v (-LF +CRLF):\n%s", ds3, diff)
	}
	// Stable ids: reading twice gives the same ids.
	s2, _ := Read("again", data, schedule.LoadOptions{Timezone: "America/New_York"})
	for i := range s.Sessions {
		if s.Sessions[i].ID != s2.Sessions[i].ID || s.Sessions[i].ImplicitID {
			t.Errorf("session %d: id %q then %q (implicit %v)", i, s.Sessions[i].ID, s2.Sessions[i].ID, s.Sessions[i].ImplicitID)
		}
	}
}

func TestRealDataSeedNeedsZone(t *testing.T) {
	path := testutil.Shared(t, "seeds/000_d73fbc81075b8f7a.txt")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	// No schedule in a made-up UTC: nothing at all (issue 10, point 1).
	s, ds := Read(filepath.Base(path), data, schedule.LoadOptions{})
	if s != nil {
		t.Errorf("Read returned a schedule in zone %q; want none", s.Location)
	}
	if len(ds) != 1 || ds[0].Rule != "required" || !strings.Contains(ds[0].Message, "--timezone") {
		t.Errorf("want one required diagnostic naming --timezone, got %v", ds)
	}
}

func FuzzRead(f *testing.F) {
	for _, name := range []string{"two-tracks-24h.txt", "no-date.txt", "day-headings.txt"} {
		data, err := os.ReadFile(filepath.Join(testutil.Root(), "testdata", "pages", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data, "2019-06-25")
	}
	f.Add([]byte("Day of week: Tuesday\n10:35am - 11:25am\nT\nA B, C\n2019 Tracks\nTuesday, 25 June\n"), "")
	f.Add([]byte("11:30 - 12:15pm\n\n1:00 - 2:00\nX\n"), "2026-03-08")
	f.Fuzz(func(t *testing.T, data []byte, date string) {
		if _, err := schedule.ParseDate(date); err != nil {
			date = ""
		}
		s, ds := Read("f.txt", data, schedule.LoadOptions{Timezone: "America/New_York", Date: date})
		if _, ds2 := Read("f.txt", data, schedule.LoadOptions{Timezone: "America/New_York", Date: date}); fmt.Sprint(ds) != fmt.Sprint(ds2) {
			t.Errorf("nondeterministic diagnostics:\n%v\n%v", ds, ds2)
		}
		lines := strings.Count(string(data), "\n") + 1
		for _, d := range ds {
			if _, ok := schedule.LookupRule(d.Rule); !ok {
				t.Errorf("diagnostic with unknown rule %q", d.Rule)
			}
			if d.Pos.Line < 0 || d.Pos.Line > lines {
				t.Errorf("diagnostic at line %d of %d: %v", d.Pos.Line, lines, d)
			}
		}
		if s == nil {
			return
		}
		ids := map[string]bool{}
		for _, x := range s.Sessions {
			if x.ID == "" || ids[x.ID] || strings.ContainsAny(x.ID, " /\\") {
				t.Errorf("bad or duplicate id %q", x.ID)
			}
			ids[x.ID] = true
			// A range like "1:00-1:00" is what the page says: kept as a
			// zero-length session, which Validate reports (below).
			if x.Timed() && (x.End.Before(x.Start) || x.End.Sub(x.Start) > 24*time.Hour) {
				t.Errorf("session %q runs %v to %v", x.ID, x.Start, x.End)
			}
		}
		vds := schedule.Validate(s)
		for _, x := range s.Sessions {
			if x.Timed() && x.End.Equal(x.Start) && !slices.ContainsFunc(vds, func(d schedule.Diagnostic) bool {
				return d.Rule == "end-before-start" && d.Pos.Line > 0
			}) {
				t.Errorf("zero-length session %q not reported as end-before-start", x.ID)
			}
		}
	})
}

// BenchmarkRead reads a synthetic page of 500 tracks with 6 sessions each,
// shaped like the seed page.
func BenchmarkRead(b *testing.B) {
	var sb strings.Builder
	for i := range 500 {
		fmt.Fprintf(&sb, "Track: Track %d\n\nLocation: Room %d\n\nDay of week: Tuesday\n\nAbout the track.\n\n", i, i%20)
		for k := range 6 {
			fmt.Fprintf(&sb, "%d:00 - %d:50\n\nTalk %d of track %d\n\nAn abstract of a few words, with a sentence.\n\nJane Doe%d, Engineer @Acme\n\n", 9+k, 9+k, k, i, i)
		}
	}
	sb.WriteString("2019 Tracks\n\nMonday, 24 June\n\nTuesday, 25 June\n")
	data := []byte(sb.String())
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		s, _ := Read("bench.txt", data, schedule.LoadOptions{Timezone: "America/New_York"})
		if len(s.Sessions) != 3000 {
			b.Fatalf("%d sessions", len(s.Sessions))
		}
	}
}

// TestRead_ConferenceName: without a Conference line, a page of one track
// is named after the track, whatever the file is called; a page of several
// tracks after the file.
func TestRead_ConferenceName(t *testing.T) {
	one := "Track: Data\nLocation: Hall A\n\nMonday, 15 June 2026\n\n10:00 - 11:00\n\nA Talk\n\nAda Lovelace, Analyst @Engines\n"
	two := one + "\nTrack: Platform\nLocation: Hall B\n\nMonday, 15 June 2026\n\n12:00 - 13:00\n\nOther Talk\n"
	tests := []struct{ file, page, name, id string }{
		{"download-1234.txt", one, "Data", "data"},
		{"program.txt", one, "Data", "data"},
		{"summit-2026.txt", two, "summit-2026", "summit-2026"},
		{"x.txt", "Conference: Example Summit\n" + two, "Example Summit", "example-summit"},
	}
	for _, tt := range tests {
		s, ds := Read(tt.file, []byte(tt.page), schedule.LoadOptions{Timezone: "Europe/Berlin"})
		if s == nil {
			t.Fatalf("%s: no schedule: %v", tt.file, ds)
		}
		if got := [2]string{s.Conference.Name, s.Conference.ID}; got != [2]string{tt.name, tt.id} {
			t.Errorf("%s: conference %q, want %q", tt.file, got, [2]string{tt.name, tt.id})
		}
	}
}
