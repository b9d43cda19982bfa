package schedule

import "time"

// Conference days. Congresses run their days from a day change to the
// next day's, not from midnight: with day_change 04:00 a session at 01:30
// belongs to the day before, and apps show it on that day's tab. A source
// may also list its days with their exact bounds (Conference.Days; 36C3's
// run 11:00 to 04:00, DebConf 23 names the day starting on the 10th at
// 03:00 the 9th). DayOf is the one answer to "which day is this session
// on" for every writer that groups by day.

// DayChangeClock returns the wall clock, in minutes after midnight, at
// which the conference's days start: its day_change, or midnight when that
// is unset or not a clock.
func (c *Conference) DayChangeClock() int {
	if c.DayChange == "" {
		// Without ParseClock's error, which DayOf would build for every
		// session of a conference without a day_change.
		return 0
	}
	m, err := ParseClock(c.DayChange)
	if err != nil {
		return 0
	}
	return m
}

// ConferenceDay returns the date of the conference day that a session
// starting at t (in the conference zone) belongs to, when days start at
// change minutes after midnight: t's date, or the day before when t's wall
// clock is before change. Wall clocks are compared, not instants: on the
// days clocks change, change minutes of elapsed time from midnight are not
// the change's wall clock, and the day must be the one whose DayBounds
// hold t.
func ConferenceDay(t time.Time, change int) Date {
	d := DateOf(t)
	if t.Hour()*60+t.Minute() < change {
		return d.AddDays(-1)
	}
	return d
}

// DayBounds returns the start and end of conference day d in loc: the
// day-change wall clock on d, and one minute before the next day's (as
// frab writes <day start end>).
func DayBounds(d Date, change int, loc *time.Location) (start, end time.Time) {
	start, _ = ResolveWall(d, change, loc)
	next, _ := ResolveWall(d.AddDays(1), change, loc)
	return start, next.Add(-time.Minute)
}

// DayOf returns the conference day of a session starting at t (in the
// conference zone): of the days the source listed (Conference.Days, in
// their order), the last that holds t, ends included (36C3's days end at
// 04:00, and sessions at 04:00 are on the day that ends then); else the
// day of ConferenceDay's date, the source's if it lists that date (36C3 has
// sessions from 09:30 on days that start at 11:00), with the bounds
// DayBounds computes if not.
func (s *Schedule) DayOf(t time.Time) Day {
	return dayOf(s.Conference.Days, t, s.Conference.DayChangeClock())
}

func dayOf(kept []Day, t time.Time, change int) Day {
	date, i := keptDay(kept, t, change)
	if i >= 0 {
		return kept[i]
	}
	start, end := DayBounds(date, change, t.Location())
	return Day{Date: date, Start: start, End: end}
}

// SessionDay returns the date of the conference day ss is on: DayOf its
// start in the schedule's zone. An untimed session is on no day (false).
// --day selects by it, so that a day's selection is the sessions the
// frab, table and html writers show under that day.
func (s *Schedule) SessionDay(ss *Session) (Date, bool) {
	return sessionDay(s.Conference.Days, ss, s.Loc(), s.Conference.DayChangeClock())
}

// sessionDay is SessionDay with the schedule's days, zone and day change
// taken once, for callers that ask for many sessions.
func sessionDay(kept []Day, ss *Session, loc *time.Location, change int) (Date, bool) {
	if !ss.Timed() {
		return Date{}, false
	}
	d, _ := keptDay(kept, ss.Start.In(loc), change)
	return d, true
}

// keptDay returns the date of the conference day of t as DayOf finds it,
// and the index in kept of the source's day that is that day, or -1 when
// the source lists none (and DayOf computes its bounds). The date alone
// needs no bounds: DayBounds resolves two wall clocks, which --day would
// otherwise pay for every session.
func keptDay(kept []Day, t time.Time, change int) (Date, int) {
	for i := len(kept) - 1; i >= 0; i-- {
		if d := kept[i]; !t.Before(d.Start) && !t.After(d.End) {
			return d.Date, i
		}
	}
	date := ConferenceDay(t, change)
	for i, d := range kept {
		if d.Date == date {
			return date, i
		}
	}
	return date, -1
}
