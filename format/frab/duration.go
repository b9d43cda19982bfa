package frab

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/schedkit/schedkit/internal/lazyregexp"
)

// Durations, both directions. The c3voc schemas write an event's
// <duration> (and timeslot_duration) as HH:MM; the writers write exactly
// that (FormatDuration), the readers accept what real files write besides
// (parseDuration).

// FormatDuration writes d as HH:MM (hours may exceed 99), the form the
// c3voc schemas ask for. Seconds are dropped.
func FormatDuration(d time.Duration) string {
	m := int(d / time.Minute)
	return fmt.Sprintf("%02d:%02d", m/60, m%60)
}

var durRE = lazyregexp.New(`^(\d{1,4}):(\d{1,2})(?::(\d{1,2}))?$`)

// parseDuration parses a frab duration: H:MM or HH:MM (unpadded hours and
// minutes accepted), which includes everything FormatDuration writes, or
// 3-part A:BB:CC read as H:MM:SS. ambiguous reports that the 3-part form is
// also a valid D:HH:MM, as EventFahrplan reads it, with another meaning:
// alt.
func parseDuration(s string) (d time.Duration, ambiguous bool, alt time.Duration, err error) {
	m := durRE.FindStringSubmatch(strings.TrimSpace(s))
	if m == nil {
		return 0, false, 0, fmt.Errorf("duration %q is not HH:MM", s)
	}
	a, _ := strconv.Atoi(m[1])
	bb, _ := strconv.Atoi(m[2])
	if bb > 59 {
		return 0, false, 0, fmt.Errorf("duration %q has more than 59 minutes", s)
	}
	if m[3] == "" {
		return time.Duration(a)*time.Hour + time.Duration(bb)*time.Minute, false, 0, nil
	}
	cc, _ := strconv.Atoi(m[3])
	if cc > 59 {
		return 0, false, 0, fmt.Errorf("duration %q has more than 59 seconds", s)
	}
	d = time.Duration(a)*time.Hour + time.Duration(bb)*time.Minute + time.Duration(cc)*time.Second
	alt = time.Duration(a)*24*time.Hour + time.Duration(bb)*time.Hour + time.Duration(cc)*time.Minute
	return d, bb <= 23 && alt != d, alt, nil
}
