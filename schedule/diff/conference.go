package diff

import (
	"slices"
	"strconv"
	"time"

	"github.com/schedkit/schedkit/schedule"
)

// What happened to a track or a day (TrackChange.Change, DayChange.Change).
const (
	KindAdded   = "added"
	KindRemoved = "removed"
	KindChanged = "changed"
)

// TrackChange is a track added, removed or renamed. Tracks are paired by
// id, and only the tracks that hold a session count (as the frab writers
// list tracks; other writers show a track only with its sessions), less the
// placeholder of sessions that had none (schedule.IsNoTrack), which no
// writer shows.
type TrackChange struct {
	ID string `json:"id"`
	// Change is "added", "removed" or "changed".
	Change string `json:"change"`
	// Name is the track's name: the new one, the old one for a removed
	// track.
	Name string `json:"name"`
	// Fields lists what changed of a changed track: its "name"; empty for
	// an added or removed one.
	Fields []FieldChange `json:"fields"`
	// Sessions counts the track's sessions: in the new schedule, in the
	// old one for a removed track. The sessions of a renamed track are in
	// Result.Changed too, each with a "track name" change.
	Sessions int `json:"sessions"`
}

// DayChange is a conference day added, removed, or with other bounds.
// The days compared are those apps show: the days of the timed sessions,
// as schedule.DayOf puts each on one (a day the source lists, or the day
// of its start with bounds from day_change), paired by date. A listed day
// without sessions is not shown by any writer but yaml's, and not
// compared. A day's bounds are compared as wall clocks in the conference
// zone (a day is local: the same days of a conference that moved zone are
// no change, the move itself being one).
type DayChange struct {
	Date string `json:"date"`
	// Change is "added", "removed" or "changed".
	Change string `json:"change"`
	// Start and End are the day's bounds, as diff shows instants: the new
	// ones, the old ones for a removed day.
	Start string `json:"start"`
	End   string `json:"end"`
	// Fields lists what changed of a changed day ("start", "end"); empty
	// for an added or removed one.
	Fields []FieldChange `json:"fields"`
	// Sessions counts the sessions on the day: in the new schedule, in
	// the old one for a removed day.
	Sessions int `json:"sessions"`
}

// compareConference returns the conference fields that differ, in this
// order: name, id, timezone, url, day_change (see onUnlistedDay),
// organizer.
func compareConference(old, new *schedule.Schedule) []FieldChange {
	oc, nc := &old.Conference, &new.Conference
	fs := []FieldChange{}
	for _, f := range []FieldChange{
		{"name", oc.Name, nc.Name},
		{"id", oc.ID, nc.ID},
		{"timezone", oc.TimeZone, nc.TimeZone},
		{"url", oc.URL, nc.URL},
	} {
		if f.Old != f.New {
			fs = append(fs, f)
		}
	}
	// day_change as a clock: unset is midnight, and "4:00" is "04:00".
	// It is compared when it places a session on a day: when a side has
	// one on a day it does not list. A schedule whose sessions are all on
	// listed days and its frab export, whose reader infers a day_change
	// from the days, are the same.
	if o, n := oc.DayChangeClock(), nc.DayChangeClock(); o != n && (onUnlistedDay(old) || onUnlistedDay(new)) {
		fs = append(fs, FieldChange{"day_change", schedule.FormatClock(o), schedule.FormatClock(n)})
	}
	// The organizer is on every calendar event (ORGANIZER).
	if o, n := organizerKey(oc.Organizer), organizerKey(nc.Organizer); o != n {
		ov, nv := showOrganizer(oc.Organizer, false), showOrganizer(nc.Organizer, false)
		if ov == nv {
			ov, nv = showOrganizer(oc.Organizer, true), showOrganizer(nc.Organizer, true)
		}
		fs = append(fs, FieldChange{"organizer", ov, nv})
	}
	return fs
}

func organizerKey(o *schedule.Organizer) string {
	if o == nil {
		return ""
	}
	return strconv.Quote(o.Name) + strconv.Quote(o.Email)
}

// showOrganizer shows an organizer as "Name <email>", or with both
// quoted when that reads alike for different organizers.
func showOrganizer(o *schedule.Organizer, quoted bool) string {
	if o == nil {
		return ""
	}
	if quoted {
		return strconv.Quote(o.Name) + " <" + strconv.Quote(o.Email) + ">"
	}
	switch {
	case o.Email == "":
		return o.Name
	case o.Name == "":
		return "<" + o.Email + ">"
	}
	return o.Name + " <" + o.Email + ">"
}

// trackInfo is a track as compared: its name as writers show it and its
// number of sessions.
type trackInfo struct {
	name     string
	sessions int
}

// tracksOf returns the tracks of s's sessions by id, and the ids in order
// of first use. A second track object of an id counts as the first.
func tracksOf(s *schedule.Schedule) (map[string]*trackInfo, []string) {
	m := map[string]*trackInfo{}
	var ids []string
	for _, x := range s.Sessions {
		if x.Track == nil || schedule.IsNoTrack(x.Track) {
			continue
		}
		t := m[x.Track.ID]
		if t == nil {
			t = &trackInfo{name: x.Track.Name}
			m[x.Track.ID] = t
			ids = append(ids, x.Track.ID)
		}
		t.sessions++
	}
	return m, ids
}

// compareTracks returns the tracks added and renamed, in the new
// schedule's order, then those removed, in the old one's.
func compareTracks(old, new *schedule.Schedule) []TrackChange {
	ot, oids := tracksOf(old)
	nt, nids := tracksOf(new)
	out := []TrackChange{}
	for _, id := range nids {
		n, o := nt[id], ot[id]
		switch {
		case o == nil:
			out = append(out, TrackChange{ID: id, Change: KindAdded, Name: n.name, Fields: []FieldChange{}, Sessions: n.sessions})
		case o.name != n.name:
			out = append(out, TrackChange{ID: id, Change: KindChanged, Name: n.name, Fields: []FieldChange{{"name", o.name, n.name}}, Sessions: n.sessions})
		}
	}
	for _, id := range oids {
		if o := ot[id]; nt[id] == nil {
			out = append(out, TrackChange{ID: id, Change: KindRemoved, Name: o.name, Fields: []FieldChange{}, Sessions: o.sessions})
		}
	}
	return out
}

// dayInfo is a day as compared, with its number of sessions.
type dayInfo struct {
	day      schedule.Day
	sessions int
}

// daysOf returns the days of s's timed sessions by date, and the dates in
// order of the days' starts.
func daysOf(s *schedule.Schedule) (map[schedule.Date]*dayInfo, []schedule.Date) {
	m := map[schedule.Date]*dayInfo{}
	var dates []schedule.Date
	loc := s.Loc()
	for _, x := range s.Sessions {
		if !x.Timed() {
			continue
		}
		d := s.DayOf(x.Start.In(loc))
		di := m[d.Date]
		if di == nil {
			di = &dayInfo{day: d}
			m[d.Date] = di
			dates = append(dates, d.Date)
		}
		di.sessions++
	}
	slices.SortStableFunc(dates, func(a, b schedule.Date) int { return m[a].day.Start.Compare(m[b].day.Start) })
	return m, dates
}

// wall is an instant as a wall clock in its zone, to the nanosecond.
func wall(t time.Time) string { return t.Format("2006-01-02 15:04:05.999999999") }

// onUnlistedDay reports whether a timed session of s is on a day that s
// does not list, one whose bounds day_change gives.
func onUnlistedDay(s *schedule.Schedule) bool {
	loc := s.Loc()
	for _, x := range s.Sessions {
		if !x.Timed() {
			continue
		}
		if d := s.DayOf(x.Start.In(loc)); !slices.Contains(s.Conference.Days, d) {
			return true
		}
	}
	return false
}

// compareDays returns the days added and changed, in the order of the new
// schedule's days, then those removed, in the old one's.
func compareDays(old, new *schedule.Schedule) []DayChange {
	od, odates := daysOf(old)
	nd, ndates := daysOf(new)
	out := []DayChange{}
	ref := func(d *dayInfo, change string) DayChange {
		return DayChange{Date: d.day.Date.String(), Change: change, Start: when(d.day.Start), End: when(d.day.End), Fields: []FieldChange{}, Sessions: d.sessions}
	}
	for _, date := range ndates {
		n, o := nd[date], od[date]
		if o == nil {
			out = append(out, ref(n, KindAdded))
			continue
		}
		var fs []FieldChange
		for _, f := range []struct {
			name     string
			old, new time.Time
		}{{"start", o.day.Start, n.day.Start}, {"end", o.day.End, n.day.End}} {
			if ov, nv := wall(f.old), wall(f.new); ov != nv {
				if ow, nw := when(f.old), when(f.new); ow != nw {
					ov, nv = ow, nw
				}
				fs = append(fs, FieldChange{f.name, ov, nv})
			}
		}
		if len(fs) > 0 {
			c := ref(n, KindChanged)
			c.Fields = fs
			out = append(out, c)
		}
	}
	for _, date := range odates {
		if nd[date] == nil {
			out = append(out, ref(od[date], KindRemoved))
		}
	}
	return out
}
