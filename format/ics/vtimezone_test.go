package ics

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	ical "github.com/arran4/golang-ical"
)

// onset is one change of offset as a VTIMEZONE describes it.
type onset struct {
	at time.Time // UTC
	to int
}

// evalVTimezone expands a generated VTIMEZONE (the subset it uses: DTSTART,
// TZOFFSETFROM/TO, RRULE FREQ=YEARLY with BYMONTH, BYDAY=±nDD and UNTIL)
// into onsets for the years up to last. It is written from RFC 5545
// §3.6.5 and §3.3.10, independently of the generator.
func evalVTimezone(t *testing.T, tz *ical.VTimezone, last int) (initial int, ons []onset) {
	t.Helper()
	first := true
	for _, c := range tz.Components {
		var cb *ical.ComponentBase
		switch c := c.(type) {
		case *ical.Standard:
			cb = &c.ComponentBase
		case *ical.Daylight:
			cb = &c.ComponentBase
		default:
			t.Fatalf("unexpected component %T", c)
		}
		get := func(name string) string {
			for _, p := range cb.Properties {
				if p.IANAToken == name {
					return p.Value
				}
			}
			return ""
		}
		start, err := time.Parse("20060102T150405", get("DTSTART"))
		if err != nil {
			t.Fatalf("DTSTART: %v", err)
		}
		from, to := parseOffset(t, get("TZOFFSETFROM")), parseOffset(t, get("TZOFFSETTO"))
		if first {
			initial, first = from, false
		}
		add := func(local time.Time) {
			ons = append(ons, onset{local.Add(-time.Duration(from) * time.Second), to})
		}
		rr := get("RRULE")
		if rr == "" {
			add(start)
			continue
		}
		parts := map[string]string{}
		for _, kv := range strings.Split(rr, ";") {
			k, v, _ := strings.Cut(kv, "=")
			parts[k] = v
		}
		if parts["FREQ"] != "YEARLY" {
			t.Fatalf("RRULE %s", rr)
		}
		month, _ := strconv.Atoi(parts["BYMONTH"])
		day := parts["BYDAY"]
		n, _ := strconv.Atoi(day[:len(day)-2])
		wd := map[string]time.Weekday{"SU": 0, "MO": 1, "TU": 2, "WE": 3, "TH": 4, "FR": 5, "SA": 6}[day[len(day)-2:]]
		var until time.Time
		if u := parts["UNTIL"]; u != "" {
			if until, err = time.Parse("20060102T150405Z", u); err != nil {
				t.Fatalf("UNTIL: %v", err)
			}
		}
		for y := start.Year(); y <= last+1; y++ {
			var d time.Time
			if n > 0 {
				d = time.Date(y, time.Month(month), 1, 0, 0, 0, 0, time.UTC)
				d = d.AddDate(0, 0, (int(wd)-int(d.Weekday())+7)%7+7*(n-1))
			} else {
				d = time.Date(y, time.Month(month)+1, 0, 0, 0, 0, 0, time.UTC)
				d = d.AddDate(0, 0, -((int(d.Weekday())-int(wd)+7)%7 + 7*(-n-1)))
			}
			local := d.Add(start.Sub(start.Truncate(24 * time.Hour)))
			if local.Before(start) {
				continue
			}
			if !until.IsZero() && local.Add(-time.Duration(from)*time.Second).After(until) {
				break
			}
			add(local)
		}
	}
	sort.Slice(ons, func(i, j int) bool { return ons[i].at.Before(ons[j].at) })
	return initial, ons
}

func parseOffset(t *testing.T, s string) int {
	t.Helper()
	if len(s) != 5 && len(s) != 7 {
		t.Fatalf("offset %q", s)
	}
	h, _ := strconv.Atoi(s[1:3])
	m, _ := strconv.Atoi(s[3:5])
	sec := 0
	if len(s) == 7 {
		sec, _ = strconv.Atoi(s[5:7])
	}
	o := h*3600 + m*60 + sec
	if s[0] == '-' {
		o = -o
	}
	return o
}

// TestVTimezoneMatchesTZ generates VTIMEZONEs for zones with every kind of
// history and checks their offset, hour by hour (and a second either side
// of each real transition) over the span, against time.LoadLocation.
func TestVTimezoneMatchesTZ(t *testing.T) {
	tests := []struct {
		zone     string
		from, to int
	}{
		{"Europe/Berlin", 2024, 2024},
		{"Europe/Berlin", 1995, 1997},    // the 1996 change from September to October
		{"America/New_York", 2006, 2008}, // the 2007 US change
		{"America/New_York", 2019, 2019},
		{"Australia/Sydney", 2025, 2026},    // southern hemisphere: DST over New Year
		{"Australia/Lord_Howe", 2024, 2025}, // 30-minute DST
		{"Asia/Kolkata", 2025, 2025},        // +0530, no DST
		{"America/Sao_Paulo", 2017, 2020},   // DST abolished 2019
		{"Europe/Moscow", 2010, 2015},       // permanent DST 2011, back 2014
		{"Pacific/Apia", 2011, 2012},        // skipped 2011-12-30
		{"Africa/Casablanca", 2018, 2026},   // Ramadan suspensions
		{"America/Santiago", 2022, 2024},
		{"Asia/Tehran", 2021, 2023},
		{"Europe/Dublin", 2024, 2024},   // negative DST in the tz source
		{"Africa/Monrovia", 1971, 1973}, // -0:44:30 until 1972
		{"Europe/London", 1970, 1971},   // British Standard Time 1968-71
		{"America/St_Johns", 2024, 2024},
		{"Pacific/Chatham", 2024, 2025},
	}
	for _, tc := range tests {
		t.Run(fmt.Sprintf("%s/%d-%d", tc.zone, tc.from, tc.to), func(t *testing.T) {
			loc, err := time.LoadLocation(tc.zone)
			if err != nil {
				t.Fatal(err)
			}
			tz, err := VTimezone(loc, tc.from, tc.to)
			if err != nil {
				t.Fatal(err)
			}
			initial, ons := evalVTimezone(t, tz, tc.to)
			offsetAt := func(u time.Time) int {
				o := initial
				for _, on := range ons {
					if on.at.After(u) {
						break
					}
					o = on.to
				}
				return o
			}
			check := func(u time.Time) {
				_, want := u.In(loc).Zone()
				if got := offsetAt(u); got != want {
					t.Fatalf("at %s: VTIMEZONE gives %+d s, tz database %+d s\n%s", u, got, want,
						tz.Serialize(&ical.SerializationConfiguration{MaxLength: 75, NewLine: "\n"}))
				}
			}
			start := time.Date(tc.from, 1, 1, 0, 0, 0, 0, loc)
			end := time.Date(tc.to+1, 1, 1, 0, 0, 0, 0, loc)
			for u := start; u.Before(end); u = u.Add(time.Hour) {
				check(u)
			}
			for _, tr := range Transitions(loc, tc.from, tc.to) {
				check(tr.At.Add(-time.Second))
				check(tr.At)
			}
		})
	}
}

func TestVTimezoneErrors(t *testing.T) {
	loc, _ := time.LoadLocation("Europe/Berlin")
	for _, tc := range []struct {
		loc      *time.Location
		from, to int
	}{{nil, 2024, 2024}, {time.Local, 2024, 2024}, {loc, 2025, 2024}, {loc, 0, 2024}, {loc, 2024, 10000}} {
		if _, err := VTimezone(tc.loc, tc.from, tc.to); err == nil {
			t.Errorf("VTimezone(%v, %d, %d): no error", tc.loc, tc.from, tc.to)
		}
	}
}

func TestUTCOffset(t *testing.T) {
	for sec, want := range map[int]string{0: "+0000", 3600: "+0100", -18000: "-0500", 19800: "+0530", -2670: "-004430", 45900: "+1245"} {
		if got := utcOffset(sec); got != want {
			t.Errorf("utcOffset(%d) = %s, want %s", sec, got, want)
		}
	}
}
