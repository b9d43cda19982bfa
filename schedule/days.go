package schedule

import (
	"cmp"
	"fmt"
	"strconv"
	"strings"
	"time"

	"go.yaml.in/yaml/v4"

	"github.com/schedkit/schedkit/internal/lazyregexp"
)

// dayFields are the fields of an item of conference days.
var dayFields = []string{"date", "start", "end"}

// dayBoundRE is a day's start or end: a local date-time, with seconds
// (frab days end a second before the next starts: 21:29:59) and with the
// UTC offset that picks a reading of a time that occurs twice.
var dayBoundRE = lazyregexp.New(`^(\d{4}-\d{2}-\d{2})T(\d{1,2}:\d{2})(?::(\d{2}))?([+-]\d{2}:\d{2})?$`)

// parseDayBound parses a day's start or end into a when and its seconds.
func parseDayBound(s string) (when, int, error) {
	m := dayBoundRE.FindStringSubmatch(s)
	if m == nil {
		return when{}, 0, fmt.Errorf("%q is not a local date-time such as 2019-12-27T11:00 (or 2023-09-11T02:59:59)", s)
	}
	w, err := parseWhen(m[1] + "T" + m[2] + m[4])
	if err != nil {
		return when{}, 0, err
	}
	sec := 0
	if m[3] != "" {
		sec, _ = strconv.Atoi(m[3])
		if sec > 59 {
			return when{}, 0, fmt.Errorf("%q has %d seconds", s, sec)
		}
	}
	return w, sec, nil
}

// days reads the conference's days: a list of {date, start, end}, start
// and end as local date-times in the conference zone, end after start,
// each date once.
func (l *loader) days(s *Schedule, fs map[string]field) {
	seen := map[Date]int{}
	for i, n := range l.list(fs, "days", "conference") {
		n = l.deref(n)
		what := fmt.Sprintf("conference day %d", i+1)
		dfs := l.mapping(n, what, dayFields)
		if dfs == nil {
			continue
		}
		var d Day
		good := true
		if ds, v, ok := l.required(dfs, n, "date", what); ok {
			date, err := ParseDate(ds)
			if err != nil {
				l.add(RuleBadValue, v, "%s: %v", what, err)
				good = false
			} else if first, dup := seen[date]; dup {
				l.add(RuleBadValue, v, "%s: date %s is day %d's too; each day is listed once", what, date, first)
				good = false
			} else {
				seen[date] = i + 1
				d.Date = date
				what = "conference day " + date.String()
			}
		} else {
			good = false
		}
		bound := func(field string) (time.Time, *yaml.Node, bool) {
			text, v, ok := l.str(dfs, field, what)
			if !ok || strings.TrimSpace(text) == "" {
				if v == nil || v.Kind == yaml.ScalarNode {
					l.add(RuleRequired, cmp.Or(v, n), "%s needs its %s, a local date-time such as 2019-12-27T11:00", what, field)
				}
				return time.Time{}, v, false
			}
			w, sec, err := parseDayBound(text)
			if err != nil {
				l.add(RuleBadValue, v, "%s: %s: %v", what, field, err)
				return time.Time{}, v, false
			}
			t, ok := l.wall(w.date, w, s.Loc(), v, what, field)
			return t.Add(time.Duration(sec) * time.Second), v, ok
		}
		start, _, okS := bound("start")
		end, ev, okE := bound("end")
		if okS && okE && !end.After(start) {
			l.add(RuleBadValue, ev, "%s: end %s is not after start %s", what, end.Format("2006-01-02T15:04:05"), start.Format("2006-01-02T15:04:05"))
			good = false
		}
		if good && okS && okE {
			d.Start, d.End = start, end
			s.Conference.Days = append(s.Conference.Days, d)
		}
	}
}
