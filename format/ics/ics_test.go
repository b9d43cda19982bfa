package ics

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	ical "github.com/arran4/golang-ical"
	"github.com/google/go-cmp/cmp"
	"github.com/schedkit/schedkit/schedule"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// fixtures are the schedules every feed test runs on: the bundled example
// and the iCalendar fixtures.
func fixtures(t testing.TB) []string {
	t.Helper()
	files, err := filepath.Glob("../../testdata/ics/*.yaml")
	if err != nil || len(files) == 0 {
		t.Fatalf("no fixtures in ../../testdata/ics: %v", err)
	}
	return append([]string{"../../testdata/qcon-ny-2019.yaml"}, files...)
}

// load reads, normalises and validates a fixture, failing on any error
// diagnostic.
func load(t testing.TB, file string) *schedule.Schedule {
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
		t.Fatalf("%s does not validate: %v", file, diags)
	}
	return s
}

func encode(t testing.TB, s *schedule.Schedule, ss []*schedule.Session, opt Options) []byte {
	t.Helper()
	if opt.Version == "" {
		opt.Version = "test"
	}
	if opt.Stamp.IsZero() {
		opt.Stamp = DefaultStamp(s)
	}
	var buf bytes.Buffer
	if err := Encode(&buf, s, ss, opt); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestGolden compares each fixture's whole feed with testdata/<name>.ics.
// Run with -update to rewrite them, then review the diff.
func TestGolden(t *testing.T) {
	for _, file := range fixtures(t) {
		name := strings.TrimSuffix(filepath.Base(file), ".yaml")
		t.Run(name, func(t *testing.T) {
			s := load(t, file)
			got := encode(t, s, s.Sessions, Options{})
			golden := filepath.Join("testdata", name+".ics")
			if *update {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update)", err)
			}
			if diff := cmp.Diff(string(want), string(got)); diff != "" {
				t.Errorf("feed differs from %s (-want +got):\n%s", golden, diff)
			}
		})
	}
}

// TestLines checks RFC 5545 §3.1 on the bytes of every fixture feed: CRLF
// after every line and nowhere else, no line over 75 octets, no fold inside
// a UTF-8 sequence, no control characters but HTAB, no empty line.
func TestLines(t *testing.T) {
	for _, file := range fixtures(t) {
		s := load(t, file)
		out := encode(t, s, s.Sessions, Options{})
		if !bytes.HasSuffix(out, []byte("END:VCALENDAR\r\n")) {
			t.Errorf("%s: does not end with END:VCALENDAR CRLF", file)
		}
		lines := bytes.Split(bytes.TrimSuffix(out, []byte("\r\n")), []byte("\r\n"))
		for i, l := range lines {
			switch {
			case len(l) == 0:
				t.Errorf("%s:%d: empty line", file, i+1)
			case len(l) > 75:
				t.Errorf("%s:%d: %d octets: %q", file, i+1, len(l), l)
			case !utf8.Valid(l):
				t.Errorf("%s:%d: not UTF-8 by itself (fold inside a sequence?): %q", file, i+1, l)
			case bytes.ContainsFunc(l, func(r rune) bool { return r < ' ' && r != '\t' || r == 0x7f }):
				t.Errorf("%s:%d: control character: %q", file, i+1, l)
			}
		}
	}
}

// TestInstants reads every fixture feed back with golang-ical's parser (not
// the writer) and resolves DTSTART/DTEND itself — UTC for a trailing Z,
// time.LoadLocation for a TZID — and compares them with the schedule's
// instants, session by session.
func TestInstants(t *testing.T) {
	for _, file := range fixtures(t) {
		s := load(t, file)
		out := encode(t, s, s.Sessions, Options{})
		cal, err := ical.ParseCalendar(bytes.NewReader(out))
		if err != nil {
			t.Fatalf("%s: golang-ical cannot parse the feed: %v", file, err)
		}
		type span struct{ Start, End time.Time }
		got := map[string]span{}
		for _, ev := range cal.Events() {
			uid := ev.Id()
			got[uid] = span{
				readTime(t, ev.GetProperty(ical.ComponentPropertyDtStart)),
				readTime(t, ev.GetProperty(ical.ComponentPropertyDtEnd)),
			}
		}
		want := map[string]span{}
		for _, x := range s.Sessions {
			want[UID(s.Conference.ID, x.ID)] = span{x.Start.UTC(), x.End.UTC()}
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("%s: instants read back differ (-want +got):\n%s", file, diff)
		}
	}
}

func readTime(t *testing.T, p *ical.IANAProperty) time.Time {
	t.Helper()
	if p == nil {
		t.Fatal("missing DTSTART or DTEND")
		return time.Time{}
	}
	if strings.HasSuffix(p.Value, "Z") {
		if len(p.ICalParameters["TZID"]) > 0 {
			t.Errorf("TZID on a UTC time: %v", p)
		}
		u, err := time.Parse("20060102T150405Z", p.Value)
		if err != nil {
			t.Fatal(err)
		}
		return u
	}
	tzid := p.ICalParameters["TZID"]
	if len(tzid) != 1 {
		t.Fatalf("local time without one TZID: %v", p)
	}
	loc, err := time.LoadLocation(tzid[0])
	if err != nil {
		t.Fatal(err)
	}
	u, err := time.ParseInLocation("20060102T150405", p.Value, loc)
	if err != nil {
		t.Fatal(err)
	}
	return u.UTC()
}

// TestQConUtopia is the acceptance example.
func TestQConUtopia(t *testing.T) {
	s := load(t, "../../testdata/qcon-ny-2019.yaml")
	out := string(encode(t, s, s.Sessions, Options{}))
	want := "DTSTART;TZID=America/New_York:20190625T103500\r\n" // 14:35Z in EDT
	if !strings.Contains(out, "SUMMARY:Opportunities and Pitfalls of Event-Driven Utopia") || !strings.Contains(out, want) {
		t.Errorf("feed lacks %q:\n%s", want, out)
	}
}

// With --force a schedule may use a session id twice; its events must
// still have distinct UIDs (clients merge events that share one), and the
// same ones in every feed.
func TestDuplicateIDsDistinctUIDs(t *testing.T) {
	loc, _ := time.LoadLocation("Europe/Berlin")
	at := time.Date(2024, 6, 1, 10, 0, 0, 0, loc)
	s := &schedule.Schedule{Conference: schedule.Conference{Name: "D", ID: "d"}, Location: loc}
	for i, title := range []string{"First", "Second", "Third"} {
		s.AddSession(nil, &schedule.Session{ID: "x", Title: title, Room: fmt.Sprint("R", i), Start: at, End: at.Add(time.Hour)})
	}
	s.AddSession(nil, &schedule.Session{ID: "y", Title: "Other", Room: "R9", Start: at, End: at.Add(time.Hour)})
	uids := func(b []byte) []string {
		var out []string
		for _, m := range regexp.MustCompile(`(?m)^UID:(\S+)\r$`).FindAllSubmatch(b, -1) {
			out = append(out, string(m[1]))
		}
		return out
	}
	all := uids(encode(t, s, s.Sessions, Options{}))
	want := []string{UID("d", "x"), UID("d", "x\x002"), UID("d", "x\x003"), UID("d", "y")}
	if diff := cmp.Diff(want, all); diff != "" {
		t.Errorf("UIDs (-want +got):\n%s", diff)
	}
	// A feed of the third session alone gives it the same UID.
	if diff := cmp.Diff([]string{UID("d", "x\x003")}, uids(encode(t, s, s.Sessions[2:3], Options{}))); diff != "" {
		t.Errorf("UID in a one-session feed (-want +got):\n%s", diff)
	}
}

// TestURIValue: a URL is percent-encoded into a URI (RFC 3986), not left out
// of the feed.
func TestURIValue(t *testing.T) {
	tests := []struct{ in, want string }{
		{"https://example.org/a b", "https://example.org/a%20b"},
		{" https://example.org/talk?a=1&b=2;c=3,d ", "https://example.org/talk?a=1&b=2;c=3,d"},
		{"https://example.org/café?q=ü#ä", "https://example.org/caf%C3%A9?q=%C3%BC#%C3%A4"},
		{"https://example.org/a%20b%C3%A9", "https://example.org/a%20b%C3%A9"},
		{"https://example.org/100%", "https://example.org/100%25"},
		{"https://example.org/%zz", "https://example.org/%25zz"},
		{"https://example.org/{a}|\"b\"<c>^`", "https://example.org/%7Ba%7D%7C%22b%22%3Cc%3E%5E%60"},
		{"https://example.org/a\\b", "https://example.org/a%5cb"}, // lower case: see percentHex
		{"https://example.org/a\tb", "https://example.org/a%09b"},
		{"mailto:program@example.org", "mailto:program@example.org"},
		{"/talks/a b", ""},
		{"example.org/a", ""},
		{"", ""},
	}
	for _, tc := range tests {
		if got := uriValue(tc.in); got != tc.want {
			t.Errorf("uriValue(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestParamSafe(t *testing.T) {
	tests := []struct{ in, want string }{
		{"QCon Program Team", "QCon Program Team"},
		{`Programme Team, "Night" Owls; Ltd: it's us`, "Programme Team Night Owls Ltd it’s us"},
		{"a\\b\nc", "a b c"},
		{",;:", ""},
	}
	for _, tc := range tests {
		if got := paramSafe(tc.in); got != tc.want {
			t.Errorf("paramSafe(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestISODuration(t *testing.T) {
	tests := map[time.Duration]string{
		time.Hour: "PT1H", 15 * time.Minute: "PT15M", 90 * time.Minute: "PT1H30M",
		24 * time.Hour: "P1D", 61 * time.Second: "PT1M1S", 0: "PT0S",
	}
	for d, want := range tests {
		if got := isoDuration(d); got != want {
			t.Errorf("isoDuration(%v) = %q, want %q", d, got, want)
		}
	}
}

// TestUID pins the UID scheme: a UID, once published, must never change,
// so a change of the derivation is a bug even if every other test passes.
func TestUID(t *testing.T) {
	got := UID("qconny2019", "event-driven-utopia")
	if want := "0bb7ae5d-fda6-5bd3-89e5-757ba5bb27d3@schedkit"; got != want {
		t.Errorf("UID changed: got %s, want %s", got, want)
	}
	re := regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}@schedkit$`)
	seen := map[string]string{}
	for _, pair := range [][2]string{{"a", "b"}, {"a", "c"}, {"b", "a"}, {"ab", ""}, {"a", "b\x00"}, {"", "ab"}} {
		u := UID(pair[0], pair[1])
		if !re.MatchString(u) {
			t.Errorf("UID%q = %s: not a version 5 UUID", pair, u)
		}
		if prev, dup := seen[u]; dup {
			t.Errorf("UID%q = UID(%s)", pair, prev)
		}
		seen[u] = fmt.Sprint(pair)
	}
}

// TestCalendarProperties checks the feed-level properties and what depends
// on the organizer.
func TestCalendarProperties(t *testing.T) {
	s := load(t, "../../testdata/ics/dst-berlin-2024.yaml") // no organizer
	out := string(encode(t, s, s.Sessions, Options{Name: "Feed; name", Refresh: 30 * time.Minute, Version: "v1.2.3"}))
	for _, want := range []string{
		"PRODID:-//schedkit//schedkit v1.2.3//EN\r\n",
		"NAME:Feed\\; name\r\n", "X-WR-CALNAME:Feed\\; name\r\n",
		"REFRESH-INTERVAL;VALUE=DURATION:PT30M\r\n", "X-PUBLISHED-TTL:PT30M\r\n",
		"X-WR-TIMEZONE:Europe/Berlin\r\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("feed lacks %q", want)
		}
	}
	for _, bad := range []string{"METHOD:", "ORGANIZER", "ATTENDEE", "VALARM"} {
		if strings.Contains(out, bad) {
			t.Errorf("feed without organizer has %s", bad)
		}
	}
	s = load(t, "../../testdata/ics/multiday-newyear.yaml")
	out = unfold(encode(t, s, s.Sessions, Options{}))
	if n, m := strings.Count(out, "\r\nORGANIZER;CN=Programme Team Night Owls Ltd it’s us:mailto:program@example.org\r\n"), strings.Count(out, "BEGIN:VEVENT"); n != m || !strings.Contains(out, "METHOD:PUBLISH\r\n") {
		t.Errorf("want METHOD:PUBLISH and one ORGANIZER per event (%d of %d):\n%s", n, m, out)
	}
}

// unfold undoes RFC 5545 §3.1 folding.
func unfold(b []byte) string { return strings.ReplaceAll(string(b), "\r\n ", "") }

// TestUTCSchedule: a schedule in UTC gets UTC times and no VTIMEZONE.
func TestUTCSchedule(t *testing.T) {
	src := `
conference: {name: U, id: u, timezone: UTC}
tracks:
  - name: T
    date: 2025-01-01
    sessions: [{id: a, title: A, start: "10:00", end: "11:00"}]
`
	s, diags := schedule.Load("u.yaml", []byte(src), schedule.LoadOptions{})
	if s == nil || schedule.HasErrors(diags) {
		t.Fatal(diags)
	}
	out := string(encode(t, s, s.Sessions, Options{}))
	if strings.Contains(out, "VTIMEZONE") || strings.Contains(out, "TZID") || !strings.Contains(out, "DTSTART:20250101T100000Z\r\n") {
		t.Errorf("UTC schedule:\n%s", out)
	}
}

// TestEmptyFeed: a selection of nothing is still a valid calendar.
func TestEmptyFeed(t *testing.T) {
	s := load(t, "../../testdata/qcon-ny-2019.yaml")
	out := string(encode(t, s, nil, Options{}))
	if strings.Contains(out, "VEVENT") || strings.Contains(out, "VTIMEZONE") || !strings.HasPrefix(out, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n") {
		t.Errorf("empty feed:\n%s", out)
	}
}

// TestDeterministic: the same input gives the same bytes.
func TestDeterministic(t *testing.T) {
	for _, file := range fixtures(t) {
		s1, s2 := load(t, file), load(t, file)
		a := encode(t, s1, s1.Sessions, Options{})
		b := encode(t, s2, s2.Sessions, Options{})
		if !bytes.Equal(a, b) {
			t.Errorf("%s: two encodes differ", file)
		}
	}
}

// TestForcedOddities: what only --force lets through still makes a valid
// feed — no untimed event, no DTEND not after DTSTART, never an empty
// SUMMARY.
func TestForcedOddities(t *testing.T) {
	loc, _ := time.LoadLocation("Europe/Berlin")
	at := time.Date(2024, 6, 1, 10, 0, 0, 0, loc)
	s := &schedule.Schedule{Conference: schedule.Conference{Name: "F", ID: "f"}, Location: loc}
	s.AddSession(nil, &schedule.Session{ID: "zero", Title: "Zero", Start: at, End: at})
	s.AddSession(nil, &schedule.Session{ID: "back", Title: "Backwards", Start: at, End: at.Add(-time.Hour)})
	s.AddSession(nil, &schedule.Session{ID: "untimed", Title: "Untimed"})
	s.AddSession(nil, &schedule.Session{ID: "", Title: " \n ", Start: at, End: at.Add(time.Hour)})
	out := unfold(encode(t, s, s.Sessions, Options{}))
	if n := strings.Count(out, "BEGIN:VEVENT"); n != 3 {
		t.Errorf("%d events, want 3 (untimed left out):\n%s", n, out)
	}
	if n := strings.Count(out, "DTEND"); n != 1 {
		t.Errorf("%d DTENDs, want only the one after its DTSTART:\n%s", n, out)
	}
	if !strings.Contains(out, "SUMMARY:(untitled)\r\n") || strings.Contains(out, "SUMMARY:\r\n") {
		t.Errorf("empty title not replaced:\n%s", out)
	}
}

// TestEvents: Events describes each session as the feed's VEVENT does (the
// timetable page builds its .ics of starred sessions from it): same UID,
// also for a repeated id, same times and texts, for every fixture and for
// sessions only --force lets through.
func TestEvents(t *testing.T) {
	loc, _ := time.LoadLocation("Europe/Berlin")
	at := time.Date(2024, 6, 1, 10, 0, 0, 0, loc)
	forced := &schedule.Schedule{Conference: schedule.Conference{Name: "F", ID: "f"}, Location: loc}
	forced.AddSession(nil, &schedule.Session{ID: "x", Title: "First", Room: "R", Start: at, End: at.Add(time.Hour)})
	forced.AddSession(nil, &schedule.Session{ID: "x", Title: "Again", Type: "break", Start: at, End: at})
	forced.AddSession(nil, &schedule.Session{ID: "untimed", Title: "Untimed"})
	scheds := []*schedule.Schedule{forced}
	for _, file := range fixtures(t) {
		scheds = append(scheds, load(t, file))
	}
	for _, s := range scheds {
		t.Run(s.Conference.ID, func(t *testing.T) {
			cal, err := Calendar(s, s.Sessions, Options{Version: "test"})
			if err != nil {
				t.Fatal(err)
			}
			// What the feed says, by UID, in the fields Event has.
			value := func(ev *ical.VEvent, p ical.ComponentProperty) string {
				if prop := ev.GetProperty(p); prop != nil {
					return prop.Value
				}
				return ""
			}
			feed := map[string][]string{}
			for _, ev := range cal.Events() {
				var cats []string
				for _, c := range ev.Components {
					if l, ok := c.(categoriesLine); ok {
						cats = append(cats, l...)
					}
				}
				feed[ev.Id()] = []string{value(ev, ical.ComponentPropertySummary), value(ev, ical.ComponentPropertyLocation),
					value(ev, ical.ComponentPropertyDescription), value(ev, ical.ComponentPropertyUrl),
					strings.Join(cats, "\x00"), value(ev, ical.ComponentPropertyStatus), value(ev, ical.ComponentPropertyTransp)}
			}
			got := map[string][]string{}
			for _, e := range Events(s) {
				transp := ""
				if e.Transparent {
					transp = "TRANSPARENT"
				}
				got[e.UID] = []string{e.Summary, e.Location, e.Description,
					e.URL, strings.Join(e.Categories, "\x00"), e.Status, transp}
			}
			if diff := cmp.Diff(feed, got); diff != "" {
				t.Errorf("Events differ from the feed's VEVENTs (-feed +Events):\n%s", diff)
			}
		})
	}
}
