// Package diff is the one definition of a change between two schedules,
// shared by schedkit diff and by the ics state, which gives an event a new
// SEQUENCE exactly when diff reports its session changed in a field the
// event shows (EventChanged).
//
// The model: sessions are paired by id; those left over by guid, then by
// title and start instant (Result.Paired lists such pairs: their ids differ,
// which is no change). A session of the new schedule with
// no partner is added, one of the old schedule with none is removed, and a
// pair is changed when any field of the table (Fields) differs: title,
// subtitle, track (its id), track name (as writers show it with the
// session), room (as validate canonicalises it), start and end (as
// instants, so another zone is no change), type, status, speakers (name
// and affiliation, item by item), abstract, description, url, language,
// tags (item by item), links and attachments (title and url, item by
// item), do_not_record, recording_license, logo, feedback_url and
// origin_url (as the frab writers keep them: http(s) URLs) and guid (as
// exported, a missing one derived). Nothing else of a session counts (see
// the table, fields, for what is left out and why).
//
// The conference is compared too: its name, id, time zone, url, day
// change and organizer; its tracks (by id: added, removed, renamed; a
// rename is also a "track name" change of each of the track's sessions,
// since every export shows the name with the session); and its days (by
// date: added, removed, other bounds), the days apps group sessions by
// (schedule.DayOf of each timed session), so that a day_change that moves
// night sessions onto another day shows. Not compared: the source's
// version and timeslot duration (frab metadata that writers derive when
// a source has none), the room registry (the rooms of sessions are) and
// the validation policy.
//
// An id used more than once on a side (a merged schedule, or a mistake
// that validate reports) is paired use by use: identical sessions first,
// in file order; then the rest by guid, when both give one and it matches;
// then the rest in order of start time, room and title. Uses left over are
// added or removed. So the same schedule with its sessions reordered, as
// import writes it, is no change.
//
// Rooms are compared by NameKey only; mapping an alias of the room
// registry to its room is canonicalisation, which callers do before
// comparing (schedule.Normalize, which loading runs). Compare never changes its
// inputs.
package diff

import (
	"cmp"
	"slices"
	"strings"

	"github.com/schedkit/schedkit/schedule"
)

// Result is what differs between two schedules. Its JSON form is the
// output of schedkit diff --format json; empty lists are [] and not null.
type Result struct {
	// Conference lists the conference fields that differ: name, id,
	// timezone, url, day_change (as a clock: unset is "00:00"; only when
	// a side has a session on a day it does not list, whose bounds it
	// gives), organizer ("Name <email>").
	Conference []FieldChange `json:"conference"`
	// Tracks lists the tracks added and renamed, in the new file's order,
	// then those removed (see TrackChange).
	Tracks []TrackChange `json:"tracks"`
	// Days lists the conference days added and with other bounds, in
	// order, then those removed (see DayChange).
	Days []DayChange `json:"days"`
	// Added lists the sessions of the new schedule without a partner, and
	// Removed those of the old one, each in its file's order.
	Added   []SessionRef `json:"added"`
	Removed []SessionRef `json:"removed"`
	// Changed lists the paired sessions that differ, in the new file's
	// order.
	Changed []SessionChange `json:"changed"`
	// Paired lists the sessions paired although their ids differ (by
	// guid, else by title and start), in the new file's order: a renumbered
	// id is no change of the session, but is reported.
	Paired []Pairing `json:"paired"`
}

// Pairing is a pair of sessions of different ids: the old id, the new one,
// the new title, and what paired them: "guid" or "title and start".
type Pairing struct {
	OldID string `json:"old_id"`
	NewID string `json:"new_id"`
	Title string `json:"title"`
	By    string `json:"by"`
}

// What pairs sessions of different ids.
const (
	ByGUID       = "guid"
	ByTitleStart = "title and start"
)

// FieldChange is a field that differs; Old and New are display values
// (times to the minute in their schedule's zone, lists joined), never
// equal.
type FieldChange struct {
	Field string `json:"field"`
	Old   string `json:"old"`
	New   string `json:"new"`
}

// SessionRef names a session that was added or removed.
type SessionRef struct {
	ID    string `json:"id"`
	Title string `json:"title"`
	Start string `json:"start"`
	End   string `json:"end"`
	Room  string `json:"room"`
	// Index is the session's place in the Sessions of its schedule (new
	// for an added session, old for a removed one), for output that
	// follows the file's order.
	Index int `json:"-"`
}

// SessionChange is a paired session that differs: its id and new title,
// and the fields that differ in table order.
type SessionChange struct {
	ID     string        `json:"id"`
	Title  string        `json:"title"`
	Fields []FieldChange `json:"fields"`
	// Index is the session's place in the new schedule's Sessions.
	Index int `json:"-"`
}

// Same reports whether nothing differs.
func (r *Result) Same() bool {
	return len(r.Conference) == 0 && len(r.Tracks) == 0 && len(r.Days) == 0 && len(r.Added) == 0 && len(r.Removed) == 0 && len(r.Changed) == 0
}

// Compare compares old and new session by session, as the package doc
// describes. It does not change old or new.
func Compare(old, new *schedule.Schedule) *Result {
	r := &Result{Conference: []FieldChange{}, Added: []SessionRef{}, Removed: []SessionRef{}, Changed: []SessionChange{}, Paired: []Pairing{}}
	r.Conference = compareConference(old, new)
	r.Tracks = compareTracks(old, new)
	r.Days = compareDays(old, new)
	pairs, by, removed := pair(old, new)
	for i, n := range new.Sessions {
		o, ok := pairs[n]
		if !ok {
			r.Added = append(r.Added, ref(n, i))
			continue
		}
		if b := by[n]; b != "" {
			r.Paired = append(r.Paired, Pairing{OldID: o.ID, NewID: n.ID, Title: n.Title, By: b})
		}
		if fs := Changes(old, o, new, n); len(fs) > 0 {
			r.Changed = append(r.Changed, SessionChange{ID: n.ID, Title: n.Title, Fields: fs, Index: i})
		}
	}
	for _, i := range removed {
		r.Removed = append(r.Removed, ref(old.Sessions[i], i))
	}
	return r
}

func ref(s *schedule.Session, i int) SessionRef {
	return SessionRef{ID: s.ID, Title: s.Title, Start: when(s.Start), End: when(s.End), Room: s.Room, Index: i}
}

// pair pairs every session of new with at most one of old, by id, as the
// package doc describes, then the sessions left over by guid and then by
// title and start (repair). It returns the pairs, new to old, what paired
// those of different ids, and the indexes of the unpaired sessions of old,
// in file order.
func pair(old, new *schedule.Schedule) (map[*schedule.Session]*schedule.Session, map[*schedule.Session]string, []int) {
	byID := func(ss []*schedule.Session) map[string][]*schedule.Session {
		m := make(map[string][]*schedule.Session, len(ss))
		for _, s := range ss {
			m[s.ID] = append(m[s.ID], s)
		}
		return m
	}
	olds := byID(old.Sessions)
	pairs := make(map[*schedule.Session]*schedule.Session, len(new.Sessions))
	for id, nuses := range byID(new.Sessions) {
		ouses := olds[id]
		if len(ouses) == 1 && len(nuses) == 1 {
			pairs[nuses[0]] = ouses[0]
			continue
		}
		pairUses(old, new, ouses, nuses, pairs)
	}
	paired := make(map[*schedule.Session]bool, len(pairs))
	for _, o := range pairs {
		paired[o] = true
	}
	by := repair(old, new, pairs, paired)
	var removed []int
	for i, s := range old.Sessions {
		if !paired[s] {
			removed = append(removed, i)
		}
	}
	return pairs, by, removed
}

// repair pairs the sessions that the ids left unpaired: by guid when both
// give one, then by title and start instant, each time in file order. A
// schedule and its own frab export, where duplicate ids were renumbered,
// so compare as the same, and a page import pairs with a hand-written copy
// of other ids. It adds to pairs and paired and returns what paired each.
func repair(old, new *schedule.Schedule, pairs map[*schedule.Session]*schedule.Session, paired map[*schedule.Session]bool) map[*schedule.Session]string {
	by := map[*schedule.Session]string{}
	for _, step := range []struct {
		name string
		key  func(*schedule.Session) string
	}{
		{ByGUID, func(s *schedule.Session) string { return s.GUID }},
		{ByTitleStart, func(s *schedule.Session) string {
			if s.Title == "" || !s.Timed() {
				return ""
			}
			return s.Title + "\x00" + s.Start.UTC().Format("2006-01-02T15:04:05")
		}},
	} {
		left := map[string][]*schedule.Session{}
		for _, o := range old.Sessions {
			if k := step.key(o); k != "" && !paired[o] {
				left[k] = append(left[k], o)
			}
		}
		for _, n := range new.Sessions {
			if _, ok := pairs[n]; ok {
				continue
			}
			k := step.key(n)
			if os := left[k]; k != "" && len(os) > 0 {
				pairs[n], paired[os[0]], by[n] = os[0], true, step.name
				left[k] = os[1:]
			}
		}
	}
	return by
}

// pairUses pairs the uses ouses (of old) and nuses (of new) of one session
// id into pairs: identical first, then by guid, then by start time, room
// and title.
func pairUses(old, new *schedule.Schedule, ouses, nuses []*schedule.Session, pairs map[*schedule.Session]*schedule.Session) {
	used := make([]bool, len(ouses))
	// Identical content first: equal content keys are sessions Changes
	// finds no difference between.
	same := map[string][]int{}
	for i, o := range ouses {
		k := contentKey(old, o)
		same[k] = append(same[k], i)
	}
	var rest []*schedule.Session
	for _, n := range nuses {
		k := contentKey(new, n)
		if is := same[k]; len(is) > 0 {
			pairs[n] = ouses[is[0]]
			used[is[0]] = true
			same[k] = is[1:]
			continue
		}
		rest = append(rest, n)
	}
	// Then by guid, when both sessions give one.
	guids := map[string][]int{}
	for i, o := range ouses {
		if !used[i] && o.GUID != "" {
			guids[o.GUID] = append(guids[o.GUID], i)
		}
	}
	var left []*schedule.Session
	for _, n := range rest {
		if is := guids[n.GUID]; n.GUID != "" && len(is) > 0 {
			pairs[n] = ouses[is[0]]
			used[is[0]] = true
			guids[n.GUID] = is[1:]
			continue
		}
		left = append(left, n)
	}
	// Then in order of start time, room and title (sorting copies: the
	// schedules' own slices keep their order).
	var oleft []*schedule.Session
	for i, o := range ouses {
		if !used[i] {
			oleft = append(oleft, o)
		}
	}
	byTime := func(a, b *schedule.Session) int {
		return cmp.Or(a.Start.Compare(b.Start),
			strings.Compare(schedule.NameKey(a.Room), schedule.NameKey(b.Room)),
			strings.Compare(a.Title, b.Title))
	}
	slices.SortStableFunc(oleft, byTime)
	slices.SortStableFunc(left, byTime)
	for i := range min(len(oleft), len(left)) {
		pairs[left[i]] = oleft[i]
	}
}

// DuplicateID is a session id used more than once in a schedule, and how
// many times: Compare pairs its uses beyond the id.
type DuplicateID struct {
	ID   string
	Uses int
}

// DuplicateIDs returns the session ids of s used more than once, in the
// order of their second use; nil when there are none.
func DuplicateIDs(s *schedule.Schedule) []DuplicateID {
	count := map[string]int{}
	var ids []string
	for _, x := range s.Sessions {
		count[x.ID]++
		if count[x.ID] == 2 {
			ids = append(ids, x.ID)
		}
	}
	var dups []DuplicateID
	for _, id := range ids {
		dups = append(dups, DuplicateID{id, count[id]})
	}
	return dups
}
