package ics

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/schedkit/schedkit/schedule"
)

// TestDescription pins the speakers' paragraph that format/ics reads
// back: "Speaker:" is one person, "Speakers:" one person a line, so that a
// comma in a name splits nothing.
func TestDescription(t *testing.T) {
	type P = schedule.Person
	tests := []struct {
		name string
		x    schedule.Session
		want string
	}{
		{"one speaker with commas", schedule.Session{Speakers: []P{{Name: "O'Brien, Siobhán", Affiliation: "Dept. of A; B, C"}}},
			"Speaker: O'Brien, Siobhán (Dept. of A; B, C)"},
		{"several", schedule.Session{Speakers: []P{{Name: "Lovelace, Ada", Affiliation: "Analytical, Ltd"}, {Name: "Babbage"}}},
			"Speakers:\nLovelace, Ada (Analytical, Ltd)\nBabbage"},
		{"line breaks in a name", schedule.Session{Speakers: []P{{Name: "Ada\nLovelace", Affiliation: "A\r\nB"}, {Name: " \n "}, {Name: "C"}}},
			"Speakers:\nAda Lovelace (A B)\nC"},
		{"all parts", schedule.Session{Subtitle: "Sub", Speakers: []P{{Name: "A"}}, Abstract: "Text", URL: "https://x.org/a"},
			"Sub\n\nSpeaker: A\n\nText\n\nhttps://x.org/a"},
		{"url as the URL property has it", schedule.Session{Abstract: "Text", URL: " https://x.org/a b "}, "Text\n\nhttps://x.org/a%20b"},
		{"not a url", schedule.Session{URL: "see the board"}, "see the board"},
		{"abstract imitating the speakers is marked", schedule.Session{Abstract: "Speakers:\nFake One\nFake Two\n\nSpeakerphone"},
			"\u2060Speakers:\nFake One\nFake Two\n\n\u2060Speakerphone"},
		{"name ending in brackets is marked", schedule.Session{Speakers: []P{{Name: "James (purpleidea)"}}}, "Speaker: James (purpleidea)\u2060"},
		{"name and affiliation are not", schedule.Session{Speakers: []P{{Name: "James (purpleidea)", Affiliation: "Red Hat"}}}, "Speaker: James (purpleidea) (Red Hat)"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if diff := cmp.Diff(tc.want, Description(&tc.x)); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

func TestSpeakerList(t *testing.T) {
	type P = schedule.Person
	tests := []struct {
		para string
		want []P // nil: not a speakers' paragraph
	}{
		// One speaker: never split, however many commas.
		{"Speaker: O'Brien, Siobhán (Dept. of A; B, C \\ D)", []P{{Name: "O'Brien, Siobhán", Affiliation: "Dept. of A; B, C \\ D"}}},
		{"Speaker: Ada Lovelace", []P{{Name: "Ada Lovelace"}}},
		// The affiliation is the group that ends the line.
		{"Speaker: de la Cruz, Juana (Sor) (Convento, México)", []P{{Name: "de la Cruz, Juana (Sor)", Affiliation: "Convento, México"}}},
		{"Speaker: Ann (Dept (B))", []P{{Name: "Ann", Affiliation: "Dept (B)"}}},
		{"Speaker: (Anonymous)", []P{{Name: "(Anonymous)"}}},
		// Several, one a line, as export ics writes them.
		{"Speakers:\nLovelace, Ada (Analytical, Ltd)\nBabbage, Charles", []P{{Name: "Lovelace, Ada", Affiliation: "Analytical, Ltd"}, {Name: "Babbage, Charles"}}},
		// Several on one line, as people write them: split at commas
		// outside parentheses.
		{"Speakers: Ngaio Marsh, Henry Lawson (Bulletin, Sydney)", []P{{Name: "Ngaio Marsh"}, {Name: "Henry Lawson", Affiliation: "Bulletin, Sydney"}}},
		// Not speakers.
		{"Speaker:", nil},
		{"Speaker: Ann\nand more", nil},
		{"Speakers: Ann, , Bob", nil},
		{"Speakers: Ann (X, Bob", nil},
		{"Speakers:\nAnn\n \nBob", nil},
		{"Speakers are welcome", nil},
		{"\u2060Speakers:\nFake", nil},
		{"\u2060Speaker: Mallory (Evil Corp)", nil},
		// The marker after a name: all of it is the name.
		{"Speaker: James (purpleidea)\u2060", []P{{Name: "James (purpleidea)"}}},
	}
	for _, tt := range tests {
		got, ok := speakerList(tt.para)
		if ok != (tt.want != nil) {
			t.Errorf("speakerList(%q) ok = %v", tt.para, ok)
		}
		if diff := cmp.Diff(tt.want, got); ok && diff != "" {
			t.Errorf("speakerList(%q) (-want +got):\n%s", tt.para, diff)
		}
	}
}

// feedRoundTrip writes x as the one event of a feed of a UTC schedule with
// Encode and reads the feed back with Read: the whole path of a session
// through `export ics` and `import`, TEXT escaping included.
func feedRoundTrip(t *testing.T, x *schedule.Session) *schedule.Session {
	t.Helper()
	s := &schedule.Schedule{Conference: schedule.Conference{Name: "RT", ID: "rt", TimeZone: "UTC"}, Location: time.UTC}
	tr := &schedule.Track{ID: "t", Name: "T"}
	s.AddTrack(tr)
	x.ID, x.Type, x.Status = "x", "talk", "confirmed"
	x.Start = time.Date(2025, 1, 1, 10, 0, 0, 0, time.UTC)
	x.End = x.Start.Add(time.Hour)
	s.AddSession(tr, x)
	back, ds := Read("rt.ics", encode(t, s, s.Sessions, Options{}), schedule.LoadOptions{Timezone: "UTC"})
	if back == nil || len(back.Sessions) != 1 {
		t.Fatalf("the feed does not read back as one session: %v", ds)
	}
	return back.Sessions[0]
}

// TestSpeakersRoundTrip: the speakers' paragraph Description writes is
// read back by Read as the same people, through TEXT escaping and the
// word joiner; the subtitle and abstract around it keep their places.
func TestSpeakersRoundTrip(t *testing.T) {
	type P = schedule.Person
	tests := []struct {
		name          string
		speakers      []P
		sub, abstract string
		url           string
		want          []P    // nil: speakers
		wantAbstract  string // "": abstract
		wantSub       string // "": sub
	}{
		{name: "no speakers", abstract: "Body", want: []P{}},
		{name: "no speakers, subtitle stays in the abstract", sub: "Sub", abstract: "Body", want: []P{}, wantAbstract: "Sub\n\nBody"},
		{name: "one, commas in name and affiliation", speakers: []P{{Name: "O'Brien, Siobhán", Affiliation: "Dept. of A; B, C"}}},
		{name: "several, commas", speakers: []P{{Name: "Lovelace, Ada", Affiliation: "Analytical, Ltd"}, {Name: "Babbage, Charles"}}},
		{name: "brackets in the name", speakers: []P{{Name: "Jane (JJ) Doe", Affiliation: "ACME"}, {Name: "de la Cruz, Juana (Sor)", Affiliation: "Convento, México"}}},
		{name: "brackets in the affiliation", speakers: []P{{Name: "Ann", Affiliation: "Dept (B)"}}},
		{name: "non-ASCII", speakers: []P{{Name: "José Müller-Łukasiewicz", Affiliation: "Universität Zürich"}, {Name: "山田 太郎", Affiliation: "東京大学"}, {Name: "🎤 Ngaio"}}},
		{name: "backslash before n", speakers: []P{{Name: `Dr.\nobody \N`, Affiliation: `C:\new`}}},
		{name: "semicolons, quotes, colons", speakers: []P{{Name: `Smith; "Bob"`, Affiliation: "Speakers: Inc."}}},
		{name: "line breaks become spaces", speakers: []P{{Name: "Ada\nLovelace", Affiliation: "A\r\nB"}}, want: []P{{Name: "Ada Lovelace", Affiliation: "A B"}}},
		{name: "a nameless speaker is left out", speakers: []P{{Name: " "}, {Name: "Bob"}}, want: []P{{Name: "Bob"}}},
		// A name that ends in a parenthesized group, without an
		// affiliation, is marked after it and reads back as that name.
		{name: "name ending in brackets", speakers: []P{{Name: "Prince (the artist)"}}},
		{name: "handle in brackets", speakers: []P{{Name: "James (purpleidea)"}}},
		{name: "pronouns in brackets, several", speakers: []P{{Name: "Mitch (he/him)"}, {Name: "Ann", Affiliation: "X"}}},
		{name: "brackets in name and affiliation", speakers: []P{{Name: "Mitch (he/him)", Affiliation: "ACME (NYC)"}}},
		{name: "name ending in the marker", speakers: []P{{Name: "Odd\u2060"}, {Name: "Odd (x)\u2060"}}},
		// Text of the session cannot imitate the speakers' paragraph:
		// nothing is invented on the way back (hostile-text issue 13.2).
		{name: "abstract imitating several speakers", abstract: "Speakers:\nFake One\nFake Two", want: []P{}},
		{name: "abstract imitating one speaker", abstract: "Speaker: Mallory (Evil Corp)", want: []P{}},
		{name: "abstract imitating, after real speakers", speakers: []P{{Name: "Ann"}}, abstract: "Speaker: Mallory (Evil Corp)\n\nSpeakers:\nFake"},
		{name: "subtitle imitating", sub: "Speaker: Mallory", speakers: []P{{Name: "Ann"}}, abstract: "Body"},
		{name: "subtitle paragraph imitating", sub: "Sub\n\nSpeakers:\nFake", speakers: []P{{Name: "Ann"}}, abstract: "Body", wantSub: "Sub\nSpeakers:\nFake"},
		{name: "subtitle imitating, no speakers", sub: "Speakers:\nFake", abstract: "Body", want: []P{}, wantAbstract: "Speakers:\nFake\n\nBody"},
		{name: "abstract starting with the marker", speakers: []P{{Name: "Ann"}}, abstract: "\u2060Speaker: X\n\n\u2060\u2060y"},
		{name: "all paragraphs", sub: "Sub", speakers: []P{{Name: "A"}, {Name: "B"}}, abstract: "Body\n\nMore", url: "https://example.org/a"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			type view struct {
				Subtitle, Abstract, URL string
				Speakers                []P
			}
			x := &schedule.Session{Title: "T", Subtitle: tc.sub, Speakers: tc.speakers, Abstract: tc.abstract, URL: tc.url}
			want := view{tc.sub, tc.abstract, tc.url, tc.speakers}
			if tc.wantAbstract != "" {
				want.Abstract = tc.wantAbstract
			}
			if tc.wantSub != "" {
				want.Subtitle = tc.wantSub
			}
			if tc.want != nil {
				want.Speakers = tc.want
			}
			if len(want.Speakers) == 0 {
				want.Speakers, want.Subtitle = nil, "" // without speakers the reader cannot tell the subtitle
			}
			desc := Description(x)
			back := feedRoundTrip(t, x)
			got := view{Subtitle: back.Subtitle, Abstract: back.Abstract, URL: back.URL}
			for _, p := range back.Speakers {
				got.Speakers = append(got.Speakers, P{Name: p.Name, Affiliation: p.Affiliation})
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("DESCRIPTION %q read back (-want +got):\n%s", desc, diff)
			}
		})
	}
}

// TestTextRoundTrip: a title cleaned by Text, escaped by golang-ical and
// unescaped by the reader is the title again; in particular a backslash
// before n or N, which Text separates with the word joiner and the reader
// joins again.
func TestTextRoundTrip(t *testing.T) {
	for _, title := range []string{
		`C:\new\Name`,
		`\N and \n`,
		`\\n double`,
		`ends in a backslash \`,
		"commas, semicolons; colons: \"quotes\"",
		"two\nlines",
		"Ümläüte 🎉",
		"kept \u2060n without a backslash",
	} {
		if got := feedRoundTrip(t, &schedule.Session{Title: title}).Title; got != title {
			t.Errorf("title %q reads back as %q", title, got)
		}
	}
}
