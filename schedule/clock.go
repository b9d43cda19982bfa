package schedule

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
	// time.LoadLocation (in tests, and anywhere outside LoadLocation)
	// works where no zoneinfo is installed.
	_ "time/tzdata"

	"github.com/schedkit/schedkit/internal/lazyregexp"
	"github.com/schedkit/schedkit/internal/tzdata"
)

// LoadLocation loads an IANA zone from the tz database embedded in the
// binary (package internal/tzdata), never from $ZONEINFO or the system's
// zoneinfo: the same schedule gives the same instants on every machine.
// Unlike time.LoadLocation it rejects "" and "Local", which would make
// output depend on the machine.
func LoadLocation(name string) (*time.Location, error) {
	if name == "" || name == "Local" {
		return nil, fmt.Errorf("%q is not an IANA time zone name", name)
	}
	loc, err := tzdata.Load(name)
	switch {
	case errors.Is(err, tzdata.ErrUnknown):
		return nil, &UnknownZoneError{Name: name}
	case err != nil:
		return nil, err
	}
	return loc, nil
}

// UnknownZoneError is LoadLocation's error for a name the tz database does
// not have. Its message suggests the closest zone name ("did you mean
// Europe/Berlin?"), looked for only when the message is asked for: readers
// that try names and drop the error (an .ics TZID per event) pay nothing.
type UnknownZoneError struct {
	Name string
}

func (e *UnknownZoneError) Error() string {
	if z := tzdata.Closest(e.Name); z != "" {
		return fmt.Sprintf("unknown time zone %q (did you mean %s?)", e.Name, z)
	}
	return fmt.Sprintf("unknown time zone %q (use an IANA name such as Europe/Berlin)", e.Name)
}

// Unwrap makes errors.Is(err, tzdata.ErrUnknown) hold.
func (e *UnknownZoneError) Unwrap() error { return tzdata.ErrUnknown }

// Date is a calendar date without a zone.
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// DateOf returns the date of t in t's location.
func DateOf(t time.Time) Date { return Date{t.Year(), t.Month(), t.Day()} }

// ParseDate parses YYYY-MM-DD.
func ParseDate(s string) (Date, error) {
	t, err := time.Parse("2006-01-02", strings.TrimSpace(s))
	if err != nil {
		if isoDate.MatchString(strings.TrimSpace(s)) {
			return Date{}, fmt.Errorf("date %q does not exist", s)
		}
		return Date{}, fmt.Errorf("date %q is not YYYY-MM-DD", s)
	}
	return DateOf(t), nil
}

func (d Date) String() string { return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day) }

// AddDays returns the date n days later.
func (d Date) AddDays(n int) Date {
	return DateOf(time.Date(d.Year, d.Month, d.Day+n, 12, 0, 0, 0, time.UTC))
}

// IsZero reports whether d is the zero Date.
func (d Date) IsZero() bool { return d == Date{} }

// isoDate tells ParseDate's "does not exist" from "is not YYYY-MM-DD".
var isoDate = lazyregexp.New(`^\d{4}-\d{2}-\d{2}$`)

// ParseClock parses a wall-clock time of day, "HH:MM" (24-hour) or
// "h:mmam"/"h:mm pm"/"10am", into minutes after midnight.
//
// It takes exactly what these regular expressions match, and parsed with
// them until they were 18 MB and 0.1 s of loading 100,000 sessions
// (FuzzParseClockRegexp compares the two):
//
//	^([01]?\d|2[0-3]):([0-5]\d)(?::00)?$
//	^(1[0-2]|0?[1-9])(?::([0-5]\d))?\s*([aApP])\.?[mM]\.?$
func ParseClock(s string) (int, error) {
	s = strings.TrimSpace(s)
	if m, ok := clock24(s); ok {
		return m, nil
	}
	if m, ok := clock12(s); ok {
		return m, nil
	}
	return 0, fmt.Errorf("time %q is not HH:MM or h:mmam/h:mmpm", s)
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// clock24 parses ([01]?\d|2[0-3]):([0-5]\d)(?::00)?, the whole of s.
func clock24(s string) (int, bool) {
	var h int
	switch {
	case len(s) >= 2 && isDigit(s[0]) && s[1] == ':':
		h, s = int(s[0]-'0'), s[1:]
	case len(s) >= 3 && (s[0] == '0' || s[0] == '1') && isDigit(s[1]) && s[2] == ':',
		len(s) >= 3 && s[0] == '2' && '0' <= s[1] && s[1] <= '3' && s[2] == ':':
		h, s = int(s[0]-'0')*10+int(s[1]-'0'), s[2:]
	default:
		return 0, false
	}
	// s is :MM or :MM:00.
	if len(s) != 3 && (len(s) != 6 || s[3:] != ":00") || s[1] < '0' || s[1] > '5' || !isDigit(s[2]) {
		return 0, false
	}
	return h*60 + int(s[1]-'0')*10 + int(s[2]-'0'), true
}

// clock12 parses (1[0-2]|0?[1-9])(?::([0-5]\d))?\s*([aApP])\.?[mM]\.?,
// the whole of s.
func clock12(s string) (int, bool) {
	var h int
	switch {
	case len(s) >= 2 && s[0] == '1' && '0' <= s[1] && s[1] <= '2':
		h, s = 10+int(s[1]-'0'), s[2:]
	case len(s) >= 2 && s[0] == '0' && '1' <= s[1] && s[1] <= '9':
		h, s = int(s[1]-'0'), s[2:]
	case len(s) >= 1 && '1' <= s[0] && s[0] <= '9':
		h, s = int(s[0]-'0'), s[1:]
	default:
		return 0, false
	}
	mi := 0
	if len(s) > 0 && s[0] == ':' {
		if len(s) < 3 || s[1] < '0' || s[1] > '5' || !isDigit(s[2]) {
			return 0, false
		}
		mi, s = int(s[1]-'0')*10+int(s[2]-'0'), s[3:]
	}
	// \s is RE2's: [\t\n\f\r ].
	for len(s) > 0 && (s[0] == ' ' || s[0] == '\t' || s[0] == '\n' || s[0] == '\f' || s[0] == '\r') {
		s = s[1:]
	}
	if len(s) == 0 {
		return 0, false
	}
	pm := false
	switch s[0] {
	case 'a', 'A':
	case 'p', 'P':
		pm = true
	default:
		return 0, false
	}
	s = strings.TrimPrefix(s[1:], ".")
	if len(s) == 0 || s[0] != 'm' && s[0] != 'M' {
		return 0, false
	}
	if s = s[1:]; s != "" && s != "." {
		return 0, false
	}
	h %= 12
	if pm {
		h += 12
	}
	return h*60 + mi, true
}

// FormatClock formats minutes after midnight as HH:MM.
func FormatClock(min int) string { return fmt.Sprintf("%02d:%02d", min/60, min%60) }

// maxDurationHours bounds an H:MM duration (about eleven years).
const maxDurationHours = 100_000

// ParseDuration parses a duration such as "50m", "1h30m", "4h" or "1:30"
// (hours and minutes). A bare number is rejected: its unit would be a guess.
func ParseDuration(s string) (time.Duration, error) {
	s = strings.TrimSpace(s)
	if h, m, ok := strings.Cut(s, ":"); ok {
		hh, err1 := strconv.Atoi(h)
		mm, err2 := strconv.Atoi(m)
		// hh is bounded so that the hours cannot overflow a Duration.
		if err1 == nil && err2 == nil && hh >= 0 && hh <= maxDurationHours && mm >= 0 && mm < 60 && len(m) == 2 {
			return time.Duration(hh)*time.Hour + time.Duration(mm)*time.Minute, nil
		}
		return 0, fmt.Errorf("duration %q is not H:MM", s)
	}
	if _, err := strconv.ParseFloat(s, 64); err == nil {
		return 0, fmt.Errorf("duration %q has no unit (write %sm for minutes)", s, s)
	}
	d, err := time.ParseDuration(s)
	if err != nil || d < 0 {
		return 0, fmt.Errorf("duration %q is not a duration such as 50m, 1h30m or 1:30", s)
	}
	return d, nil
}

// FormatDuration writes d as schedkit's format writes durations and as its
// messages show them: hours, minutes and seconds, each only when not zero
// ("50m", "1h30m", "4h", "1h5m", "26h", "10m30s"), "0m" for zero. It is
// Go duration syntax, so ParseDuration reads it back exactly, to the
// second; there is no day unit (ParseDuration has none), and fractions of
// a second are dropped. A negative d is written with a leading "-".
func FormatDuration(d time.Duration) string {
	secs := int64(d / time.Second) // toward zero, so never overflows on negation
	if secs == 0 {
		return "0m"
	}
	var b strings.Builder
	if secs < 0 {
		b.WriteByte('-')
		secs = -secs
	}
	if h := secs / 3600; h > 0 {
		b.WriteString(strconv.FormatInt(h, 10) + "h")
	}
	if m := secs / 60 % 60; m > 0 {
		b.WriteString(strconv.FormatInt(m, 10) + "m")
	}
	if s := secs % 60; s > 0 {
		b.WriteString(strconv.FormatInt(s, 10) + "s")
	}
	return b.String()
}

// WallKind says how a wall-clock time maps to instants in a zone.
type WallKind int

// How ResolveWall found a wall-clock time.
const (
	WallOK        WallKind = iota // the time occurs exactly once
	WallGap                       // the time does not exist: clocks skip over it
	WallAmbiguous                 // the time occurs twice: clocks fall back over it
)

// ResolveWall returns the instant at which clocks in loc show date d at
// min minutes after midnight. For a time in a DST gap it returns the instant
// time.Date normalises to and WallGap; for a time that occurs twice it
// returns the first occurrence (as RFC 5545 §3.3.5 prescribes) and
// WallAmbiguous.
func ResolveWall(d Date, min int, loc *time.Location) (time.Time, WallKind) {
	h, m := min/60, min%60
	t := time.Date(d.Year, d.Month, d.Day, h, m, 0, 0, loc)
	if t.Hour() != h || t.Minute() != m || t.Day() != d.Day {
		return t, WallGap
	}
	// Look for another instant with the same wall clock: any zone
	// transition within a day either side can only shift by less than that.
	var found []time.Time
	seen := map[int]bool{}
	for _, probe := range []time.Time{t.Add(-24 * time.Hour), t, t.Add(24 * time.Hour)} {
		_, off := probe.Zone()
		if seen[off] {
			continue
		}
		seen[off] = true
		wall := time.Date(d.Year, d.Month, d.Day, h, m, 0, 0, time.UTC)
		u := wall.Add(-time.Duration(off) * time.Second).In(loc)
		if u.Year() == d.Year && u.Month() == d.Month && u.Day() == d.Day && u.Hour() == h && u.Minute() == m {
			found = append(found, u)
		}
	}
	if len(found) > 1 {
		first := found[0]
		for _, u := range found[1:] {
			if u.Before(first) {
				first = u
			}
		}
		return first, WallAmbiguous
	}
	return t, WallOK
}

// Ambiguous reports whether the wall-clock reading of t in its location
// occurs twice, so that a local time with TZID would not name t uniquely.
func Ambiguous(t time.Time) bool {
	_, kind := ResolveWall(DateOf(t), t.Hour()*60+t.Minute(), t.Location())
	return kind == WallAmbiguous
}

// WallProblem describes the DST trouble ResolveWall found in date d at min
// minutes after midnight in loc, where t and kind are what it returned: the
// rule ("dst-gap" or "dst-ambiguous", "" for WallOK) and a message that
// names the time, the zone, the change of clocks and, for a time that
// occurs twice, the reading chosen, e.g.
//
//	2024-10-27 02:30 occurs twice in Europe/Berlin (clocks go back from
//	03:00 CEST to 02:00 CET); read as the first occurrence, 02:30 CEST
//	(UTC+02:00), not 02:30 CET (UTC+01:00)
//
// Every reader reports DST trouble with it, prefixed with what it is about.
func WallProblem(t time.Time, kind WallKind, d Date, min int, loc *time.Location) (rule, msg string) {
	switch kind {
	case WallGap:
		from, to := transition(t)
		return RuleDstGap, fmt.Sprintf("%s %s does not exist in %s: clocks jump from %s to %s",
			d, FormatClock(min), loc, from, to)
	case WallAmbiguous:
		from, to := transition(t)
		_, off1 := t.Zone()
		_, end := t.ZoneBounds()
		_, off2 := end.Zone()
		second := t.Add(time.Duration(off1-off2) * time.Second)
		return RuleDstAmbiguous, fmt.Sprintf("%s %s occurs twice in %s (clocks go back from %s to %s); read as the first occurrence, %s (UTC%s), not %s (UTC%s)",
			d, FormatClock(min), loc, from, to, t.Format("15:04 MST"), t.Format("-07:00"), second.Format("15:04 MST"), second.Format("-07:00"))
	}
	return "", ""
}

// transition describes the zone change nearest t as the wall clock just
// before it and just after it, e.g. "02:00 CET" and "03:00 CEST". For a
// time in a gap, time.Date may normalise to either side of the change (it
// does not promise which), so the nearer end of t's zone period is taken.
func transition(t time.Time) (from, to string) {
	start, end := t.ZoneBounds()
	at := start
	if start.IsZero() || (!end.IsZero() && end.Sub(t) < t.Sub(start)) {
		at = end
	}
	before := at.Add(-time.Second)
	name, off := before.Zone()
	from = at.In(time.FixedZone(name, off)).Format("15:04 MST")
	return from, at.In(t.Location()).Format("15:04 MST")
}

// ChooseZone applies the CLI contract's rule for --timezone: a zone the
// file names (file) wins, and the flag's zone (flag) is used only when the
// file names none. It returns the zone to use, "" when neither names one,
// and, when the two disagree, the message of the zone-mismatch warning;
// what says where the file names its zone, e.g. "the file's timezone".
func ChooseZone(file, flag, what string) (zone, conflict string) {
	switch {
	case file == "":
		return flag, ""
	case flag != "" && flag != file:
		return file, fmt.Sprintf("--timezone %s contradicts %s %s; using %s", flag, what, file, file)
	}
	return file, ""
}
