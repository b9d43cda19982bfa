package ics

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"

	"github.com/schedkit/schedkit/format/page"
	"github.com/schedkit/schedkit/format/yamlout"
	"github.com/schedkit/schedkit/internal/testutil"
	"github.com/schedkit/schedkit/schedule"
)

// sess is the part of a session the tests compare.
type sess struct {
	ID, Track, Title, Type, Status, Room string
	Start, End                           string // "2006-01-02 15:04 MST"
	Tags                                 []string
	Abstract, URL                        string
}

const stamp = "2006-01-02 15:04 MST"

func project(s *schedule.Schedule) []sess {
	var out []sess
	for _, x := range s.Sessions {
		p := sess{ID: x.ID, Track: x.TrackName(), Title: x.Title, Type: x.Type, Status: x.Status, Room: x.Room,
			Tags: x.Tags, Abstract: x.Abstract, URL: x.URL}
		if x.Timed() {
			p.Start, p.End = x.Start.Format(stamp), x.End.Format(stamp)
		}
		out = append(out, p)
	}
	return out
}

// diagKeys returns "line rule" for each diagnostic, sorted.
func diagKeys(ds []schedule.Diagnostic) []string {
	out := []string{}
	for _, d := range (schedule.Severities{}).Apply(ds) {
		out = append(out, fmt.Sprintf("%d %s", d.Pos.Line, d.Rule))
	}
	return out
}

func read(t *testing.T, path string, opt schedule.LoadOptions) (*schedule.Schedule, []schedule.Diagnostic) {
	t.Helper()
	return testutil.ReadFile(t, path, Read, opt)
}

func TestRead_Files(t *testing.T) {
	dir := filepath.Join(testutil.Root(), "testdata", "ics-in")
	tests := []struct {
		file      string
		opt       schedule.LoadOptions
		want      []sess
		wantZone  string
		wantDiags []string
	}{{
		// X-WR-TIMEZONE with a VTIMEZONE, TEXT escapes, folding, two
		// CATEGORIES lines, DURATION, a UTC time, TRANSP, STATUS, an
		// all-day event, a VALARM whose DESCRIPTION is not the event's.
		file:     "conf.ics",
		wantZone: "Europe/Berlin",
		want: []sess{
			{ID: "talk-1@example.org", Track: "Backend", Title: "Caching, Queues ; More", Type: "talk", Status: "confirmed", Room: "Hall A",
				Start: "2026-06-15 09:00 CEST", End: "2026-06-15 09:45 CEST", Tags: []string{"caching"},
				Abstract: "First paragraph with a backslash \\ and a long line that is folded here.\n\nSecond paragraph.", URL: "https://example.org/talk-1"},
			{ID: "talk-2@example.org", Track: "Frontend", Title: "Über Café-Kultur", Type: "talk", Status: "tentative", Room: "Hall B",
				Start: "2026-06-15 10:00 CEST", End: "2026-06-15 11:30 CEST", Tags: []string{"css"}},
			{ID: "break-1@example.org", Track: "Foyer", Title: "Lunch", Type: "break", Status: "confirmed", Room: "Foyer",
				Start: "2026-06-15 12:00 CEST", End: "2026-06-15 13:00 CEST"},
			{ID: "cancelled-1@example.org", Track: "Backend", Title: "Withdrawn Talk", Type: "talk", Status: "cancelled", Room: "Hall A",
				Start: "2026-06-15 14:00 CEST", End: "2026-06-15 14:45 CEST"},
			{ID: "day-1@example.org", Track: "Example Summit 2026", Title: "Workshop Day", Type: "other", Status: "confirmed",
				Start: "2026-06-16 00:00 CEST", End: "2026-06-17 00:00 CEST"},
		},
		// The all-day event is longer than the default max_duration.
		wantDiags: []string{"71 duration-max"},
	}, {
		// No X-WR-TIMEZONE, no VTIMEZONE: the events' shared TZID is the
		// zone. Duplicate UID, zero-length and backwards events, a DST gap,
		// a bad DTSTART, an RRULE, a stray line, a missing UID.
		file:     "problems.ics",
		wantZone: "America/New_York",
		want: []sess{
			{ID: "a@example.org", Track: "Room 1", Title: "First", Type: "talk", Status: "confirmed", Room: "Room 1",
				Start: "2026-03-10 10:00 EDT", End: "2026-03-10 11:00 EDT"},
			{ID: "a@example.org", Track: "Room 1", Title: "Same UID", Type: "talk", Status: "confirmed", Room: "Room 1",
				Start: "2026-03-10 12:00 EDT", End: "2026-03-10 13:00 EDT"},
			{ID: "zero@example.org", Track: "Room 2", Title: "Zero Length", Type: "talk", Status: "confirmed", Room: "Room 2",
				Start: "2026-03-10 14:00 EDT", End: "2026-03-10 14:00 EDT"},
			{ID: "backwards@example.org", Track: "Room 2", Title: "Backwards", Type: "talk", Status: "confirmed", Room: "Room 2",
				Start: "2026-03-10 16:00 EDT", End: "2026-03-10 15:00 EDT"},
			{ID: "gap@example.org", Track: "Room 3", Title: "In the Gap", Type: "talk", Status: "confirmed", Room: "Room 3"},
			{ID: "bad@example.org", Track: "Room 3", Title: "Bad Start", Type: "talk", Status: "confirmed", Room: "Room 3"},
			{ID: "weekly@example.org", Track: "Room 4", Title: "Weekly", Type: "talk", Status: "confirmed", Room: "Room 4",
				Start: "2026-03-11 09:00 EDT", End: "2026-03-11 09:45 EDT"},
			{ID: "room-4-no-uid", Track: "Room 4", Title: "No UID", Type: "talk", Status: "confirmed", Room: "Room 4",
				Start: "2026-03-11 10:00 EDT", End: "2026-03-11 10:30 EDT"},
		},
		wantDiags: []string{
			"12 duplicate-id",     // the second UID:a@example.org
			"21 end-before-start", // DTEND = DTSTART
			"28 end-before-start", // DTEND < DTSTART
			"34 dst-gap",          // 02:30 on 2026-03-08 does not exist
			"41 bad-value",        // DTSTART is not a DATE-TIME
			"49 bad-value",        // RRULE is not expanded
			"53 syntax",           // not a content line
			"54 implicit-id",      // VEVENT without UID
		},
	}, {
		// A fold inside a multi-byte character, raw CRs in a value, LF
		// line endings, a vendor-prefixed TZID without VTIMEZONE, and
		// --timezone agreeing with it.
		file:     "folded-utf8.ics",
		opt:      schedule.LoadOptions{Timezone: "Europe/Paris"},
		wantZone: "Europe/Paris",
		want: []sess{
			{ID: "folded@example.org", Track: "Amphithéâtre 1600", Title: "Numérique : enjeux géopolitiques et chaînes de dépendance", Type: "talk",
				Status: "confirmed", Room: "Amphithéâtre 1600", Start: "2022-05-17 14:00 CEST", End: "2022-05-17 16:00 CEST",
				Abstract: "L’ensemble de son « territoire numérique ».\nDeuxième ligne."},
		},
		wantDiags: []string{},
	}, {
		// Only UTC times: the zone comes from --timezone.
		file:     "utc-only.ics",
		opt:      schedule.LoadOptions{Timezone: "Asia/Tokyo"},
		wantZone: "Asia/Tokyo",
		want: []sess{
			{ID: "u1@example.org", Track: "utc-only", Title: "UTC Only", Type: "talk", Status: "confirmed",
				Start: "2026-06-15 16:00 JST", End: "2026-06-15 17:00 JST"},
		},
		wantDiags: []string{},
	}}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			s, ds := read(t, filepath.Join(dir, tt.file), tt.opt)
			if diff := cmp.Diff(tt.want, project(s)); diff != "" {
				t.Errorf("sessions (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.wantDiags, diagKeys(ds)); diff != "" {
				t.Errorf("diagnostics (-want +got):\n%s\n%v", diff, ds)
			}
			if s.Conference.TimeZone != tt.wantZone {
				t.Errorf("zone %q, want %q", s.Conference.TimeZone, tt.wantZone)
			}
		})
	}
}

func TestRead_Zone(t *testing.T) {
	n := 0
	ev := func(dt string) string {
		n++
		return fmt.Sprintf("BEGIN:VEVENT\r\nUID:e%d\r\nDTSTART", n) + dt + "\r\nDURATION:PT1H\r\nSUMMARY:x\r\nEND:VEVENT\r\n"
	}
	cal := func(head string, events ...string) []byte {
		return []byte("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n" + head + strings.Join(events, "") + "END:VCALENDAR\r\n")
	}
	// A zone only a VTIMEZONE defines, at lines 3-10.
	myZone := "BEGIN:VTIMEZONE\r\nTZID:MyZone\r\nBEGIN:STANDARD\r\nDTSTART:19701025T030000\r\n" +
		"TZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n"
	tests := []struct {
		name      string
		data      []byte
		tz        string
		wantZone  string   // "": no schedule
		wantStart string   // of the first session, when set
		want      []string // "line rule: message words"
	}{
		{"X-WR-TIMEZONE wins over TZID", cal("X-WR-TIMEZONE:Europe/Paris\r\n", ev(";TZID=Europe/Berlin:20260615T090000")), "", "Europe/Paris", "", nil},
		{"shared TZID", cal("", ev(";TZID=Europe/Berlin:20260615T090000")), "", "Europe/Berlin", "", nil},
		{"--timezone contradicts", cal("", ev(";TZID=Europe/Berlin:20260615T090000")), "Asia/Tokyo", "Europe/Berlin", "",
			[]string{"5 zone-mismatch: using Europe/Berlin"}},
		// No zone: no schedule, rather than one in a made-up UTC.
		{"no zone at all", cal("", ev(":20260615T090000")), "", "", "", []string{"1 required: the calendar names no time zone"}},
		{"several TZIDs", cal("", ev(";TZID=Europe/Berlin:20260615T090000"), ev(";TZID=Europe/Berlin:20260615T100000"), ev(";TZID=Europe/London:20260615T090000")),
			"", "Europe/Berlin", "", []string{"5 zone-mismatch: several TZIDs", "17 track-overlap"}},
		{"TZID on a UTC time", cal("", ev(";TZID=Europe/Berlin:20260615T090000Z")), "UTC", "UTC", "",
			[]string{"5 zone-mismatch: read as UTC"}},
		{"Windows TZID", cal("", ev(";TZID=W. Europe Standard Time:20260615T090000")), "", "Europe/Berlin", "", nil},
		{"quoted vendor TZID", cal("", ev(";TZID=\"/citadel.org/20250101_1/America/Chicago\":20260615T090000")), "", "America/Chicago", "", nil},
		// A TZID that is neither IANA nor Windows: --timezone says what it
		// stands for; without it the schedule cannot be read.
		{"VTIMEZONE-only TZID", cal(myZone, ev(";TZID=MyZone:20260615T090000")), "", "", "",
			[]string{`13 required: TZID "MyZone" is not an IANA or Windows time zone name, and its VTIMEZONE (line 3) is not interpreted: pass --timezone with the IANA zone MyZone stands for`}},
		{"VTIMEZONE-only TZID and --timezone", cal(myZone, ev(";TZID=MyZone:20260615T090000")), "Europe/Berlin", "Europe/Berlin", "2026-06-15 09:00 CEST",
			[]string{`13 zone-mismatch: DTSTART: TZID "MyZone" is not an IANA or Windows time zone name, and its VTIMEZONE (line 3) is not interpreted; its times are read in --timezone Europe/Berlin`}},
		{"VTIMEZONE-only TZID, X-WR-TIMEZONE", cal("X-WR-TIMEZONE:Europe/Berlin\r\n"+myZone, ev(";TZID=MyZone:20260615T090000")), "", "", "",
			[]string{"14 required: pass --timezone"}},
		{"VTIMEZONE-only TZID beside an IANA one", cal(myZone, ev(";TZID=MyZone:20260615T090000"), ev(";TZID=Asia/Tokyo:20260615T100000")), "Europe/Berlin", "Asia/Tokyo", "2026-06-15 16:00 JST",
			[]string{"13 zone-mismatch: read in --timezone Europe/Berlin", "19 zone-mismatch: contradicts the file's TZID Asia/Tokyo"}},
		{"undeclared unknown TZID", cal("", ev(";TZID=Mitteleuropäische Zeit:20260615T090000")), "UTC", "UTC", "2026-06-15 09:00 UTC",
			[]string{"5 zone-mismatch: no VTIMEZONE defines it"}},
		{"bad X-WR-TIMEZONE", cal("X-WR-TIMEZONE:Mars/Base\r\n", ev(":20260615T090000Z")), "UTC", "UTC", "",
			[]string{"3 bad-value: Mars/Base"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, ds := Read("z.ics", tt.data, schedule.LoadOptions{Timezone: tt.tz})
			if (s == nil) != (tt.wantZone == "") {
				t.Fatalf("schedule %v, want one in zone %q; %v", s, tt.wantZone, ds)
			}
			if s != nil {
				ds = append(ds, schedule.Validate(s)...)
				if s.Conference.TimeZone != tt.wantZone {
					t.Errorf("zone %q, want %q", s.Conference.TimeZone, tt.wantZone)
				}
				if got := s.Sessions[0].Start.Format(stamp); tt.wantStart != "" && got != tt.wantStart {
					t.Errorf("start %s, want %s", got, tt.wantStart)
				}
			}
			checkDiags(t, ds, tt.want)
		})
	}
}

// TestRead_Overrides: a RECURRENCE-ID override of the event's DTSTART
// replaces the event (RFC 5545 §3.8.4.4), as calendar clients show only the
// override; an override of an instance the event does not have (its RRULE
// is not expanded) stays a session of its own.
func TestRead_Overrides(t *testing.T) {
	ev := func(lines ...string) string {
		return "BEGIN:VEVENT\r\n" + strings.Join(lines, "\r\n") + "\r\nEND:VEVENT\r\n"
	}
	cal := func(events ...string) []byte {
		return []byte("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nX-WR-TIMEZONE:Europe/Berlin\r\n" + strings.Join(events, "") + "END:VCALENDAR\r\n")
	}
	master := ev("UID:r1", "DTSTART;TZID=Europe/Berlin:20260615T100000", "DURATION:PT1H", "SUMMARY:Talk", "LOCATION:A")
	moved := ev("UID:r1", "RECURRENCE-ID;TZID=Europe/Berlin:20260615T100000", "DTSTART;TZID=Europe/Berlin:20260615T120000",
		"DURATION:PT1H", "SUMMARY:Talk (moved)", "LOCATION:A")
	s1 := func(id, title, start, end string) sess {
		return sess{ID: id, Track: "A", Title: title, Type: "talk", Status: "confirmed", Room: "A", Start: start, End: end}
	}
	tests := []struct {
		name  string
		data  []byte
		want  []sess
		diags []string
	}{
		{"override replaces its master", cal(master, moved),
			[]sess{s1("r1", "Talk (moved)", "2026-06-15 12:00 CEST", "2026-06-15 13:00 CEST")}, []string{}},
		{"override before its master", cal(moved, master),
			[]sess{s1("r1", "Talk (moved)", "2026-06-15 12:00 CEST", "2026-06-15 13:00 CEST")}, []string{}},
		{"RECURRENCE-ID in UTC", cal(master, ev("UID:r1", "RECURRENCE-ID:20260615T080000Z", "DTSTART;TZID=Europe/Berlin:20260615T140000",
			"DURATION:PT30M", "SUMMARY:Later", "LOCATION:A")),
			[]sess{s1("r1", "Later", "2026-06-15 14:00 CEST", "2026-06-15 14:30 CEST")}, []string{}},
		{"override of an instance the master has not", cal(
			ev("UID:r1", "DTSTART;TZID=Europe/Berlin:20260615T100000", "DURATION:PT1H", "RRULE:FREQ=DAILY;COUNT=2", "SUMMARY:Talk", "LOCATION:A"),
			ev("UID:r1", "RECURRENCE-ID;TZID=Europe/Berlin:20260616T100000", "DTSTART;TZID=Europe/Berlin:20260616T120000", "DURATION:PT1H",
				"SUMMARY:Day two", "LOCATION:A")),
			[]sess{s1("r1", "Talk", "2026-06-15 10:00 CEST", "2026-06-15 11:00 CEST"),
				s1("r1-20260616T100000", "Day two", "2026-06-16 12:00 CEST", "2026-06-16 13:00 CEST")},
			[]string{"8 bad-value"}}, // the RRULE
		{"override without a master", cal(moved),
			[]sess{s1("r1-20260615T100000", "Talk (moved)", "2026-06-15 12:00 CEST", "2026-06-15 13:00 CEST")}, []string{}},
		{"two overrides of one instance", cal(master, moved, strings.Replace(moved, "120000", "150000", 1)),
			[]sess{s1("r1", "Talk (moved)", "2026-06-15 12:00 CEST", "2026-06-15 13:00 CEST"),
				s1("r1", "Talk (moved)", "2026-06-15 15:00 CEST", "2026-06-15 16:00 CEST")},
			[]string{"20 duplicate-id"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, ds := Read("o.ics", tt.data, schedule.LoadOptions{})
			if diff := cmp.Diff(tt.want, project(s)); diff != "" {
				t.Errorf("sessions (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.diags, diagKeys(append(ds, schedule.Validate(s)...))); diff != "" {
				t.Errorf("diagnostics (-want +got):\n%s\n%v", diff, ds)
			}
		})
	}
}

// checkDiags compares diagnostics with "line rule: message words" lines.
func checkDiags(t *testing.T, ds []schedule.Diagnostic, want []string) {
	t.Helper()
	ds = (schedule.Severities{}).Apply(ds)
	var got, wantKeys []string
	for i, d := range ds {
		key := fmt.Sprintf("%d %s", d.Pos.Line, d.Rule)
		got = append(got, key)
		if i < len(want) {
			k, words, _ := strings.Cut(want[i], ": ")
			if k == key && !strings.Contains(d.Message, words) {
				t.Errorf("message %q does not mention %q", d.Message, words)
			}
		}
	}
	for _, w := range want {
		k, _, _ := strings.Cut(w, ": ")
		wantKeys = append(wantKeys, k)
	}
	if diff := cmp.Diff(wantKeys, got); diff != "" {
		t.Errorf("diagnostics (-want +got):\n%s\n%v", diff, ds)
	}
}

func TestRead_Syntax(t *testing.T) {
	tests := []struct {
		name string
		data string
		nil  bool
		want []string
	}{
		{"empty", "", true, []string{"1 syntax: no BEGIN:VCALENDAR"}},
		{"not ics", "hello: world\n", true, []string{"1 syntax: outside", "1 syntax: no BEGIN:VCALENDAR"}},
		{"binary", "BEGIN:VCALENDAR\n\x00", true, []string{"2 syntax: NUL"}},
		{"continuation first", " x\nBEGIN:VCALENDAR\nEND:VCALENDAR\n", false, []string{"1 syntax: continuation"}},
		{"no END", "BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:x\n", false, []string{"1 syntax: no END:VCALENDAR", "2 required: DTSTART", "2 required: SUMMARY", "2 syntax: no END:VEVENT"}},
		{"mismatched END", "BEGIN:VCALENDAR\nBEGIN:VEVENT\nEND:VTODO\nEND:VEVENT\nEND:VCALENDAR\n", false, []string{"2 implicit-id", "2 required: DTSTART", "2 required: SUMMARY", "3 syntax: does not match"}},
		{"invalid UTF-8", "BEGIN:VCALENDAR\nBEGIN:VEVENT\nSUMMARY:caf\xe9\nDTSTART:20260101T100000Z\nEND:VEVENT\nEND:VCALENDAR\n", false,
			[]string{"2 implicit-id", "3 syntax: invalid UTF-8"}},
		{"bad parameter", "BEGIN:VCALENDAR\nSUMMARY;X:y\nEND:VCALENDAR\n", false, []string{"2 syntax: malformed parameter"}},
		{"unterminated quote", "BEGIN:VCALENDAR\nSUMMARY;X=\"y:z\nEND:VCALENDAR\n", false, []string{"2 syntax: unterminated"}},
		{"bad DURATION", "BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:x\nSUMMARY:x\nDTSTART:20260101T100000Z\nDURATION:1 hour\nEND:VEVENT\nEND:VCALENDAR\n", false,
			[]string{"6 bad-value: PT50M"}},
		{"DTEND and DURATION disagree", "BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:x\nSUMMARY:x\nDTSTART:20260101T100000Z\nDTEND:20260101T110000Z\nDURATION:PT30M\nEND:VEVENT\nEND:VCALENDAR\n", false,
			[]string{"7 duration-mismatch: disagree"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, ds := Read("s.ics", []byte(tt.data), schedule.LoadOptions{Timezone: "UTC"})
			if (s == nil) != tt.nil {
				t.Errorf("schedule nil = %v, want %v", s == nil, tt.nil)
			}
			checkDiags(t, ds, tt.want)
		})
	}
}

func TestParseDuration(t *testing.T) {
	tests := []struct {
		in   string
		days int
		d    time.Duration
		ok   bool
	}{
		{"PT50M", 0, 50 * time.Minute, true},
		{"PT1H30M", 0, 90 * time.Minute, true},
		{"+PT15S", 0, 15 * time.Second, true},
		{"P1D", 1, 0, true},
		{"P1DT2H", 1, 2 * time.Hour, true},
		{"P2W", 14, 0, true},
		{"-PT1H", 0, 0, false},
		{"P", 0, 0, false},
		{"PT", 0, 0, false},
		{"PT1.5H", 0, 0, false},
		{"1h", 0, 0, false},
	}
	for _, tt := range tests {
		days, d, ok := parseDuration(tt.in)
		if days != tt.days || d != tt.d || ok != tt.ok {
			t.Errorf("parseDuration(%q) = %d, %v, %v; want %d, %v, %v", tt.in, days, d, ok, tt.days, tt.d, tt.ok)
		}
	}
}

// TestRealDataJRES reads a real hand-rolled feed: 120 events, no
// VTIMEZONE, a fold inside a UTF-8 sequence, one zero-length event.
func TestRealDataJRES(t *testing.T) {
	path := testutil.Shared(t, "realdata/jres-2022.ics")
	s, ds := read(t, path, schedule.LoadOptions{})
	if len(s.Sessions) != 120 {
		t.Errorf("%d sessions, want 120", len(s.Sessions))
	}
	if s.Conference.TimeZone != "Europe/Paris" || s.Conference.Name != "JRES 2021/22" {
		t.Errorf("conference %q in %q, want JRES 2021/22 in Europe/Paris", s.Conference.Name, s.Conference.TimeZone)
	}
	// The one finding is the zero-length event, at its DTEND line.
	checkDiags(t, ds, []string{"2318 end-before-start: Portail invités EDUSPOT"})
	byID := map[string]*schedule.Session{}
	for _, x := range s.Sessions {
		byID[x.ID] = x
		for _, txt := range []string{x.Title, x.Abstract, x.Room} {
			if !utf8.ValidString(txt) || strings.ContainsRune(txt, utf8.RuneError) {
				t.Errorf("%s: broken text %.60q", x.ID, txt)
			}
		}
	}
	x := byID["presentation_129@conf-ng.jres.org"]
	if x == nil {
		t.Fatal("presentation_129 missing")
	}
	want := sess{ID: "presentation_129@conf-ng.jres.org", Track: "Amphithéâtre 1600",
		Title: "182 - Numérique : Enjeux géopolitiques, externalités environnementales et chaînes de dépendance",
		Type:  "talk", Status: "confirmed", Room: "Amphithéâtre 1600", Start: "2022-05-17 14:00 CEST", End: "2022-05-17 16:00 CEST"}
	got := project(&schedule.Schedule{Sessions: []*schedule.Session{x}})[0]
	if !strings.HasPrefix(got.Abstract, "Les interdépendances du monde numérique commencent par les territoires, leurs richesses, leur géographie, leur histoire…\nEt, aujourd'hui") {
		t.Errorf("abstract starts %.120q", got.Abstract)
	}
	got.Abstract, got.Tags = "", nil
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	// The fold at lines 1600-1601 splits the bytes of "’" (E2 | 80 99).
	if a := byID["presentation_209@conf-ng.jres.org"].Abstract; !strings.Contains(a, "différents systèmes d’exploitation") {
		t.Errorf("presentation_209: the character split by the fold is not rebuilt: %.200q", a)
	}
}

// TestRoundTrip exports fixtures with `export ics` and reads them back: the
// same sessions at the same instants, with the same titles, speakers and
// abstracts. nasty-text.yaml has a speaker whose name holds a comma and a
// title with a backslash before n, which the writer separates with U+2060.
func TestRoundTrip(t *testing.T) {
	for _, tt := range []struct {
		file string
		min  int // sessions at least
	}{
		{"qcon-ny-2019.yaml", 6},
		{"ics/nasty-text.yaml", 3},
		{"ics/dst-berlin-2024.yaml", 3},
		{"ics/multiday-newyear.yaml", 3},
		{"ics/quoted-titles.yaml", 4},
	} {
		t.Run(tt.file, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join(testutil.Root(), "testdata", tt.file))
			if err != nil {
				t.Fatal(err)
			}
			orig, ds := schedule.Load(tt.file, data, schedule.LoadOptions{})
			if schedule.HasErrors(ds) {
				t.Fatalf("fixture does not load: %v", ds)
			}
			roundTrip(t, orig, tt.min)
		})
	}
}

// TestRealDataPageRoundTrip does the same with the seed program page as
// the text reader reads it.
func TestRealDataPageRoundTrip(t *testing.T) {
	data, err := os.ReadFile(testutil.Shared(t, "seeds/000_d73fbc81075b8f7a.txt"))
	if err != nil {
		t.Fatal(err)
	}
	orig, ds := page.Read("seed.txt", data, schedule.LoadOptions{Timezone: "America/New_York"})
	if orig == nil || schedule.HasErrors(ds) {
		t.Fatalf("seed does not read: %v", ds)
	}
	roundTrip(t, orig, 6)
}

// roundTrip compares what the reader makes of the feed of orig with orig,
// whose texts are cleaned as the writer cleans them (Text: no
// control characters, no trailing white space, HTML abstracts as text).
func roundTrip(t *testing.T, orig *schedule.Schedule, min int) {
	t.Helper()
	var buf bytes.Buffer
	if err := Encode(&buf, orig, orig.Sessions, Options{Stamp: DefaultStamp(orig)}); err != nil {
		t.Fatal(err)
	}
	back, ds := Read("feed.ics", buf.Bytes(), schedule.LoadOptions{})
	if ds = (schedule.Severities{}).Apply(append(ds, schedule.Validate(back)...)); len(ds) != 0 {
		t.Errorf("reading the export back: %v", ds)
	}
	type rt struct {
		UID, Title, Subtitle, Track, Room, Type, Status, Abstract, URL string
		Start, End                                                     time.Time
		Speakers                                                       []schedule.Person
		Tags                                                           []string
	}
	proj := func(s *schedule.Schedule, uid func(*schedule.Session) string) []rt {
		ss := slices.Clone(s.Sessions)
		schedule.SortSessions(ss)
		var out []rt
		for _, x := range ss {
			typ := x.Type
			if typ != "break" {
				typ = "talk" // a feed keeps breaks (TRANSP) but no other type
			}
			var speakers []schedule.Person
			for _, p := range x.Speakers {
				speakers = append(speakers, schedule.Person{Name: p.Name, Affiliation: p.Affiliation})
			}
			out = append(out, rt{UID: uid(x), Title: x.Title, Subtitle: x.Subtitle, Track: x.TrackName(), Room: x.Room, Type: typ,
				Status: x.Status, Abstract: x.Abstract, URL: x.URL, Start: x.Start, End: x.End,
				Speakers: speakers, Tags: append([]string{}, x.Tags...)})
		}
		return out
	}
	want := proj(orig, func(x *schedule.Session) string { return sessionUID(orig, x, 0) })
	for i := range want {
		want[i].Abstract = Text(PlainText(want[i].Abstract))
	}
	got := proj(back, func(x *schedule.Session) string { return x.ID })
	if len(want) < min || !slices.ContainsFunc(want, func(x rt) bool { return len(x.Speakers) > 0 }) {
		t.Fatalf("the input lost sessions or speakers: %+v", want)
	}
	// Instants compare with Equal (the zones are distinct *time.Location values).
	if diff := cmp.Diff(want, got, cmp.Comparer(func(a, b time.Time) bool { return a.Equal(b) })); diff != "" {
		t.Errorf("round trip (-want +got):\n%s", diff)
	}
	if back.Conference.TimeZone != orig.Conference.TimeZone {
		t.Errorf("zone %q, want %q", back.Conference.TimeZone, orig.Conference.TimeZone)
	}
}

// TestRealDataUIDsKept: a feed imported (read, written as schedkit YAML,
// loaded again) and exported as a feed has every UID it had, so that
// taking over a feed does not give subscribers every event twice.
func TestRealDataUIDsKept(t *testing.T) {
	data, err := os.ReadFile(testutil.Shared(t, "realdata/jres-2022.ics"))
	if err != nil {
		t.Fatal(err)
	}
	src, ds := Read("jres-2022.ics", data, schedule.LoadOptions{})
	if src == nil {
		t.Fatalf("jres-2022.ics does not read: %v", ds)
	}
	var y bytes.Buffer
	if err := yamlout.Write(&y, src); err != nil {
		t.Fatal(err)
	}
	imported, ds := schedule.Load("jres.yaml", y.Bytes(), schedule.LoadOptions{})
	if imported == nil {
		t.Fatalf("the import does not load: %v", ds)
	}
	schedule.Normalize(imported)
	var feed bytes.Buffer
	if err := Encode(&feed, imported, imported.Sessions, Options{Stamp: DefaultStamp(imported)}); err != nil {
		t.Fatal(err)
	}
	uids := func(b []byte) []string {
		var out []string
		for _, l := range strings.Split(string(b), "\r\n") {
			if u, ok := strings.CutPrefix(l, "UID:"); ok {
				out = append(out, u)
			}
		}
		slices.Sort(out)
		return out
	}
	want := uids(bytes.ReplaceAll(data, []byte("\r\n "), nil))
	got := uids(feed.Bytes())
	if len(want) != 120 {
		t.Fatalf("jres-2022.ics has %d UIDs, want 120", len(want))
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("UIDs (-source +export):\n%s", diff)
	}
}

func FuzzRead(f *testing.F) {
	entries, _ := os.ReadDir(filepath.Join(testutil.Root(), "testdata", "ics-in"))
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join(testutil.Root(), "testdata", "ics-in", e.Name()))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte("BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:20260101\nDURATION:P1W\nRRULE:FREQ=DAILY\nEND:VEVENT\nEND:VCALENDAR"))
	// Hostile text (issue 13): an abstract imitating the speakers'
	// paragraph, marked and unmarked, control characters in a room.
	f.Add([]byte("BEGIN:VCALENDAR\nX-WR-TIMEZONE:UTC\nBEGIN:VEVENT\nUID:a\nDTSTART:20260101T100000Z\nDTEND:20260101T110000Z\nLOCATION:\x1b[2K\x1b[1A\rHall\u202e\nDESCRIPTION:\u2060Speakers:\\nFake One\\n\\nSpeaker: James (purpleidea)\u2060\nEND:VEVENT\nEND:VCALENDAR"))
	f.Fuzz(func(t *testing.T, data []byte) {
		s, ds := Read("f.ics", data, schedule.LoadOptions{Timezone: "Europe/Berlin"})
		if _, ds2 := Read("f.ics", data, schedule.LoadOptions{Timezone: "Europe/Berlin"}); fmt.Sprint(ds) != fmt.Sprint(ds2) {
			t.Errorf("nondeterministic diagnostics:\n%v\n%v", ds, ds2)
		}
		lines := bytes.Count(data, []byte("\n")) + 1
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
		for _, x := range s.Sessions {
			if x.ID == "" || strings.ContainsAny(x.ID, " /\\\t\n") {
				t.Errorf("bad id %q", x.ID)
			}
			for _, txt := range []string{x.Title, x.Abstract, x.Room} {
				if !utf8.ValidString(txt) {
					t.Errorf("invalid UTF-8 in %q", txt)
				}
			}
		}
		schedule.Validate(s)
	})
}

// BenchmarkRead reads a synthetic feed of 5000 events.
func BenchmarkRead(b *testing.B) {
	var sb strings.Builder
	sb.WriteString("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nX-WR-TIMEZONE:Europe/Paris\r\n")
	for i := range 5000 {
		fmt.Fprintf(&sb, "BEGIN:VEVENT\r\nUID:e%d@example.org\r\nDTSTART;TZID=Europe/Paris:202605%02dT%02d0000\r\nDURATION:PT45M\r\n", i, 1+i%28, 8+i%10)
		fmt.Fprintf(&sb, "SUMMARY:Événement numéro %d\\, avec une virgule\r\nLOCATION:Salle %d\r\nCATEGORIES:Piste %d\r\n", i, i%12, i%7)
		sb.WriteString("DESCRIPTION:Un résumé assez long pour être plié sur plusieurs lignes de soixante-quinze\r\n  octets\\, comme le veut la RFC 5545.\\n\\nDeuxième paragraphe.\r\nEND:VEVENT\r\n")
	}
	sb.WriteString("END:VCALENDAR\r\n")
	data := []byte(sb.String())
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		s, _ := Read("bench.ics", data, schedule.LoadOptions{})
		if len(s.Sessions) != 5000 {
			b.Fatalf("%d sessions", len(s.Sessions))
		}
	}
}

func TestWindowsZonesLoad(t *testing.T) {
	for win, iana := range windowsZones {
		if _, err := schedule.LoadLocation(iana); err != nil {
			t.Errorf("%s → %s: %v", win, iana, err)
		}
	}
}

// TestRead_Categories: CATEGORIES as one list (what export ics writes), as
// one line per category, and both mixed; an escaped comma is part of a
// category (RFC 5545 §3.3.11), an unescaped one separates two.
func TestRead_Categories(t *testing.T) {
	tests := []struct {
		name, lines string
		track       string
		tags        []string
	}{
		{"list", `CATEGORIES:Web,caching,css`, "Web", []string{"caching", "css"}},
		{"lines", "CATEGORIES:Web\r\nCATEGORIES:caching\r\nCATEGORIES:css", "Web", []string{"caching", "css"}},
		{"mixed", "CATEGORIES:Web,caching\r\nCATEGORIES:css", "Web", []string{"caching", "css"}},
		{"escaped comma", `CATEGORIES:Data\, AI,a\,b,c\;d,e\\f`, "Data, AI", []string{"a,b", "c;d", `e\f`}},
		{"repeats and empty", "CATEGORIES:Web,,Web\r\nCATEGORIES:web", "Web", []string{"web"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:x\r\nSUMMARY:x\r\nDTSTART:20260101T100000Z\r\nDTEND:20260101T110000Z\r\n" +
				tt.lines + "\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
			s, ds := Read("c.ics", []byte(data), schedule.LoadOptions{Timezone: "UTC"})
			if s == nil || len(s.Sessions) != 1 {
				t.Fatalf("not read: %v", ds)
			}
			x := s.Sessions[0]
			if diff := cmp.Diff([]any{tt.track, tt.tags}, []any{x.TrackName(), x.Tags}); diff != "" {
				t.Errorf("track and tags (-want +got):\n%s", diff)
			}
		})
	}
}
