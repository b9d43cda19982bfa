package frab

import (
	"fmt"
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
// The writers put each session on the day of its start (conferenceDay) and
// write the day's bounds (dayBounds); the readers place a <start> of a
// <day> on its calendar date (startDate) and take day_change from the day
// starts when the file has none (dayStartClock).

// dayChange returns the wall clock, in minutes after midnight, at which the
// conference's days start: its day_change, or midnight when that is unset.
func dayChange(c *schedule.Conference) int {
	m, err := schedule.ParseClock(c.DayChange)
	if err != nil {
		return 0
	}
	return m
}

// clockOf returns the wall clock of t, in minutes after midnight in t's
// location.
func clockOf(t time.Time) int { return t.Hour()*60 + t.Minute() }

// conferenceDay returns the date of the conference day that a session
// starting at t (in the conference zone) belongs to, when days start at
// change minutes after midnight: t's date, or the day before when t's wall
// clock is before change. Wall clocks are compared, not instants: on the
// days clocks change, change minutes of elapsed time from midnight are not
// the change's wall clock, and the day must be the one whose dayBounds
// hold t and that startDate reads back.
func conferenceDay(t time.Time, change int) schedule.Date {
	d := schedule.DateOf(t)
	if clockOf(t) < change {
		return d.AddDays(-1)
	}
	return d
}

// dayBounds returns the <day start> and <day end> of conference day d in
// loc: the day_change wall clock on d, and one minute before the next
// day's.
func dayBounds(d schedule.Date, change int, loc *time.Location) (start, end time.Time) {
	start, _ = schedule.ResolveWall(d, change, loc)
	next, _ := schedule.ResolveWall(d.AddDays(1), change, loc)
	return start, next.Add(-time.Minute)
}

// startDate returns the calendar date of a <start> clock (minutes after
// midnight) of an event of conference day d: d, or the next day when the
// clock is before change, past the day change. It is the inverse of
// conferenceDay.
func startDate(d schedule.Date, start, change int) schedule.Date {
	if start < change {
		return d.AddDays(1)
	}
	return d
}

// dayStartClock returns the wall clock at which every day starts, when all
// days agree and it is not midnight; else "". It is the day_change of a file
// that has none: the writers express day_change by the day starts.
func (b *builder) dayStartClock() string {
	clock := ""
	for _, d := range b.doc.days {
		p, err := parseDate(d.start.s)
		if !d.start.ok || err != nil || !p.hasOffset {
			return ""
		}
		c := p.t.In(b.loc).Format("15:04")
		if clock != "" && c != clock {
			return ""
		}
		clock = c
	}
	if clock == "00:00" {
		return ""
	}
	return clock
}

// dayOf returns the date on which <start> falls in <day> (see startDate),
// with the day's start clock as the day change, or else the conference's,
// and a description of both for messages.
func (b *builder) dayOf(day *rawDay, start int) (schedule.Date, string, bool) {
	if day == nil || !day.date.ok {
		return schedule.Date{}, "", false
	}
	d, err := schedule.ParseDate(day.date.s)
	if err != nil {
		return schedule.Date{}, "", false
	}
	change := dayChange(&b.s.Conference)
	if p, err := parseDate(day.start.s); day.start.ok && err == nil && p.hasOffset {
		change = clockOf(p.t.In(b.loc))
	}
	return startDate(d, start, change), fmt.Sprintf("<day date=%q> and <start>%s</start>", day.date.s, schedule.FormatClock(start)), true
}
