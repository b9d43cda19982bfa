package frab

import (
	"fmt"
	"strings"
	"time"

	"github.com/schedkit/schedkit/schedule"
)

// Conference days, both directions. frab groups events into <day>s
// (schedule.json "days") that run from the conference's day_change to the
// next day's, not from midnight: with day_change 04:00 an event at 01:30
// belongs to the day before, and its <start> 01:30 is a clock time on the
// calendar day after its <day date>. The c3voc schemas have no day_change
// element; <day start> carries it.
//
// The readers keep the days as the file has them (days), place a <start>
// of a <day> on its calendar date (startDate) and take day_change from the
// days when the file has none (dayStartClock). The writers write the
// source's days and put each session on the one that holds its start
// (schedule.DayOf), falling back to the day of its start with bounds
// computed from day_change.

// clockOf returns the wall clock of t, in minutes after midnight in t's
// location.
func clockOf(t time.Time) int { return t.Hour()*60 + t.Minute() }

// startDate returns the calendar date of a <start> clock (minutes after
// midnight) of an event of conference day d: d, or the next day when the
// clock is before change, past the day change. It is the inverse of
// schedule.ConferenceDay.
func startDate(d schedule.Date, start, change int) schedule.Date {
	if start < change {
		return d.AddDays(1)
	}
	return d
}

// dayStartClock returns the day change of a file that has no day_change,
// inferred from its days ("" for midnight or when the days say nothing).
// A day that ends on the next calendar day ends at the day change (36C3's
// days run 11:00 to 04:00, and events at 09:30 belong to the day they are
// on; pretalx's run 04:00 to 03:59): the most common such end, rounded up
// to five minutes, is the day change. Without one (every day ends the day it
// starts), the most common day start is. Ties go to the earlier clock.
func (b *builder) dayStartClock() string {
	ends, starts := map[int]int{}, map[int]int{}
	for _, d := range b.doc.days {
		ps, err := parseDate(d.start.s)
		if !d.start.ok || err != nil || !ps.hasOffset {
			continue
		}
		start := ps.t.In(b.loc)
		starts[clockOf(start)]++
		pe, err := parseDate(d.end.s)
		if !d.end.ok || err != nil || !pe.hasOffset {
			continue
		}
		// Days end a minute or a second before the next day starts
		// (03:59, 21:29:59): round up to five minutes.
		end := pe.t.In(b.loc)
		if r := end.Truncate(5 * time.Minute); !r.Equal(end) {
			end = r.Add(5 * time.Minute)
		}
		if end.Format(time.DateOnly) > start.Format(time.DateOnly) && clockOf(end) <= clockOf(start) {
			ends[clockOf(end)]++
		}
	}
	m, ok := mostCommon(ends)
	if !ok {
		m, ok = mostCommon(starts)
	}
	if !ok || m == 0 {
		return ""
	}
	return schedule.FormatClock(m)
}

// mostCommon returns the key with the highest count, the smallest on ties.
func mostCommon(count map[int]int) (int, bool) {
	best, bestN := 0, 0
	for k, n := range count {
		if n > bestN || n == bestN && k < best {
			best, bestN = k, n
		}
	}
	return best, bestN > 0
}

// dayOf returns the date on which <start> falls in <day> (see startDate),
// with the day's start clock as the day change, or else the conference's,
// a description of both for messages and, when <start> is before the
// day's start and so on the next calendar day, a note that says so
// (naming both clocks and where the day's start comes from).
func (b *builder) dayOf(day *rawDay, start int) (d schedule.Date, what, note string, ok bool) {
	if day == nil || !day.date.ok {
		return schedule.Date{}, "", "", false
	}
	d, err := schedule.ParseDate(day.date.s)
	if err != nil {
		return schedule.Date{}, "", "", false
	}
	change, from := b.s.Conference.DayChangeClock(), "day_change"
	if p, err := parseDate(day.start.s); day.start.ok && err == nil && p.hasOffset {
		change, from = clockOf(p.t.In(b.loc)), "<day start>"
	}
	what = fmt.Sprintf("<day date=%q> and <start>%s</start>", day.date.s, schedule.FormatClock(start))
	if start < change {
		// A file whose days start late (36C3's at 11:00) and that lists
		// an earlier event on its own date reads as the next morning.
		note = fmt.Sprintf(", the next calendar day, as %s is before the day's start %s (%s)",
			schedule.FormatClock(start), schedule.FormatClock(change), from)
	}
	return startDate(d, start, change), what, note, true
}

// days returns the file's days that have a date, a start and an end, as
// the source wrote them; the writers write them again. A day without them
// (or ending before it starts, or of a date listed before) is not kept, and
// the writers compute its bounds from the day change.
func (b *builder) days() []schedule.Day {
	var out []schedule.Day
	seen := map[schedule.Date]bool{}
	for _, rd := range b.doc.days {
		d, err := schedule.ParseDate(strings.TrimSpace(rd.date.s))
		if !rd.date.ok || err != nil || seen[d] {
			continue
		}
		start, ok1 := b.dayBound(rd.start)
		end, ok2 := b.dayBound(rd.end)
		if ok1 && ok2 && end.After(start) {
			seen[d] = true
			out = append(out, schedule.Day{Date: d, Start: start, End: end})
		}
	}
	return out
}

// dayBound reads a <day start> or <day end>: a date-time with an offset,
// or a wall clock in the conference zone.
func (b *builder) dayBound(v value) (time.Time, bool) {
	p, err := parseDate(v.s)
	switch {
	case !v.ok || err != nil || !p.hasClock:
		return time.Time{}, false
	case p.hasOffset:
		return p.t.In(b.loc), true
	}
	t, kind := schedule.ResolveWall(schedule.DateOf(p.t), clockOf(p.t), b.loc)
	return t.Add(time.Duration(p.t.Second()) * time.Second), kind != schedule.WallGap
}
