package schedule

import (
	"os"
	"strings"
	"testing"
	"time"
)

// FuzzLoad feeds arbitrary bytes to Load, Normalize and Validate. Whatever
// the input, they must not panic or hang, every diagnostic must carry a
// rule of the table and a position in the file, a nil schedule must come
// with a syntax error, Validate must leave the schedule as it is, and
// loading twice must give the same findings.
func FuzzLoad(f *testing.F) {
	if data, err := os.ReadFile("../testdata/qcon-ny-2019.yaml"); err == nil {
		f.Add(data, false)
	}
	for _, tt := range loadTests {
		f.Add(parseMarked("in.yaml", tt.in).src, tt.opt.Timezone != "")
	}
	for _, tt := range validateTests {
		f.Add(parseMarked("in.yaml", tt.in).src, false)
	}
	f.Add([]byte("a: &a [x, x]\nb: &b [*a, *a]\ntracks: [*b]\n"), false)
	f.Add([]byte("{\"conference\": {\"name\": \"X\"}, \"tracks\": [{\"name\": \"T\", \"sessions\": [{\"title\": \"S\", \"start\": \"2024-03-31T02:30\", \"duration\": \"1h\"}]}]}"), true)
	// Hostile inputs (issues 13 and 14): sessions and tracks repeated
	// through aliases, control characters and bidi overrides in values, a
	// duration under a minute, a session past year 9999, a mailto: email.
	f.Add([]byte("conference: {name: X, timezone: UTC}\nx-s: &s {title: T, date: 2024-05-01, start: \"10:00\", end: \"11:00\", room: H, speakers: [A]}\nx-l: &l [*s, *s, *s]\nx-t: &t {name: T, sessions: *l}\ntracks: [*t, *t, {name: U, sessions: *l}]\n"), false)
	f.Add([]byte("conference: {name: \"\\e[2K\\r\", timezone: UTC}\nrooms: [Hall]\ntracks: [{name: \"T\\u202e\", date: 2024-05-01, sessions: [{id: \"a\\e[1A\", title: \"x\\u2028y\", room: \"\\e[2K\\e[1A\\r~ k\", start: \"10:00\", end: \"11:00\"}]}]\n"), false)
	f.Add([]byte("conference: {name: X, timezone: Europe/Berlin, organizer: {email: \"mailto:a@b.c\"}}\ntracks: [{name: T, sessions: [{title: A, date: 2024-05-01, start: \"10:00\", duration: 1ns}, {title: B, date: 9999-12-31, start: \"23:00\", end: \"01:00\"}]}]\n"), false)
	// Sessions sharing an aliased list of speakers (the 48 KB file of
	// docs/security.md, scaled down), with namesakes with and without ids
	// and a speaker buffer.
	f.Add(sharedSpeakers(30, 40), false)
	f.Add([]byte(conf+"rules: {speaker_buffer: 10m}\nx-sp: &sp [Lee, {name: Lee, id: l1}, {name: lee, id: l2}, Ann, ann]\ntracks: [{name: T, date: 2024-05-01, sessions: [{title: A, room: R1, start: \"10:00\", end: \"11:00\", speakers: *sp}, {title: B, room: R2, start: \"10:30\", end: \"11:00\", speakers: *sp}, {title: C, room: R3, start: \"11:05\", end: \"12:00\", speakers: [Lee]}]}]\n"), false)
	f.Fuzz(func(t *testing.T, data []byte, zone bool) {
		const file = "fuzz.yaml"
		var opt LoadOptions
		if zone {
			opt.Timezone = "Europe/Berlin" // --timezone: used when the file names none
		}
		s, diags := Load(file, data, opt)
		if s == nil && !strings.Contains(lines(diags), "[syntax]") {
			t.Fatalf("nil schedule without a syntax error:\n%s", lines(diags))
		}
		if s != nil {
			if s.Location == nil {
				t.Fatal("nil Location")
			}
			diags = append(diags, Normalize(s)...)
			want := deepCopy(s)
			diags = append(diags, Validate(s)...)
			if diff := scheduleDiff(want, s); diff != "" {
				t.Fatalf("Validate changed the schedule (-want +got):\n%s", diff)
			}
		}
		for _, d := range diags {
			checkDiagnostic(t, file, d)
		}
		if len(diags) > 0 && HasErrors(diags) != hasError(diags) {
			t.Fatal("HasErrors disagrees")
		}
		s2, diags2 := Load(file, data, opt)
		if s2 != nil {
			diags2 = append(diags2, Normalize(s2)...)
			diags2 = append(diags2, Validate(s2)...)
		}
		if a, b := lines(diags), lines(diags2); a != b {
			t.Fatalf("two loads differ:\n%s\n---\n%s", a, b)
		}
	})
}

func hasError(ds []Diagnostic) bool {
	for _, d := range ds {
		if d.Severity == Error {
			return true
		}
	}
	return false
}

// FuzzParseClock: a parsed clock time is a minute of the day, and the
// canonical HH:MM form parses back to it.
func FuzzParseClock(f *testing.F) {
	for _, s := range []string{"10:35", "9:05", "23:59", "00:00", "10am", "1:15pm", "12:00 AM", "12 p.m.", "24:00", "7:60", " 08:00 ", "10:00:00"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		m, err := ParseClock(s)
		if err != nil {
			return
		}
		if m < 0 || m >= 24*60 {
			t.Fatalf("ParseClock(%q) = %d, not a minute of the day", s, m)
		}
		if back, err := ParseClock(FormatClock(m)); err != nil || back != m {
			t.Fatalf("ParseClock(FormatClock(%d)) = %d, %v", m, back, err)
		}
	})
}

// FuzzParseDuration: a parsed duration is not negative, and a whole number
// of seconds survives FormatDuration, the form of messages and of the YAML
// schedkit writes.
func FuzzParseDuration(f *testing.F) {
	for _, s := range []string{"50m", "1h30m", "4h", "1:30", "0:05", "90", "-5m", "1.5h", "1:5", "99999999h", "1:60"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDuration(s)
		if err != nil {
			return
		}
		if d < 0 {
			t.Fatalf("ParseDuration(%q) = %v, negative", s, d)
		}
		if d%time.Second == 0 {
			if back, err := ParseDuration(FormatDuration(d)); err != nil || back != d {
				t.Fatalf("ParseDuration(FormatDuration(%v)) = %v, %v", d, back, err)
			}
		}
	})
}

// FuzzResolveWall: in zones with DST, half-hour DST and skipped days, a
// wall time that exists once resolves to the one instant showing it; one
// that exists twice to the earlier instant (RFC 5545 §3.3.5) and
// WallAmbiguous; one that does not exist is WallGap.
func FuzzResolveWall(f *testing.F) {
	zones := []string{"Europe/Berlin", "America/New_York", "Australia/Lord_Howe", "America/Sao_Paulo", "Asia/Kathmandu", "Pacific/Apia", "UTC"}
	f.Add(uint(54), uint(2), uint(30), uint(150), uint(0))  // 2024-03-31 02:30 Berlin: gap
	f.Add(uint(49), uint(10), uint(2), uint(90), uint(1))   // 2019-11-03 01:30 New York: twice
	f.Add(uint(41), uint(11), uint(29), uint(600), uint(5)) // 2011-12-30 in Apia: a skipped day
	f.Fuzz(func(t *testing.T, y, mo, d, min, zi uint) {
		loc, err := LoadLocation(zones[zi%uint(len(zones))])
		if err != nil {
			t.Fatal(err)
		}
		date := Date{1970 + int(y%130), time.Month(1 + mo%12), 1 + int(d%31)}
		if date.AddDays(0) != date {
			return // February 30th and the like
		}
		m := int(min % (24 * 60))
		got, kind := ResolveWall(date, m, loc)
		shows := func(u time.Time) bool {
			u = u.In(loc)
			return (Date{u.Year(), u.Month(), u.Day()}) == date && u.Hour()*60+u.Minute() == m
		}
		// Zone offsets change by at most a day here, in steps of 30 minutes.
		var others []time.Time
		for shift := -24 * time.Hour; shift <= 24*time.Hour; shift += 30 * time.Minute {
			if shift != 0 && shows(got.Add(shift)) {
				others = append(others, got.Add(shift))
			}
		}
		switch kind {
		case WallOK:
			if !shows(got) || len(others) > 0 {
				t.Fatalf("ResolveWall(%v %s %s) = %v OK; also shown at %v", date, FormatClock(m), loc, got, others)
			}
		case WallAmbiguous:
			if !shows(got) || len(others) != 1 || !others[0].After(got) {
				t.Fatalf("ResolveWall(%v %s %s) = %v ambiguous; others %v", date, FormatClock(m), loc, got, others)
			}
		case WallGap:
			if shows(got) || len(others) > 0 {
				t.Fatalf("ResolveWall(%v %s %s) = %v gap; but shown at %v", date, FormatClock(m), loc, got, others)
			}
		}
	})
}
