package ics

import (
	"fmt"
	"sort"
	"time"

	ical "github.com/arran4/golang-ical"
)

// Transition is a change of UTC offset in a zone.
type Transition struct {
	At       time.Time // the instant, in UTC
	From, To int       // offsets east of UTC in seconds, before and after
	Name     string    // abbreviation after the change ("CEST")
	DST      bool      // daylight saving time after the change
}

// Transitions returns the offset changes of loc from the start of year from
// to the end of year to, found by probing the tz database (Go does not
// expose its transition table) every six hours and bisecting to the second.
// Changes of abbreviation or DST flag alone are not transitions: they do
// not move any wall clock.
func Transitions(loc *time.Location, from, to int) []Transition {
	start := time.Date(from, 1, 1, 0, 0, 0, 0, time.UTC).Add(-14 * time.Hour)
	end := time.Date(to+1, 1, 1, 0, 0, 0, 0, time.UTC).Add(14 * time.Hour)
	const step = 6 * time.Hour
	offset := func(t time.Time) int { _, o := t.In(loc).Zone(); return o }
	var out []Transition
	prev := offset(start)
	for t := start; t.Before(end); t = t.Add(step) {
		next := t.Add(step)
		o := offset(next)
		if o == prev {
			continue
		}
		lo, hi := t, next // offset(lo) == prev, offset(hi) != prev
		for hi.Sub(lo) > time.Second {
			mid := lo.Add(hi.Sub(lo) / 2).Truncate(time.Second)
			if mid.Equal(lo) {
				mid = lo.Add(time.Second)
			}
			if offset(mid) == prev {
				lo = mid
			} else {
				hi = mid
			}
		}
		at := hi.In(loc)
		name, _ := at.Zone()
		out = append(out, Transition{At: hi.UTC(), From: prev, To: offset(hi), Name: name, DST: at.IsDST()})
		prev = offset(hi)
		// A second change within the same step would be missed; none
		// exists in the tz database (changes are weeks apart at least).
	}
	return out
}

// rule is a yearly recurrence of transitions: month, weekday, which one of
// the month (1..4, or -1 for the last) and the local time of day.
type rule struct {
	dst      bool
	from, to int
	name     string
	month    time.Month
	weekday  time.Weekday
	nth      int
	clock    time.Duration // wall time of day before the change
}

func ruleOf(tr Transition) rule {
	wall := tr.At.Add(time.Duration(tr.From) * time.Second) // local time before the change, as UTC fields
	day := wall.Day()
	monthLen := time.Date(wall.Year(), wall.Month()+1, 0, 0, 0, 0, 0, time.UTC).Day()
	nth := (day-1)/7 + 1
	if day+7 > monthLen {
		nth = -1
	}
	clock := time.Duration(wall.Hour())*time.Hour + time.Duration(wall.Minute())*time.Minute + time.Duration(wall.Second())*time.Second
	return rule{tr.DST, tr.From, tr.To, tr.Name, wall.Month(), wall.Weekday(), nth, clock}
}

// observance is one STANDARD or DAYLIGHT: the transitions of one rule in
// consecutive years.
type observance struct {
	rule rule
	ons  []Transition
}

// VTimezone builds the VTIMEZONE (RFC 5545 §3.6.5) of loc for events in the
// years from through to, from the tz database.
//
// Where one yearly rule for each direction describes every change of
// offset from the start of the year before from to the end of year to, the
// VTIMEZONE is that pair and nothing else (see yearlyPair): one STANDARD
// and one DAYLIGHT, each with RRULE:FREQ=YEARLY;BYMONTH=…;BYDAY=… and no
// UNTIL, DTSTART at its onset in the year before from, so that every date
// of the span comes after an onset. That is the form Outlook understands
// (it reduces a VTIMEZONE to one yearly rule and may take the first
// block). DAYLIGHT is the observance with the larger offset, also where
// the tz database calls winter time daylight saving time (Europe/Dublin's
// negative DST): clients take DAYLIGHT for summer time.
//
// Otherwise (the rule changed within the span, DST began or ended, or
// there is none) it is the explicit form:
//   - a first observance with DTSTART 19700101T000000 and the offset in
//     effect at the start of year from, so that every date from 1970 has an
//     offset (clients such as ical.js need one before the first event);
//   - one STANDARD or DAYLIGHT per yearly rule, DTSTART at its first onset in
//     the span, with RRULE:FREQ=YEARLY;BYMONTH=…;BYDAY=… — with UNTIL when
//     the rule ended within the span, without when it still holds in year
//     to — or a single onset without RRULE when it happened once.
//
// Offsets before year from are those of year from's start (not the tz
// database's): no event of the schedule is there. A test compares the
// result with time.LoadLocation hour by hour.
func VTimezone(loc *time.Location, from, to int) (*ical.VTimezone, error) {
	if loc == nil || loc.String() == "" || loc.String() == "Local" {
		return nil, fmt.Errorf("ics: no IANA time zone to describe")
	}
	if from > to || from < 1 || to > 9999 {
		return nil, fmt.Errorf("ics: bad year span %d-%d", from, to)
	}
	if tz := yearlyPair(loc, from, to); tz != nil {
		return tz, nil
	}
	trs := Transitions(loc, from, to)
	startAt := time.Date(from, 1, 1, 0, 0, 0, 0, time.UTC).Add(-14 * time.Hour)
	if len(trs) > 0 && trs[0].At.Before(startAt.Add(time.Second)) {
		startAt = trs[0].At.Add(-time.Second)
	}
	first := startAt.In(loc)
	firstName, firstOff := first.Zone()

	// Group transitions into observances: same rule in consecutive years.
	var obs []*observance
	open := map[rule]*observance{}
	for _, tr := range trs {
		r := ruleOf(tr)
		y := tr.At.Add(time.Duration(tr.From) * time.Second).Year()
		if o := open[r]; o != nil {
			last := o.ons[len(o.ons)-1]
			if last.At.Add(time.Duration(last.From)*time.Second).Year() == y-1 {
				o.ons = append(o.ons, tr)
				continue
			}
		}
		o := &observance{rule: r, ons: []Transition{tr}}
		open[r] = o
		obs = append(obs, o)
	}
	sort.SliceStable(obs, func(i, j int) bool { return obs[i].ons[0].At.Before(obs[j].ons[0].At) })

	tz := ical.NewTimezone(loc.String())
	add := func(dst bool, dtstart string, from, to int, name string, rrule string) {
		addObservance(tz, dst, dtstart, from, to, name, rrule)
	}
	add(first.IsDST(), "19700101T000000", firstOff, firstOff, firstName, "")
	for _, o := range obs {
		on := o.ons[0]
		wall := on.At.Add(time.Duration(on.From) * time.Second)
		rr := ""
		lastYear := o.ons[len(o.ons)-1].At.Add(time.Duration(on.From) * time.Second).Year()
		switch {
		case lastYear >= to:
			rr = o.rule.rrule()
		case len(o.ons) > 1:
			rr = o.rule.rrule() + ";UNTIL=" + o.ons[len(o.ons)-1].At.UTC().Format("20060102T150405Z")
		}
		add(o.rule.dst, wall.Format("20060102T150405"), on.From, on.To, on.Name, rr)
	}
	return tz, nil
}

// rrule is the yearly RRULE of r, without UNTIL.
func (r rule) rrule() string {
	weekdays := [...]string{"SU", "MO", "TU", "WE", "TH", "FR", "SA"}
	return fmt.Sprintf("FREQ=YEARLY;BYMONTH=%d;BYDAY=%d%s", r.month, r.nth, weekdays[r.weekday])
}

// addObservance adds a DAYLIGHT (dst) or STANDARD to tz.
func addObservance(tz *ical.VTimezone, dst bool, dtstart string, from, to int, name string, rrule string) {
	var c *ical.ComponentBase
	if dst {
		d := &ical.Daylight{}
		tz.Components = append(tz.Components, d)
		c = &d.ComponentBase
	} else {
		s := tz.AddStandard()
		c = &s.ComponentBase
	}
	c.AddProperty(ical.ComponentPropertyDtStart, dtstart)
	c.AddProperty(ical.ComponentProperty(ical.PropertyTzoffsetfrom), utcOffset(from))
	c.AddProperty(ical.ComponentProperty(ical.PropertyTzoffsetto), utcOffset(to))
	if name != "" {
		c.AddProperty(ical.ComponentProperty(ical.PropertyTzname), name)
	}
	if rrule != "" {
		c.AddProperty(ical.ComponentPropertyRrule, rrule)
	}
}

// yearlyPair returns the VTIMEZONE of loc as one STANDARD and one
// DAYLIGHT with yearly rules (see VTimezone), or nil when that cannot
// describe loc exactly from the start of year from-1 to the end of year
// to: every change of offset in those years must be one of two rules (same
// month, weekday, week of the month, wall time, offsets and abbreviation
// every year), each taking effect once in every one of those years, the
// one undoing the other.
func yearlyPair(loc *time.Location, from, to int) *ical.VTimezone {
	first := from - 1
	if first < 1 {
		return nil
	}
	years := to - first + 1
	var rules []rule
	ons := map[rule][]Transition{}
	for _, tr := range Transitions(loc, first, to) {
		r := ruleOf(tr)
		y := tr.At.Add(time.Duration(tr.From) * time.Second).Year()
		prev := ons[r]
		if y != first+len(prev) { // not the next year of this rule: a change outside the span, or a gap
			return nil
		}
		if prev == nil {
			rules = append(rules, r)
			if len(rules) > 2 {
				return nil
			}
		}
		ons[r] = append(prev, tr)
	}
	if len(rules) != 2 {
		return nil
	}
	std, dst := rules[0], rules[1]
	if std.to > dst.to {
		std, dst = dst, std
	}
	if len(ons[std]) != years || len(ons[dst]) != years || std.to != dst.from || dst.to != std.from || std.to == dst.to {
		return nil
	}
	tz := ical.NewTimezone(loc.String())
	for _, r := range []rule{std, dst} {
		on := ons[r][0]
		wall := on.At.Add(time.Duration(on.From) * time.Second)
		addObservance(tz, r == dst, wall.Format("20060102T150405"), r.from, r.to, r.name, r.rrule())
	}
	return tz
}

// utcOffset formats an offset as RFC 5545 §3.3.14 UTC-OFFSET: ±HHMM, or
// ±HHMMSS when it has seconds.
func utcOffset(sec int) string {
	sign := '+'
	if sec < 0 {
		sign, sec = '-', -sec
	}
	if sec%60 != 0 {
		return fmt.Sprintf("%c%02d%02d%02d", sign, sec/3600, sec/60%60, sec%60)
	}
	return fmt.Sprintf("%c%02d%02d", sign, sec/3600, sec/60%60)
}
