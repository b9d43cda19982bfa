package schedule

import (
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// The regular expressions ParseClock parsed with before it was written out
// by hand; refClock is that ParseClock. ParseClock must take exactly what
// they take, with the same minutes.
var (
	refClock24 = regexp.MustCompile(`^([01]?\d|2[0-3]):([0-5]\d)(?::00)?$`)
	refClock12 = regexp.MustCompile(`^(1[0-2]|0?[1-9])(?::([0-5]\d))?\s*([aApP])\.?[mM]\.?$`)
)

func refClock(s string) (int, bool) {
	s = strings.TrimSpace(s)
	if m := refClock24.FindStringSubmatch(s); m != nil {
		h, _ := strconv.Atoi(m[1])
		mi, _ := strconv.Atoi(m[2])
		return h*60 + mi, true
	}
	if m := refClock12.FindStringSubmatch(s); m != nil {
		h, _ := strconv.Atoi(m[1])
		mi := 0
		if m[2] != "" {
			mi, _ = strconv.Atoi(m[2])
		}
		h %= 12
		if strings.EqualFold(m[3], "p") {
			h += 12
		}
		return h*60 + mi, true
	}
	return 0, false
}

// clockCases are the edges of both forms, taken and refused.
var clockCases = []struct {
	in  string
	min int // -1: refused
}{
	{"9:05", 9*60 + 5}, {"09:05", 9*60 + 5}, {"19:59", 19*60 + 59}, {"23:59", 23*60 + 59},
	{"0:00", 0}, {"00:00", 0}, {"20:00:00", 20 * 60}, {" 7:30 ", 7*60 + 30},
	{"24:00", -1}, {"29:00", -1}, {"123:00", -1}, {"9:60", -1}, {"9:5", -1}, {"9:055", -1},
	{"9:05:01", -1}, {"9:05:", -1}, {":05", -1}, {"9", -1}, {"", -1}, {"٩:٠٥", -1},
	{"10am", 10 * 60}, {"12am", 0}, {"12pm", 12 * 60}, {"1pm", 13 * 60}, {"01pm", 13 * 60},
	{"9:30 p.m.", 21*60 + 30}, {"9:30\t\nPM", 21*60 + 30}, {"11:59P.M", 23*60 + 59}, {"3 aM.", 3 * 60},
	{"0am", -1}, {"00am", -1}, {"13pm", -1}, {"1:60pm", -1}, {"1:5pm", -1}, {"1pm.x", -1},
	{"1p", -1}, {"1 p..m", -1}, {"1pmm", -1}, {"1\vpm", -1}, {"10:00 pm", 22 * 60}, {"1:00:00pm", -1},
}

func TestParseClock(t *testing.T) {
	for _, tt := range clockCases {
		got, err := ParseClock(tt.in)
		if err != nil {
			got = -1
		}
		ref, ok := refClock(tt.in)
		if !ok {
			ref = -1
		}
		if diff := cmp.Diff([2]int{tt.min, tt.min}, [2]int{got, ref}); diff != "" {
			t.Errorf("ParseClock(%q): want, the regexps' (-want +got):\n%s", tt.in, diff)
		}
	}
}

// FuzzParseClockRegexp: ParseClock takes what the regular expressions take, and
// reads the same minutes; what it refuses, its message names.
func FuzzParseClockRegexp(f *testing.F) {
	for _, tt := range clockCases {
		f.Add(tt.in)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, err := ParseClock(s)
		want, ok := refClock(s)
		if ok != (err == nil) || ok && got != want {
			t.Fatalf("ParseClock(%q) = %d, %v; the regexps: %d, %v", s, got, err, want, ok)
		}
		if err != nil && err.Error() != "time "+strconv.Quote(strings.TrimSpace(s))+" is not HH:MM or h:mmam/h:mmpm" {
			t.Fatalf("ParseClock(%q): %v", s, err)
		}
	})
}
