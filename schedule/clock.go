package schedule

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
	_ "time/tzdata" // the binary must work where no zoneinfo is installed
)

// LoadLocation loads an IANA zone from the embedded tz database (or the
// system's). Unlike time.LoadLocation it rejects "" and "Local", which would
// make output depend on the machine.
func LoadLocation(name string) (*time.Location, error) {
	if name == "" || name == "Local" {
		return nil, fmt.Errorf("%q is not an IANA time zone name", name)
	}
	loc, err := time.LoadLocation(name)
	if err != nil {
		return nil, fmt.Errorf("unknown time zone %q (use an IANA name such as Europe/Berlin)", name)
	}
	return loc, nil
}

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

var (
	clock24 = regexp.MustCompile(`^([01]?\d|2[0-3]):([0-5]\d)(?::00)?$`)
	clock12 = regexp.MustCompile(`^(1[0-2]|0?[1-9])(?::([0-5]\d))?\s*([aApP])\.?[mM]\.?$`)
)

// ParseClock parses a wall-clock time of day, "HH:MM" (24-hour) or
// "h:mmam"/"h:mm pm"/"10am", into minutes after midnight.
func ParseClock(s string) (int, error) {
	s = strings.TrimSpace(s)
	if m := clock24.FindStringSubmatch(s); m != nil {
		h, _ := strconv.Atoi(m[1])
		mi, _ := strconv.Atoi(m[2])
		return h*60 + mi, nil
	}
	if m := clock12.FindStringSubmatch(s); m != nil {
		h, _ := strconv.Atoi(m[1])
		mi := 0
		if m[2] != "" {
			mi, _ = strconv.Atoi(m[2])
		}
		h %= 12
		if strings.EqualFold(m[3], "p") {
			h += 12
		}
		return h*60 + mi, nil
	}
	return 0, fmt.Errorf("time %q is not HH:MM or h:mmam/h:mmpm", s)
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
