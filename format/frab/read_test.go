package frab

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/schedkit/schedkit/schedule"
)

// marked strips the ∑ markers from src and returns where each one was, as
// "line:col": the position a diagnostic is expected at.
func marked(src string) (string, []string) {
	var b strings.Builder
	var at []string
	line, col := 1, 1
	for _, r := range src {
		switch r {
		case '∑':
			at = append(at, fmt.Sprintf("%d:%d", line, col))
			continue
		case '\n':
			line, col = line+1, 1
		default:
			col++
		}
		b.WriteRune(r)
	}
	return b.String(), at
}

// findings reads src and validates it, returning "line:col rule" for every
// diagnostic, sorted.
func findings(t *testing.T, read func(string, []byte, schedule.LoadOptions) (*schedule.Schedule, []schedule.Diagnostic), src string, opt schedule.LoadOptions) (*schedule.Schedule, []string, []schedule.Diagnostic) {
	t.Helper()
	s, ds := read("f", []byte(src), opt)
	if s != nil {
		ds = append(ds, schedule.Validate(s)...)
	}
	var got []string
	for _, d := range ds {
		got = append(got, fmt.Sprintf("%d:%d %s", d.Pos.Line, d.Pos.Column, d.Rule))
	}
	slices.Sort(got)
	return s, got, ds
}

func xmlDoc(tz, events string) string {
	return `<schedule>
<version>1</version>
<conference><title>T</title><acronym>test</acronym>` + tz + `</conference>
<day index="1" date="2026-03-27" start="2026-03-27T04:00:00+01:00" end="2026-03-28T03:59:00+01:00">
<room name="A">
` + events + `
</room>
</day>
</schedule>`
}

const berlin = `<time_zone_name>Europe/Berlin</time_zone_name>`

func ev(id, date, start, dur string) string {
	return fmt.Sprintf(`<event id="%s" guid="00000000-0000-5000-8000-%012s"><date>%s</date><start>%s</start><duration>%s</duration><room>A</room><title>E%s</title><track>T</track><type>talk</type><abstract/></event>`,
		id, id, date, start, dur, id)
}

func TestReadXMLDiagnostics(t *testing.T) {
	tests := []struct {
		name string
		src  string
		opt  schedule.LoadOptions
		rule string // every marker is a diagnostic of this rule
	}{
		{"clean", xmlDoc(berlin, ev("1", "2026-03-27T10:00:00+01:00", "10:00", "0:30")), schedule.LoadOptions{}, ""},
		{"byte order mark", "\ufeff<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + xmlDoc(berlin, ev("1", "2026-03-27T10:00:00+01:00", "10:00", "0:30")), schedule.LoadOptions{}, ""},
		{"unpadded and 3-part unambiguous durations", xmlDoc(berlin, ev("1", "2026-03-27T10:00:00+01:00", "10:00", "0:30")+ev("2", "2026-03-27T11:00:00+01:00", "11:00", "00:30:00")), schedule.LoadOptions{}, ""},
		{"ambiguous duration", xmlDoc(berlin, strings.Replace(ev("1", "2026-03-27T10:00:00+01:00", "10:00", "01:00:00"), "<duration>", "∑<duration>", 1)), schedule.LoadOptions{}, "ambiguous-duration"},
		{"date disagrees with day and start", xmlDoc(berlin, strings.Replace(ev("1", "2026-03-28T10:00:00+01:00", "10:00", "00:30"), "<date>", "∑<date>", 1)), schedule.LoadOptions{}, "date-mismatch"},
		{"start disagrees with date", xmlDoc(berlin, strings.Replace(ev("1", "2026-03-27T10:00:00+01:00", "11:00", "00:30"), "<date>", "∑<date>", 1)+ev("2", "2026-03-27T12:00:00+01:00", "12:00", "00:30")), schedule.LoadOptions{}, "date-mismatch"},
		{"after midnight belongs to the day", xmlDoc(berlin, ev("1", "2026-03-28T01:30:00+01:00", "01:30", "00:30")), schedule.LoadOptions{}, ""},
		{"named zone contradicts offsets", xmlDoc(`∑<time_zone_name>UTC</time_zone_name>`, ev("1", "2026-03-27T10:00:00+01:00", "10:00", "00:30")), schedule.LoadOptions{}, "zone-mismatch"},
		{"no zone", strings.Replace(xmlDoc("", ev("1", "2026-03-27T10:00:00+01:00", "10:00", "00:30")), "<conference>", "∑<conference>", 1), schedule.LoadOptions{}, "zone-mismatch"},
		{"no zone, --timezone fits", xmlDoc("", ev("1", "2026-03-27T10:00:00+01:00", "10:00", "00:30")), schedule.LoadOptions{Timezone: "Europe/Paris"}, ""},
		{"--timezone contradicts the file", xmlDoc(`∑`+berlin, ev("1", "2026-03-27T10:00:00+01:00", "10:00", "00:30")), schedule.LoadOptions{Timezone: "Europe/Paris"}, "zone-mismatch"},
		{"duplicate guid", xmlDoc(berlin, ev("1", "2026-03-27T10:00:00+01:00", "10:00", "00:30")+strings.Replace(strings.Replace(ev("2", "2026-03-27T11:00:00+01:00", "11:00", "00:30"), "000000000002", "000000000001", 1), "guid=", "∑guid=", 1)), schedule.LoadOptions{}, "duplicate-guid"},
		{"duplicate id", xmlDoc(berlin, ev("1", "2026-03-27T10:00:00+01:00", "10:00", "00:30")+strings.Replace(strings.Replace(ev("2", "2026-03-27T11:00:00+01:00", "11:00", "00:30"), `id="2"`, `∑id="1"`, 1), "000000000002", "000000000003", 1)), schedule.LoadOptions{}, "duplicate-id"},
		{"bad duration", xmlDoc(berlin, strings.Replace(ev("1", "2026-03-27T10:00:00+01:00", "10:00", "half an hour"), "<duration>", "∑<duration>", 1)), schedule.LoadOptions{}, "bad-value"},
		{"bad date", xmlDoc(berlin, strings.Replace(ev("1", "27.03.2026 10:00", "10:00", "00:30"), "<date>", "∑<date>", 1)), schedule.LoadOptions{}, "bad-value"},
		{"room overlap", xmlDoc(berlin, ev("1", "2026-03-27T10:00:00+01:00", "10:00", "01:00")+"\n"+strings.Replace(ev("2", "2026-03-27T10:30:00+01:00", "10:30", "00:30"), "<date>", "∑<date>", 1)), schedule.LoadOptions{}, "room-overlap,track-overlap"},
		{"no date and a day date that is not a date", strings.Replace(xmlDoc(berlin, `<event id="1">∑<start>10:00</start><duration>00:30</duration><room>A</room><title>E</title><track>T</track><type>talk</type><abstract/></event>`), `date="2026-03-27"`, `date="2026-13-45"`, 1), schedule.LoadOptions{}, "bad-value"},
		{"no date and no day date", strings.Replace(xmlDoc(berlin, `<event id="1">∑<start>10:00</start><duration>00:30</duration><room>A</room><title>E</title><track>T</track><type>talk</type><abstract/></event>`), `date="2026-03-27"`, ``, 1), schedule.LoadOptions{}, "required"},
		{"not closed", "<schedule>\n<conference>∑", schedule.LoadOptions{}, "syntax"},
		{"mismatched tag", "<schedule>\n  <version>1∑</versio>\n</schedule>", schedule.LoadOptions{}, "syntax"},
		{"wrong root", "∑<html></html>", schedule.LoadOptions{}, "syntax"},
		{"empty", "∑", schedule.LoadOptions{}, "syntax"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			src, at := marked(tc.src)
			_, got, ds := findings(t, ReadXML, src, tc.opt)
			var want []string
			for _, a := range at {
				for _, r := range strings.Split(tc.rule, ",") {
					want = append(want, a+" "+r)
				}
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("diagnostics (-want +got):\n%s\n%v", diff, ds)
			}
		})
	}
}

func TestReadXMLTimes(t *testing.T) {
	src, at := marked(`<schedule><version/><conference><title>DC</title><time_zone_name>Asia/Kolkata</time_zone_name></conference>
<day date="2023-09-09" start="2023-09-09T21:30:00+00:00" end="2023-09-10T21:29:59+00:00" index="1"><room name="R">
<event id="35" guid="455d075f-48c0-2ec2-24b3-f5add30c383a">∑<date>2023-09-10T05:00:00+00:00</date><start>10:30</start><duration>00:20</duration><room>R</room><title>Opening</title><track>X</track><type>talk</type><abstract/></event>
<event id="36">∑<date>2023-09-10T17:00:00+00:00</date><start>22:30</start>∑<duration>2:00:00</duration><room>R</room><title>Night</title><track/><type>talk</type><abstract/><persons><person id="0">Someone</person></persons></event>
</room></day></schedule>`)
	s, got, ds := findings(t, ReadXML, src, schedule.LoadOptions{})
	ist, _ := time.LoadLocation("Asia/Kolkata")
	type times struct {
		ID, GUID, Track string
		Start, End      time.Time
		Speakers        []schedule.Person
	}
	var gotTimes []times
	for _, ss := range s.Sessions {
		gotTimes = append(gotTimes, times{ss.ID, ss.GUID, ss.TrackID(), ss.Start, ss.End, ss.Speakers})
	}
	want := []times{
		{"35", "455d075f-48c0-2ec2-24b3-f5add30c383a", "x", time.Date(2023, 9, 10, 10, 30, 0, 0, ist), time.Date(2023, 9, 10, 10, 50, 0, 0, ist), nil},
		{"36", schedule.DerivedGUID("dc", "36"), schedule.NoTrackID, time.Date(2023, 9, 10, 22, 30, 0, 0, ist), time.Date(2023, 9, 11, 0, 30, 0, 0, ist), []schedule.Person{{Name: "Someone"}}},
	}
	if diff := cmp.Diff(want, gotTimes); diff != "" {
		t.Errorf("sessions (-want +got):\n%s", diff)
	}
	if s.Conference.TimeZone != "Asia/Kolkata" || s.Conference.DayChange != "03:00" {
		t.Errorf("zone %q, day change %q; want Asia/Kolkata, 03:00", s.Conference.TimeZone, s.Conference.DayChange)
	}
	wantRules := []string{at[0] + " date-mismatch", at[0] + " zone-mismatch", at[1] + " date-mismatch", at[2] + " ambiguous-duration"}
	if diff := cmp.Diff(wantRules, got); diff != "" {
		t.Errorf("diagnostics (-want +got):\n%s\n%v", diff, ds)
	}
}

func jsonDoc(tz, events string) string {
	return `{"schedule": {"version": "1", "conference": {"acronym": "test", "title": "T",` + tz + `
 "days": [{"index": 1, "date": "2026-03-27", "day_start": "2026-03-27T04:00:00+01:00", "day_end": "2026-03-28T03:59:00+01:00",
  "rooms": {"A": [
` + events + `
]}}]}}}`
}

func jev(id, date, start, dur string) string {
	return fmt.Sprintf(`{"id": %s, "guid": "00000000-0000-5000-8000-%012s", "date": "%s", "start": "%s", "duration": "%s", "room": "A", "title": "E", "track": null, "type": "Talk", "abstract": null, "persons": [{"id": 1, "public_name": "P"}], "links": []}`,
		id, strings.Trim(id, `"`), date, start, dur)
}

func TestReadJSONDiagnostics(t *testing.T) {
	tz := ` "time_zone_name": "Europe/Berlin",`
	tests := []struct {
		name string
		src  string
		rule string
	}{
		{"clean, ids as number and string", jsonDoc(tz, jev("1", "2026-03-27T10:00:00+01:00", "10:00", "00:30")+",\n"+jev(`"2"`, "2026-03-27T11:00:00+01:00", "11:00", "0:30")), ""},
		{"byte order mark", "\ufeff" + jsonDoc(tz, jev("1", "2026-03-27T10:00:00+01:00", "10:00", "00:30")), ""},
		{"ambiguous duration", jsonDoc(tz, strings.Replace(jev("1", "2026-03-27T10:00:00+01:00", "10:00", "01:00:00"), `"01:00:00"`, `∑"01:00:00"`, 1)), "ambiguous-duration"},
		{"zone contradicts offsets", jsonDoc(` "time_zone_name": ∑"UTC",`, jev("1", "2026-03-27T10:00:00+01:00", "10:00", "00:30")), "zone-mismatch"},
		{"date mismatch", jsonDoc(tz, strings.Replace(jev("1", "2026-03-28T10:00:00+01:00", "10:00", "00:30"), `"2026-03-28`, `∑"2026-03-28`, 1)), "date-mismatch"},
		{"wrong type", jsonDoc(tz, strings.Replace(jev("1", "2026-03-27T10:00:00+01:00", "10:00", "00:30"), `"title": "E"`, `"title": ∑["E"]`, 1)), "bad-value"},
		{"syntax", "{\"schedule\": {\n  \"version\": ∑,}}", "syntax"},
		{"truncated", "{\"schedule\": {∑", "syntax"},
		{"not a schedule.json", "∑[1, 2]", "syntax"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			src, at := marked(tc.src)
			_, got, ds := findings(t, ReadJSON, src, schedule.LoadOptions{})
			var want []string
			for _, a := range at {
				for _, r := range strings.Split(tc.rule, ",") {
					want = append(want, a+" "+r)
				}
			}
			// The title missing in "wrong type" is reported too.
			got = slices.DeleteFunc(got, func(s string) bool { return tc.rule == "bad-value" && strings.HasSuffix(s, " required") })
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("diagnostics (-want +got):\n%s\n%v", diff, ds)
			}
		})
	}
}

// TestFixtures reads the small fixtures in testdata/frab, XML and JSON, which
// describe the same MiniCon, and checks the sessions they share agree.
func TestFixtures(t *testing.T) {
	read := func(name string, f func(string, []byte, schedule.LoadOptions) (*schedule.Schedule, []schedule.Diagnostic)) *schedule.Schedule {
		data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "frab", name))
		if err != nil {
			t.Fatal(err)
		}
		s, ds := f(name, data, schedule.LoadOptions{})
		if s == nil || len(ds) > 0 {
			t.Fatalf("%s: %v", name, ds)
		}
		return s
	}
	x := read("mini.schedule.xml", ReadXML)
	j := read("mini.schedule.json", ReadJSON)
	type sess struct {
		ID, GUID, Title, Room, Track, Type string
		Start, End                         time.Time
		Speakers                           []string
	}
	view := func(s *schedule.Schedule) []sess {
		var out []sess
		for _, ss := range s.Sessions[:2] {
			out = append(out, sess{ss.ID, ss.GUID, ss.Title, ss.Room, ss.TrackName(), ss.Type, ss.Start, ss.End, ss.SpeakerNames()})
		}
		return out
	}
	if diff := cmp.Diff(view(x), view(j), cmp.Comparer(func(a, b time.Time) bool { return a.Equal(b) })); diff != "" {
		t.Errorf("XML and JSON fixtures differ (-xml +json):\n%s", diff)
	}
	if got := x.Sessions[2].Type; got != "panel" {
		t.Errorf("type of %q = %q, want panel", x.Sessions[2].Title, got)
	}
}

func FuzzReadXML(f *testing.F) {
	f.Add([]byte(xmlDoc(berlin, ev("1", "2026-03-27T10:00:00+01:00", "10:00", "0:30"))))
	f.Add([]byte(xmlDoc("", ev("1", "2026-03-27T10:00", "10:00", "01:00:00"))))
	if data, err := os.ReadFile("../../testdata/frab/mini.schedule.xml"); err == nil {
		f.Add(data)
	}
	// Hostile text (issue 13.1): ESC, CR and a bidi override in a room and a title.
	f.Add([]byte("<schedule><conference><acronym>x</acronym><title>X</title><time_zone_name>UTC</time_zone_name></conference><day index=\"1\" date=\"2024-05-01\"><room name=\"\x1b[2K&#13;H\"><event id=\"1\"><start>10:00</start><duration>0:00</duration><title>T\u202egnp</title><persons><person>A</person></persons></event><event id=\"2\"><start>10:00</start><duration>1:00</duration><title>T</title></event></room></day></schedule>"))
	f.Fuzz(func(t *testing.T, data []byte) { fuzzReader(t, ReadXML, data) })
}

func FuzzReadJSON(f *testing.F) {
	f.Add([]byte(jsonDoc(` "time_zone_name": "UTC",`, jev("1", "2026-03-27T10:00:00+01:00", "10:00", "0:30"))))
	if data, err := os.ReadFile("../../testdata/frab/mini.schedule.json"); err == nil {
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) { fuzzReader(t, ReadJSON, data) })
}

// fuzzReader checks a reader never panics, is deterministic, reports every
// problem with a rule of the table and a position, and returns a schedule
// Validate can check.
func fuzzReader(t *testing.T, read func(string, []byte, schedule.LoadOptions) (*schedule.Schedule, []schedule.Diagnostic), data []byte) {
	s1, d1 := read("f", data, schedule.LoadOptions{})
	_, d2 := read("f", data, schedule.LoadOptions{})
	if diff := cmp.Diff(d1, d2); diff != "" {
		t.Fatalf("not deterministic (-first +second):\n%s", diff)
	}
	if s1 == nil && len(d1) == 0 {
		t.Fatal("nil schedule without a diagnostic")
	}
	for _, d := range d1 {
		if _, ok := schedule.LookupRule(d.Rule); !ok || d.Pos.File != "f" || d.Pos.Line < 1 {
			t.Fatalf("diagnostic without a rule or position: %#v", d)
		}
	}
	if s1 != nil {
		schedule.Validate(s1)
		if s1.Location == nil {
			t.Fatal("nil Location")
		}
	}
}

// TestReadWithoutDate: pentabarf-style events without <date> are placed by
// <day date> and <start>, after day_change on the next calendar day; a
// schedule.json "end" gives the end instead of a duration.
func TestReadWithoutDate(t *testing.T) {
	x := `<schedule><version/><conference><title>P</title><time_zone_name>Europe/Berlin</time_zone_name><day_change>04:00</day_change></conference>
<day index="1" date="2026-03-27"><room name="A">
<event id="1"><start>23:30</start><duration>01:00</duration><room>A</room><title>Late</title><track>T</track><type>talk</type><abstract/></event>
<event id="2"><start>01:30</start><duration>00:30</duration><room>A</room><title>Later</title><track>T</track><type>talk</type><abstract/></event>
</room></day></schedule>`
	s, got, ds := findings(t, ReadXML, x, schedule.LoadOptions{})
	if len(got) > 0 {
		t.Errorf("findings: %v", ds)
	}
	berlin, _ := time.LoadLocation("Europe/Berlin")
	want := []time.Time{time.Date(2026, 3, 27, 23, 30, 0, 0, berlin), time.Date(2026, 3, 28, 1, 30, 0, 0, berlin)}
	var starts []time.Time
	for _, ss := range s.Sessions {
		starts = append(starts, ss.Start)
	}
	if diff := cmp.Diff(want, starts); diff != "" {
		t.Errorf("starts (-want +got):\n%s", diff)
	}

	j := jsonDoc(` "time_zone_name": "Europe/Berlin",`, `{"id": 1, "guid": null, "date": "2026-03-27T10:00:00+01:00", "start": "10:00", "end": "2026-03-27T11:15:00+01:00", "room": "A", "title": "E"}`)
	s, got, ds = findings(t, ReadJSON, j, schedule.LoadOptions{})
	if len(got) > 0 {
		t.Errorf("findings: %v", ds)
	}
	if d := s.Sessions[0].Duration(); d != 75*time.Minute {
		t.Errorf("duration from end = %v, want 1h15m", d)
	}
}

// TestReadDST: a <start> without <date> is a wall time on its day, so it
// can fall into a DST gap (an error, the event dropped from the sweeps) or
// a repeat (a warning naming the reading chosen).
func TestReadDST(t *testing.T) {
	x := `<schedule><version/><conference><title>P</title><time_zone_name>Europe/Berlin</time_zone_name></conference>
<day index="1" date="2026-03-29"><room name="A">
<event id="1"><start>02:30</start><duration>00:30</duration><room>A</room><title>Gap</title><type>talk</type><abstract/></event>
</room></day>
<day index="2" date="2026-10-25"><room name="A">
<event id="2"><start>02:30</start><duration>00:30</duration><room>A</room><title>Twice</title><type>talk</type><abstract/></event>
<event id="3"><date>2026-10-25T02:30:00+01:00</date><start>02:30</start><duration>00:30</duration><room>A</room><title>Second</title><type>talk</type><abstract/></event>
</room></day></schedule>`
	s, _, ds := findings(t, ReadXML, x, schedule.LoadOptions{})
	var got []string
	for _, d := range ds {
		got = append(got, fmt.Sprintf("%d %s %s", d.Pos.Line, d.Rule, d.Message))
	}
	want := []string{
		`3 dst-gap event "Gap" (1): 2026-03-29 02:30 does not exist in Europe/Berlin: clocks jump from 02:00 CET to 03:00 CEST`,
		`6 dst-ambiguous event "Twice" (2): 2026-10-25 02:30 occurs twice in Europe/Berlin (clocks go back from 03:00 CEST to 02:00 CET); read as the first occurrence, 02:30 CEST (UTC+02:00), not 02:30 CET (UTC+01:00)`,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("diagnostics (-want +got):\n%s", diff)
	}
	// <date>'s offset picks the second 02:30 (CET), without a warning:
	// <day> and <start> agree with either reading.
	if len(s.Sessions) != 3 || !s.Sessions[2].Start.Equal(time.Date(2026, 10, 25, 1, 30, 0, 0, time.UTC)) {
		t.Errorf("sessions %v; want the third at 01:30Z", s.Sessions)
	}
}

// TestDateMismatchMessage: a date-mismatch finding says which reading wins,
// and, for an event whose <start> is before its day's start (36C3's days
// start at 11:00 and list events at 10:00 on their own date), why <day>
// and <start> give the next calendar day: it names both clocks and where
// the day's start comes from (issue 10.9d).
func TestDateMismatchMessage(t *testing.T) {
	day := func(start string) string {
		return `<schedule><version/><conference><title>T</title><acronym>t</acronym>` + berlin + `</conference>
<day index="1" date="2019-12-27"` + start + `><room name="A">
` + ev("1", "2019-12-27T10:45:00+01:00", "10:45", "00:30") + `
` + ev("2", "2019-12-27T12:00:00+01:00", "12:00", "00:30") + `
` + ev("3", "2019-12-27T13:00:00+01:00", "13:00", "00:30") + `
</room></day></schedule>`
	}
	tests := []struct {
		name, src, want string
	}{
		{"before the day's start", day(` start="2019-12-27T11:00:00+01:00" end="2019-12-28T03:59:00+01:00"`),
			`event "E1" (1): <date>2019-12-27T10:45:00+01:00</date> is 2019-12-27 10:45 CET, but <day date="2019-12-27"> and <start>10:45</start> give 2019-12-28 10:45 CET, the next calendar day, as 10:45 is before the day's start 11:00 (<day start>); using <date>`},
		{"after the day's start", strings.Replace(day(` start="2019-12-27T04:00:00+01:00" end="2019-12-28T03:59:00+01:00"`), "<start>10:45", "<start>11:45", 1),
			`event "E1" (1): <date>2019-12-27T10:45:00+01:00</date> is 2019-12-27 10:45 CET, but <day date="2019-12-27"> and <start>11:45</start> give 2019-12-27 11:45 CET; using <date>`},
		{"before the conference day_change", strings.Replace(day(""), "</acronym>", "</acronym><day_change>11:00</day_change>", 1),
			`event "E1" (1): <date>2019-12-27T10:45:00+01:00</date> is 2019-12-27 10:45 CET, but <day date="2019-12-27"> and <start>10:45</start> give 2019-12-28 10:45 CET, the next calendar day, as 10:45 is before the day's start 11:00 (day_change); using <date>`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, ds := ReadXML("f", []byte(tc.src), schedule.LoadOptions{})
			var got []string
			for _, d := range ds {
				if d.Rule == schedule.RuleDateMismatch {
					got = append(got, d.Message)
				}
			}
			if diff := cmp.Diff([]string{tc.want}, got); diff != "" {
				t.Errorf("date-mismatch messages (-want +got):\n%s\nall: %v", diff, ds)
			}
		})
	}
}
