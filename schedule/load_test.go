package schedule

import (
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// conf is the conference every table input starts with, unless it tests the
// conference itself. Europe/Berlin springs forward on 2024-03-31 at 02:00
// and falls back on 2024-10-27 at 03:00.
const conf = "conference: {name: Test Con, timezone: Europe/Berlin}\n"

type loadTest struct {
	name string
	in   string   // with ∑ and § markers
	want []string // rule ids of the ∑ markers, in position order
	// msgs are substrings the messages must contain, by diagnostic index.
	msgs map[int][]string
	opt  LoadOptions
	// nilSchedule: Load must return no schedule (the input is not YAML).
	nilSchedule bool
}

var loadTests = []loadTest{
	{
		name: "OK",
		in: conf + `tracks:
  - name: Main
    id: main
    date: 2024-05-01
    room: Hall A
    sessions:
      - §id: a
        title: First
        start: "10:00"
        end: "10:50"
      - §{id: b, title: Second, start: 11am, duration: 50m}
      - §{id: c, title: Third, start: "2024-05-02T09:00", end: "2024-05-02T10:00"}
      - §{id: d, title: Late, start: "23:30", end: "00:30"}
`,
	},

	// -- syntax --
	{name: "Empty", in: "∑", want: []string{"syntax"}, nilSchedule: true},
	{name: "OnlyComments", in: "∑# a schedule, one day\n\n  # more\n", want: []string{"syntax"}, nilSchedule: true, msgs: map[int][]string{0: {"no content"}}},
	{name: "OnlyDocumentMarker", in: "∑--- # nothing yet\n", want: []string{"syntax"}, nilSchedule: true, msgs: map[int][]string{0: {"no content"}}},
	{name: "OnlySpace", in: "∑\n \n\t\n", want: []string{"syntax"}, nilSchedule: true},
	{name: "NotYAML", in: "conference: [\n∑", want: []string{"syntax"}, nilSchedule: true},
	{name: "TabIndent", in: "conference:\n∑\tname: x\n", want: []string{"syntax"}, nilSchedule: true},
	{
		name: "InvalidUTF8", in: conf + "tracks:\n  - name: \"Caf∑\xe9\"\n",
		want: []string{"syntax"}, msgs: map[int][]string{0: {"UTF-8", "0xe9"}}, nilSchedule: true,
	},
	{
		name: "InvalidUTF8AfterNonASCII", in: "# Ä Ö Ü\nx: ÄÖ∑\xc3\x28\n",
		want: []string{"syntax"}, nilSchedule: true,
	},
	{name: "Binary", in: "\x7fELF∑\x00\x00\x01", want: []string{"syntax"}, msgs: map[int][]string{0: {"binary"}}, nilSchedule: true},
	{
		name: "DuplicateKey", in: conf + "tracks: []\n∑tracks: []\n",
		want: []string{"syntax"}, msgs: map[int][]string{0: {`"tracks"`, "line 2"}},
	},

	// -- wrong shapes --
	{name: "TopLevelList", in: "∑- a\n- b\n", want: []string{"bad-value"}},
	{name: "TopLevelScalar", in: "∑hello\n", want: []string{"bad-value"}},
	{name: "ConferenceList", in: "conference: ∑[a]\ntracks: []\n", want: []string{"bad-value"}},
	{
		name: "WrongTypes",
		in: conf + `tracks:
  - name: T
    date: 2024-05-01
    sessions:
      - §{id: a, title: ∑[x, y], start: "10:00", end: "11:00", speakers: ∑Jane, tags: ∑{a: b}}
      - ∑just a string
      - §{id: b, title: B, start: "10:00", end: "11:00", speakers: [∑[x]], tags: [∑[y]]}
      - §{id: c, title: C, start: "10:00", end: "11:00", speakers: [∑"", ∑"  ", {name: ∑""}, ∑{affiliation: X}]}
`,
		// A title of the wrong type is one finding, not also a missing title.
		want: []string{"bad-value", "bad-value", "bad-value", "bad-value", "bad-value", "bad-value", "required", "required", "required", "required"},
	},
	{name: "TracksMapping", in: conf + "tracks: ∑{name: T}\n", want: []string{"bad-value"}},
	{name: "KeyNotScalar", in: conf + "tracks: []\n∑[a]: b\n", want: []string{"bad-value"}},

	// -- unknown-field --
	{
		name: "UnknownFieldSuggestion",
		in: conf + `tracks:
  - name: T
    date: 2024-05-01
    sessions:
      - §id: a
        title: A
        start: "10:00"
        end: "11:00"
        ∑speakrs: [Jane]
`,
		want: []string{"unknown-field"}, msgs: map[int][]string{0: {`"speakrs"`, "did you mean speakers?"}},
	},
	{
		name: "UnknownFieldEverywhere",
		in: `conference: {name: X, timezone: UTC, ∑timzone: UTC}
∑trakcs: []
rules: {∑min_duraton: 5m}
rooms: [{name: R, ∑alias: [r]}]
tracks:
  - name: T
    ∑sesions: []
    sessions:
      - §{id: a, title: A, start: "2024-05-01T10:00", duration: 1h, speakers: [{name: J, ∑affilation: X}], links: [{url: "https://x.org", ∑titel: y}]}
      - §{id: b, title: B, start: "2024-05-01T10:00", duration: 1h, ∑zzzzzzzzzzzzz: 1}
`,
		want: []string{"unknown-field", "unknown-field", "unknown-field", "unknown-field", "unknown-field", "unknown-field", "unknown-field", "unknown-field"},
		msgs: map[int][]string{
			0: {"did you mean timezone?"}, 1: {"did you mean tracks?"}, 2: {"did you mean min_duration?"},
			3: {"did you mean aliases?"}, 4: {"did you mean sessions?"}, 5: {`session "A" (a): speaker`, "did you mean affiliation?"},
			6: {`session "A" (a): link`, "did you mean title?"}, 7: {"known fields: title, id"},
		},
	},

	// -- required --
	{name: "NoConference", in: "∑tracks: []\n", want: []string{"required"}},
	{name: "NullDurationNoEnd", in: conf + "tracks:\n  - name: T\n    date: 2024-05-01\n    sessions:\n      - §{id: a, title: A, start: ∑\"10:00\", duration: ~}\n", want: []string{"required"}},
	{name: "NoTracks", in: "∑conference: {name: X, timezone: UTC}\n", want: []string{"required"}},
	{name: "ConferenceNoName", in: "conference: ∑{timezone: UTC}\ntracks: []\n", want: []string{"required"}},
	{name: "ConferenceEmptyName", in: "conference: {name: ∑\"  \", timezone: UTC}\ntracks: []\n", want: []string{"required"}},
	{name: "ConferenceNoZone", in: "conference: ∑{name: X}\ntracks: []\n", want: []string{"required"}},
	{name: "ConferenceNullZone", in: "conference: {name: X, timezone: ∑null}\ntracks: []\n", want: []string{"required"}},
	{name: "ZoneFromOption", in: "conference: {name: X}\ntracks: []\n", opt: LoadOptions{Timezone: "Europe/Berlin"}},
	{
		name: "ZoneContradictsOption", in: "conference: {name: X, timezone: ∑UTC}\ntracks: []\n",
		opt: LoadOptions{Timezone: "Europe/Berlin"}, want: []string{"zone-mismatch"},
	},
	{name: "TrackNoName", in: conf + "tracks:\n  - ∑{id: t}\n", want: []string{"required"}},
	{
		name: "SessionRequired",
		in: conf + `tracks:
  - name: T
    sessions:
      - §∑{id: a, date: 2024-05-01, start: "10:00", end: "11:00"}
      - §{id: b, title: B, start: ∑"10:00", end: "11:00"}
      - §∑{id: c, title: C, date: 2024-05-01, end: "11:00"}
      - §{id: d, title: D, date: 2024-05-01, start: ∑"10:00"}
      - §{id: e, title: E, date: 2024-05-01, start: "10:00", duration: ∑50}
`,
		want: []string{"required", "required", "required", "required", "bad-value"},
		msgs: map[int][]string{0: {"session (a) needs a title"}, 1: {"(b)", "no date"}, 2: {`"C" (c)`, "start"}, 3: {`"D" (d)`, "end or a duration"}, 4: {`"E" (e)`, "no unit"}},
	},

	{
		// Every problem of a session is reported, not only the first.
		name: "SessionAllProblems",
		in: conf + `tracks:
  - name: T
    sessions:
      - §{id: a, title: A, start: ∑"10:00", end: ∑"99:99"}
      - §{id: b, title: B, date: 2024-05-01, start: ∑"noon", duration: ∑50}
      - §{id: c, title: C, date: ∑2024-13-01, start: ∑"10:00pm2", end: ∑"x"}
  - name: U
    date: ∑2024-02-30
    sessions:
      - §{id: d, title: D, start: "10:00", end: ∑"25:00"}
      - §{id: e, title: E, start: "10:00", end: "11:00"}
`,
		want: []string{"required", "bad-value", "bad-value", "bad-value", "bad-value", "bad-value", "bad-value", "bad-value", "bad-value"},
		msgs: map[int][]string{0: {"no date"}, 1: {"end"}, 4: {`"2024-13-01" does not exist`}, 7: {`"2024-02-30" does not exist`}},
	},
	{
		// A null end or duration is no end or duration.
		name: "NullEnd",
		in: conf + `tracks:
  - name: T
    date: 2024-05-01
    sessions:
      - §{id: a, title: A, start: ∑"10:00", end: ~}
      - §{id: b, title: B, start: ∑"10:00", end: ~, duration: ~}
      - §{id: c, title: C, start: "10:00", end: ~, duration: 30m}
`,
		want: []string{"required", "required"},
		msgs: map[int][]string{0: {"needs an end or a duration"}, 1: {"needs an end or a duration"}},
	},
	{
		// An offset must be one the zone has at that time.
		name: "OffsetNotTheZones",
		in: conf + `tracks:
  - name: T
    sessions:
      - §{id: a, title: A, start: ∑"2024-10-27T02:30+05:00", end: "2024-10-27T03:30"}
      - §{id: b, title: B, start: ∑"2024-05-01T10:00+01:00", end: "2024-05-01T11:00"}
      - §{id: c, title: C, start: ∑"2024-05-01T10:00+1", end: "2024-05-01T11:00"}
`,
		want: []string{"bad-value", "bad-value", "bad-value"},
		msgs: map[int][]string{
			0: {"start 2024-10-27 02:30+05:00: Europe/Berlin is at UTC+02:00 or +01:00 then"},
			1: {"start 2024-05-01 10:00+01:00: Europe/Berlin is at UTC+02:00 then"},
			2: {"UTC offset such as +01:00"},
		},
	},
	{
		// A finding about a value reached through an alias is where the
		// alias is, and a finding is reported once.
		name: "AliasPositions",
		in: conf + `tracks:
  - name: T
    date: 2024-05-01
    sessions:
      - §{id: v, title: V, start: ∑&st "25:00", end: "11:00", tags: &tg [∑∑[x]]}
      - §{id: w, title: W, start: ∑*st, end: "11:00", tags: *tg}
`,
		// Inside an aliased list, positions are the anchor's: w's bad tag
		// is reported where v's is, naming w.
		want: []string{"bad-value", "bad-value", "bad-value", "bad-value"},
		msgs: map[int][]string{1: {`"V"`}, 2: {`"W"`}},
	},

	// -- bad-value --
	{
		name: "BadValues",
		in: `conference: {name: X, timezone: ∑Mars/Olympus, id: ∑"Not A Slug", url: ∑example.org, organizer: {name: P, email: ∑nobody}, day_change: ∑"25:00"}
rules: {max_duration: ∑0m, changeover: ∑5, day_start: ∑"8", severity: {∑room-overlpa: off, track-overlap: ∑never, syntax: ∑off}}
tracks:
  - name: T
    id: ∑Main_Track
    date: ∑2024-02-30
    sessions:
      - §{id: ∑a b, title: A, date: 2024-05-01, start: "10:00", end: "11:00", type: ∑tlak, status: ∑maybe, url: ∑"//x", guid: ∑nope, frab_id: ∑-3}
      - §{id: b, title: B, date: 2024-05-01, start: ∑"25:00", end: "11:00"}
      - §{id: c, title: C, date: ∑"May 1", start: "10:00", end: "11:00"}
      - §{id: d, title: D, date: 2024-05-01, start: "10:00", end: ∑"11:60"}
      - §{id: e, title: E, date: 2024-05-01, start: "10:00", duration: ∑-5m}
      - §{id: f, title: F, date: 2024-05-01, start: ∑"2024-05-02T10:00", end: "11:00"}
      - §{id: g, title: G, start: ∑"2024-05-01T10:00pm", end: "11:00"}
      - §{id: h, title: H, start: ∑"2024-05-01T10:00Z", end: "11:00"}
      - §{id: i, title: I, date: 2024-05-01, start: "10:00", end: "11:00", links: [∑{title: x}]}
`,
		want: []string{
			"bad-value", "bad-value", "bad-value", "bad-value", "bad-value",
			"bad-value", "bad-value", "bad-value", "bad-value", "bad-value", "bad-value",
			"bad-value", "bad-value",
			"bad-value", "bad-value", "bad-value", "bad-value", "bad-value", "bad-value",
			"bad-value", "bad-value", "bad-value", "bad-value", "bad-value", "bad-value", "bad-value", "required",
		},
		msgs: map[int][]string{
			0: {"Mars/Olympus"}, 1: {`"not-a-slug"`}, 3: {"nobody"},
			8: {"room-overlpa", "did you mean room-overlap?"}, 9: {"never"}, 10: {"cannot be changed"},
			11: {`"main-track"`}, 14: {`"A" (a b)`, "did you mean talk?"}, 15: {"confirmed, tentative, cancelled"},
			18: {"positive integer"}, 19: {`"B" (b)`, "25:00"}, 20: {`"C" (c)`}, 21: {`"D" (d)`, "11:60"},
			22: {`"E" (e)`, "-5m"}, 23: {"another day"}, 13: {`session "A": id "a b"`}, 26: {`session "I" (i): link needs a url`},
		},
	},

	// -- times --
	{
		name: "DurationMismatch",
		in: conf + `tracks:
  - name: T
    date: 2024-05-01
    sessions:
      - §{id: a, title: A, start: "10:00", end: "11:00", duration: ∑50m}
      - §{id: b, title: B, start: "12:00", end: "12:50", duration: 50m}
      - §{id: c, title: C, start: "13:00", end: "14:30", duration: "1:30"}
`,
		want: []string{"duration-mismatch"},
		msgs: map[int][]string{0: {`"A" (a)`, "50m", "1h"}},
	},
	{
		name: "DSTGap",
		in: conf + `tracks:
  - name: T
    date: 2024-03-31
    sessions:
      - §{id: a, title: A, start: ∑"02:30", end: "04:00"}
      - §{id: b, title: B, start: "01:00", end: ∑"02:00"}
      - §{id: c, title: C, start: "01:59", end: "03:00"}
`,
		want: []string{"dst-gap", "dst-gap"},
		msgs: map[int][]string{0: {`"A" (a)`, "02:30", "does not exist", "02:00 CET", "03:00 CEST"}},
	},
	{
		name: "DSTGapNewYork",
		in: `conference: {name: X, timezone: America/New_York}
tracks:
  - name: T
    date: 2019-03-10
    sessions:
      - §{id: a, title: A, start: ∑"02:30", end: "03:30"}
`,
		want: []string{"dst-gap"},
		msgs: map[int][]string{0: {"clocks jump from 02:00 EST to 03:00 EDT"}},
	},
	{
		name: "DSTAmbiguousNewYork",
		in: `conference: {name: X, timezone: America/New_York}
tracks:
  - name: T
    date: 2019-11-03
    sessions:
      - §{id: a, title: A, start: ∑"01:30", end: "03:30"}
`,
		want: []string{"dst-ambiguous"},
		msgs: map[int][]string{0: {"clocks go back from 02:00 EDT to 01:00 EST", "01:30 EDT (UTC-04:00), not 01:30 EST (UTC-05:00)"}},
	},
	{
		name: "DSTAmbiguous",
		in: conf + `tracks:
  - name: T
    date: 2024-10-27
    sessions:
      - §{id: a, title: A, start: ∑"02:30", end: "04:00"}
      - §{id: b, title: B, start: "01:00", end: ∑"02:00"}
      - §{id: c, title: C, start: "03:00", end: "04:00"}
`,
		want: []string{"dst-ambiguous", "dst-ambiguous"},
		msgs: map[int][]string{0: {`"A" (a)`, "occurs twice", "first occurrence, 02:30 CEST (UTC+02:00)", "not 02:30 CET (UTC+01:00)"}},
	},

	// -- implicit-id --
	{
		name: "ImplicitID",
		in: conf + `tracks:
  - name: Main Track
    date: 2024-05-01
    sessions:
      - ∑§{title: Über Ärger, start: "10:00", end: "11:00"}
      - ∑§{title: Other, id: "", start: "11:00", end: "12:00"}
`,
		// An empty id is no id.
		want: []string{"implicit-id", "implicit-id"},
		msgs: map[int][]string{0: {`"Über Ärger"`, `"main-track-uber-arger"`, "calendar UIDs"}, 1: {`"main-track-other"`}},
	},

	// -- JSON is YAML --
	{
		name: "JSONWithTabs",
		in: "{\n\t\"conference\": {\"name\": \"X\", \"timezone\": \"Europe/Berlin\"},\n\t\"tracks\": [\n\t\t{\n\t\t\t\"name\": \"T\",\n\t\t\t\"date\": \"2024-05-01\",\n\t\t\t\"sessions\": [\n" +
			"\t\t\t\t§{\"id\": \"a\", \"title\": \"Ä\", \"start\": \"10:00\", \"end\": ∑\"25:00\"},\n" +
			"\t\t\t\t§{\"id\": \"b\", \"title\": \"B\", \"start\": \"10:00\", \"end\": \"11:00\", ∑\"spekers\": []}\n" +
			"\t\t\t]\n\t\t}\n\t]\n}\n",
		want: []string{"bad-value", "unknown-field"},
		msgs: map[int][]string{1: {"did you mean speakers?"}},
	},
	{
		name: "NonASCIIColumns",
		in: conf + `tracks:
  - name: Café Ürün 日本語
    date: 2024-05-01
    sessions:
      - §{id: 日本, title: "ÄÖÜ 日本語 🎉", start: "10:00", end: ∑"xx"}
`,
		want: []string{"bad-value"},
		msgs: map[int][]string{0: {`"ÄÖÜ 日本語 🎉" (日本)`}},
	},
	{
		name: "CRLF",
		in:   strings.ReplaceAll(conf+"tracks:\n  - name: T\n    date: 2024-05-01\n    sessions:\n      - §{id: a, title: A, start: ∑\"1000\", end: \"11:00\"}\n", "\n", "\r\n"),
		want: []string{"bad-value"},
	},
	{
		name: "BOM",
		in:   "\ufeff" + conf + "tracks:\n  - name: T\n    date: 2024-05-01\n    sessions:\n      - §{id: a, title: A, start: \"10:00\", end: \"11:00\"}\n",
	},
}

func TestLoad(t *testing.T) {
	for _, tt := range loadTests {
		t.Run(tt.name, func(t *testing.T) {
			const file = "in.yaml"
			m := parseMarked(file, tt.in)
			s, diags := Load(file, m.src, tt.opt)
			for _, d := range diags {
				checkDiagnostic(t, file, d)
			}
			SortDiagnostics(diags)
			want := wantFindings(t, m, tt.want)
			if diff := cmp.Diff(want, findings(diags, false)); diff != "" {
				t.Errorf("Load diagnostics (-want +got):\n%s\nall:\n%s", diff, lines(diags))
			}
			for i, subs := range tt.msgs {
				if i >= len(diags) {
					continue
				}
				for _, sub := range subs {
					if !strings.Contains(diags[i].Message, sub) {
						t.Errorf("diagnostic %d %q lacks %q", i, diags[i].Message, sub)
					}
				}
			}
			if (s == nil) != tt.nilSchedule {
				t.Fatalf("Load returned schedule %v, want nil: %v", s != nil, tt.nilSchedule)
			}
			if s == nil {
				return
			}
			if s.Location == nil {
				t.Error("Location is nil")
			}
			var got []Pos
			for _, ss := range s.Sessions {
				got = append(got, ss.Pos)
			}
			if diff := cmp.Diff(m.sessions, got); diff != "" {
				t.Errorf("session positions (-want +got):\n%s", diff)
			}
		})
	}
}

func lines(ds []Diagnostic) string {
	var b strings.Builder
	for _, d := range ds {
		fmt.Fprintln(&b, d)
	}
	return b.String()
}

// TestLoadTimes checks the instants the loader resolves wall-clock times to.
func TestLoadTimes(t *testing.T) {
	in := conf + `tracks:
  - name: T
    date: 2024-03-30
    sessions:
      - {id: plain, title: P, start: "10:00", end: "10:50"}
      - {id: ampm, title: A, start: "1:15pm", end: "2pm"}
      - {id: dur, title: D, start: "09:00", duration: "1:30"}
      - {id: midnight, title: M, start: "23:30", end: "00:30"}
      - {id: dated, title: X, start: "2024-03-31T01:00", end: "2024-03-31T04:00"}
      - {id: ondate, title: Y, date: 2024-10-27, start: "01:30", end: "03:30"}
      - {id: ambiguous, title: Z, date: 2024-10-27, start: "02:30", duration: 1h}
      - {id: first, title: F, start: "2024-10-27T02:30+02:00", end: "2024-10-27T02:50+02:00"}
      - {id: second, title: S, start: "2024-10-27T02:30+01:00", end: "2024-10-27T02:50+01:00"}
      - {id: across, title: C, start: "2024-10-27T02:50+02:00", end: "2024-10-27T02:10+01:00"}
      - {id: redundant, title: R, start: "2024-05-01T10:00+02:00", end: "2024-05-01T11:00"}
`
	s, diags := Load("in.yaml", []byte(in), LoadOptions{})
	var errs []Diagnostic
	for _, d := range diags {
		if d.Rule != "dst-ambiguous" {
			errs = append(errs, d)
		}
	}
	if len(errs) > 0 {
		t.Fatalf("unexpected diagnostics:\n%s", lines(errs))
	}
	type span struct{ ID, Start, End string }
	var got []span
	for _, ss := range s.Sessions {
		got = append(got, span{ss.ID, ss.Start.UTC().Format(time.RFC3339), ss.End.UTC().Format(time.RFC3339)})
	}
	want := []span{
		{"plain", "2024-03-30T09:00:00Z", "2024-03-30T09:50:00Z"},
		{"ampm", "2024-03-30T12:15:00Z", "2024-03-30T13:00:00Z"},
		{"dur", "2024-03-30T08:00:00Z", "2024-03-30T09:30:00Z"},
		{"midnight", "2024-03-30T22:30:00Z", "2024-03-30T23:30:00Z"},
		// 01:00 CET to 04:00 CEST is two hours: the clocks skip 02:00–03:00.
		{"dated", "2024-03-31T00:00:00Z", "2024-03-31T02:00:00Z"},
		// 01:30 CEST to 03:30 CET is three hours: 02:00–03:00 happens twice.
		{"ondate", "2024-10-26T23:30:00Z", "2024-10-27T02:30:00Z"},
		// The first 02:30 is CEST.
		{"ambiguous", "2024-10-27T00:30:00Z", "2024-10-27T01:30:00Z"},
		// An offset picks the reading of a time that occurs twice.
		{"first", "2024-10-27T00:30:00Z", "2024-10-27T00:50:00Z"},
		{"second", "2024-10-27T01:30:00Z", "2024-10-27T01:50:00Z"},
		{"across", "2024-10-27T00:50:00Z", "2024-10-27T01:10:00Z"},
		// An offset where there is one reading must be that one.
		{"redundant", "2024-05-01T08:00:00Z", "2024-05-01T09:00:00Z"},
	}
	var ambiguous []string
	for _, d := range diags {
		if d.Rule == "dst-ambiguous" {
			ambiguous = append(ambiguous, fmt.Sprint(d.Pos.Line))
		}
	}
	// Only "ambiguous" leaves the reading to the rule (and warns).
	if diff := cmp.Diff([]string{"12"}, ambiguous); diff != "" {
		t.Errorf("dst-ambiguous lines (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("session times (-want +got):\n%s", diff)
	}
	for _, ss := range s.Sessions {
		if ss.Start.Location() != s.Location {
			t.Errorf("%s: start in %v, want the schedule's location", ss.ID, ss.Start.Location())
		}
	}
}

// TestLoadFields checks what the loader fills in besides times.
func TestLoadFields(t *testing.T) {
	in := `conference:
  name: Tëst Con 2024
  timezone: Europe/Berlin
rooms:
  - Hall A
  - {name: Hall B, aliases: [B, "Hall Bee"]}
rules: {min_duration: 10m, max_duration: 2h, changeover: 5m, speaker_buffer: 10m, day_start: "9am", day_end: "01:00", severity: {track-overlap: off, changeover: error}}
tracks:
  - name: Main Track
    room: Hall A
    date: 2024-05-01
    host: Hoster
    sessions:
      - title: One
        id: one
        room: B
        speakers: [Jane Doe, {name: Joe, affiliation: ACME, id: joe}]
        type: keynote
        status: tentative
        tags: [x, y]
        links: [{title: Slides, url: "https://example.org/s"}]
        start: "10:00"
        end: "11:00"
`
	s, diags := Load("in.yaml", []byte(in), LoadOptions{})
	if len(diags) > 0 {
		t.Fatalf("unexpected diagnostics:\n%s", lines(diags))
	}
	if got, want := s.Conference.ID, "test-con-2024"; got != want {
		t.Errorf("conference id = %q, want %q", got, want)
	}
	wantPolicy := Policy{
		MinDuration: 10 * time.Minute, MaxDuration: 2 * time.Hour, Changeover: 5 * time.Minute,
		SpeakerBuffer: 10 * time.Minute, DayStart: 9 * 60, DayEnd: 60,
		Severity: map[string]Severity{"track-overlap": Off, "changeover": Error},
	}
	if diff := cmp.Diff(wantPolicy, s.Policy); diff != "" {
		t.Errorf("policy (-want +got):\n%s", diff)
	}
	wantRooms := []Room{
		{Name: "Hall A", Pos: Pos{"in.yaml", 5, 5}},
		{Name: "Hall B", Aliases: []string{"B", "Hall Bee"}, Pos: Pos{"in.yaml", 6, 5}},
	}
	if diff := cmp.Diff(wantRooms, s.Rooms); diff != "" {
		t.Errorf("rooms (-want +got):\n%s", diff)
	}
	if len(s.Tracks) != 1 || s.Tracks[0].ID != "main-track" || s.Tracks[0].Host != "Hoster" {
		t.Fatalf("tracks = %+v", s.Tracks)
	}
	ss := s.Sessions[0]
	if ss.Track != s.Tracks[0] || len(s.Tracks[0].Sessions) != 1 {
		t.Errorf("session not linked to its track")
	}
	got := []any{ss.Room, ss.Type, ss.Status, ss.Speakers, ss.Tags, ss.Links, ss.ImplicitID}
	want := []any{"B", "keynote", "tentative",
		[]Person{{Name: "Jane Doe"}, {Name: "Joe", Affiliation: "ACME", ID: "joe"}},
		[]string{"x", "y"}, []Link{{Title: "Slides", URL: "https://example.org/s"}}, false}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("session fields (-want +got):\n%s", diff)
	}
	if got, want := ss.At("room"), (Pos{"in.yaml", 16, 15}); got != want {
		t.Errorf("room position = %v, want %v", got, want)
	}
	if got, want := ss.At("nonesuch"), ss.Pos; got != want {
		t.Errorf("position of an absent field = %v, want the session's %v", got, want)
	}
}

// TestLoadExample loads the bundled example: no findings at all.
func TestLoadExample(t *testing.T) {
	data, err := os.ReadFile("../testdata/qcon-ny-2019.yaml")
	if err != nil {
		t.Fatal(err)
	}
	s, diags := Load("qcon-ny-2019.yaml", data, LoadOptions{})
	diags = append(diags, Normalize(s)...)
	diags = append(diags, Validate(s)...)
	if len(diags) > 0 {
		t.Errorf("the bundled example has findings:\n%s", lines(diags))
	}
	if len(s.Sessions) != 6 {
		t.Errorf("%d sessions, want 6", len(s.Sessions))
	}
}

// TestLoadAliasBomb: a document whose aliases expand beyond MaxNodes is one
// syntax error, not a hang, and no partial schedule. (Sessions are
// distinct here: a session listed again through an alias is not copied,
// see TestLoadRepeatedSession.)
func TestLoadAliasBomb(t *testing.T) {
	var b strings.Builder
	b.WriteString(conf)
	b.WriteString("x-tags: &t [" + strings.Repeat("a, ", 999) + "a]\n")
	b.WriteString("x-p: &p {name: Ann, affiliation: X}\n")
	b.WriteString("x-sp: &sp [" + strings.Repeat("*p, ", 999) + "*p]\n")
	b.WriteString("tracks:\n- name: T\n  sessions:\n")
	for i := range 400 {
		fmt.Fprintf(&b, "  - {title: S%d, date: 2024-05-01, start: \"10:00\", end: \"11:00\", tags: *t, speakers: *sp}\n", i)
	}
	s, diags := Load("bomb.yaml", []byte(b.String()), LoadOptions{})
	if s != nil {
		t.Errorf("Load returned a schedule of %d sessions", len(s.Sessions))
	}
	var syntax []Diagnostic
	for _, d := range diags {
		checkDiagnostic(t, "bomb.yaml", d)
		if d.Rule == "syntax" {
			syntax = append(syntax, d)
		}
	}
	if len(syntax) != 1 || !strings.Contains(syntax[0].Message, "alias") {
		t.Errorf("want one syntax error about aliases, got:\n%s", lines(syntax))
	}
	if len(diags) > 100 {
		t.Errorf("%d diagnostics for an alias bomb; want the one that matters", len(diags))
	}
}

// TestLoadRepeatedSession: a session or track reached again through an
// alias is a duplicate-id finding, not a copy (issue 13.3: 2 KB of
// aliases made 62,500 sessions, 4 million findings, 90 s and 3.8 GB).
// Aliases of fields (<<: *talk) and of lists of values stay as they are.
func TestLoadRepeatedSession(t *testing.T) {
	var b strings.Builder
	b.WriteString(conf)
	b.WriteString("x-tags: &t [" + strings.Repeat("a, ", 999) + "a]\n")
	b.WriteString("x-session: &s {title: S, date: 2024-05-01, start: \"10:00\", end: \"11:00\", tags: *t}\n")
	b.WriteString("x-track: &tr {name: T, sessions: [" + strings.Repeat("*s, ", 999) + "*s]}\n")
	b.WriteString("tracks: [" + strings.Repeat("*tr, ", 99) + "*tr]\n")
	s, diags := Load("bomb.yaml", []byte(b.String()), LoadOptions{})
	if s == nil || len(s.Sessions) != 1 || len(s.Tracks) != 1 || len(s.Sessions[0].Tags) != 1000 {
		t.Fatalf("want one track with one session of 1000 tags, got %+v", s)
	}
	got := map[string]int{}
	omitted := 0
	for _, d := range diags {
		checkDiagnostic(t, "bomb.yaml", d)
		got[d.Rule]++
		omitted += d.Omitted
	}
	// 999 repeats of the session, 99 of the track: 1098 findings, of
	// which MaxFindingsPerRule listed and one closing finding.
	if diff := cmp.Diff(map[string]int{RuleDuplicateId: MaxFindingsPerRule + 1, RuleImplicitId: 1}, got); diff != "" {
		t.Errorf("findings per rule (-want +got):\n%s", diff)
	}
	if omitted != 1098-MaxFindingsPerRule {
		t.Errorf("closing finding counts %d, want %d", omitted, 1098-MaxFindingsPerRule)
	}
	want := "bomb.yaml:4:39: error: the session at line 3 is listed again through an alias; a session is read once, not copied [duplicate-id]"
	if diags[1].String() != want {
		t.Errorf("first repeat:\n%s\nwant\n%s", diags[1], want)
	}

	merged := conf + "x-talk: &talk {date: 2024-05-01, start: \"10:00\", end: \"11:00\", speakers: &sp [Ann]}\n" +
		"tracks:\n- name: T\n  sessions:\n  - {<<: *talk, id: a, title: A, room: R1}\n  - {<<: *talk, id: b, title: B, room: R2, speakers: *sp, start: \"12:00\", end: \"13:00\"}\n"
	s, diags = Load("merge.yaml", []byte(merged), LoadOptions{})
	if len(diags) > 0 || s == nil || len(s.Sessions) != 2 {
		t.Errorf("merge keys and aliased lists: %d sessions, findings:\n%s", len(s.Sessions), lines(diags))
	}
}

// TestLoadTooManySeparators: a document too large to parse in bounded memory
// is refused before parsing, with one syntax error.
func TestLoadTooManySeparators(t *testing.T) {
	data := []byte("x: [" + strings.Repeat("a,", maxSeparators) + "a]\n")
	s, diags := Load("flat.yaml", data, LoadOptions{})
	if s != nil || len(diags) != 1 || diags[0].Rule != "syntax" || !strings.Contains(diags[0].Message, "separators") {
		t.Errorf("Load = %v, %v; want nil and one syntax error about separators", s != nil, lines(diags))
	}
	checkDiagnostic(t, "flat.yaml", diags[0])
}

// TestLoadMergeKeys: a merge key adds the fields of the mappings it names
// that the mapping does not set, the first of a list winning; anchors can
// live under a top-level x- key, which is not read; a finding inside a
// merged mapping is reported once, where the mapping is written.
func TestLoadMergeKeys(t *testing.T) {
	in := conf + `x-talk: &talk {room: Hall, date: 2024-05-01, type: workshop, speakrs: [X]}
tracks:
  - name: T
    sessions:
      - {<<: *talk, id: a, title: A, start: "10:00", end: "11:00"}
      - {<<: [{room: Other}, *talk], id: b, title: B, type: talk, start: "12:00", end: "13:00"}
      - {<<: 5, id: c, title: C, date: 2024-05-01, start: "14:00", end: "15:00"}
`
	s, diags := Load("in.yaml", []byte(in), LoadOptions{})
	SortDiagnostics(diags)
	want := []string{
		`in.yaml:2:62: error: unknown field "speakrs" in session; did you mean speakers? [unknown-field]`,
		`in.yaml:8:14: error: session: a merge key (<<) takes a mapping or a list of mappings, not a scalar [bad-value]`,
	}
	if diff := cmp.Diff(want, strings.Split(strings.TrimSpace(lines(diags)), "\n")); diff != "" {
		t.Errorf("diagnostics (-want +got):\n%s", diff)
	}
	var got []string
	for _, ss := range s.Sessions {
		got = append(got, fmt.Sprintf("%s %s %s %s", ss.ID, ss.Room, ss.Type, ss.Start.Format("2006-01-02 15:04")))
	}
	wantSessions := []string{"a Hall workshop 2024-05-01 10:00", "b Other talk 2024-05-01 12:00", "c  talk 2024-05-01 14:00"}
	if diff := cmp.Diff(wantSessions, got); diff != "" {
		t.Errorf("sessions (-want +got):\n%s", diff)
	}
}

// TestLoadSurrogatePairs: schedkit JSON accepts the surrogate pair escapes
// JSON allows (Python's json.dump writes "\ud83c\udfa4" for 🎤), which
// YAML refuses; positions after them on the line stay those of the file
// (issue 14).
func TestLoadSurrogatePairs(t *testing.T) {
	tests := []struct {
		name  string
		in    string
		title string // the conference name, "" when not loaded
		diags []string
	}{
		{"one pair", `{"conference": {"name": "Talk \ud83c\udfa4", "timezone": "UTC"}, "tracks": []}`, "Talk 🎤", nil},
		{"upper case, two pairs, position after them",
			`{"conference": {"name": "\uD83C\uDFA4\ud83d\ude00 é", "timezone": "UTC", "bogus": 1}, "tracks": []}`, "🎤😀 é",
			[]string{`f.json:1:74: error: unknown field "bogus" in conference; known fields: name, timezone, id, url, organizer, day_change, days, version, timeslot_duration [unknown-field]`}},
		{"other escapes kept", `{"conference": {"name": "a\\ud83c\\udfa4 \"\u00e9\"", "timezone": "UTC"}, "tracks": []}`, `a\ud83c\udfa4 "é"`, nil},
		{"lone surrogate: a syntax error", `{"conference": {"name": "\ud83c", "timezone": "UTC"}, "tracks": []}`, "",
			[]string{`f.json:1:28: error: while scanning a quoted scalar: found invalid Unicode character escape code [syntax]`}},
		{"YAML plain scalar untouched", "conference: {name: a\\ud83c\\udfa4, timezone: UTC}\ntracks: []\n", `a\ud83c\udfa4`, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, diags := Load("f.json", []byte(tt.in), LoadOptions{})
			title := ""
			if s != nil {
				title = s.Conference.Name
			}
			var got []string
			for _, d := range diags {
				got = append(got, d.String())
			}
			if diff := cmp.Diff(tt.title, title); diff != "" {
				t.Errorf("conference name (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.diags, got); diff != "" {
				t.Errorf("diagnostics (-want +got):\n%s", diff)
			}
		})
	}
}
