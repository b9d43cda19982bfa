package frab

import (
	"cmp"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"github.com/schedkit/schedkit/internal/slug"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/schedkit/schedkit/internal/lazyregexp"
	"github.com/schedkit/schedkit/schedule"
)

// dateLayout is RFC 3339 with a numeric offset, never Z.
const dateLayout = "2006-01-02T15:04:05-07:00"

type event struct {
	s    *schedule.Session
	id   int
	guid string
}

type room struct {
	name   string
	events []*event
}

type day struct {
	index      int
	date       schedule.Date
	start, end time.Time
	rooms      []*room
	byName     map[string]*room
}

type plan struct {
	s         *schedule.Schedule
	days      []*day
	rooms     []string // every room, in order of first use
	timeslot  int      // minutes
	first     schedule.Date
	last      schedule.Date
	hasEvents bool
}

func gcd(a, b int) int {
	for b != 0 {
		a, b = b, a%b
	}
	return a
}

// Writes reports whether the writers write ss: a timed session that is not
// cancelled.
func Writes(ss *schedule.Session) bool { return ss.Timed() && ss.Status != schedule.StatusCancelled }

// makePlan assigns the timed sessions to days and rooms, ids and guids.
func makePlan(s *schedule.Schedule, sessions []*schedule.Session) *plan {
	loc := s.Loc()
	var timed []*schedule.Session
	for _, ss := range sessions {
		if Writes(ss) {
			timed = append(timed, ss)
		}
	}
	slices.SortStableFunc(timed, func(a, b *schedule.Session) int {
		return cmp.Or(a.Start.Compare(b.Start), cmp.Compare(a.Room, b.Room), a.End.Compare(b.End), cmp.Compare(a.ID, b.ID))
	})
	p := &plan{s: s, timeslot: 0}
	// Ids: frab ids first (in schedule order), then derived ones.
	used := map[int]bool{}
	ids := make([]int, len(timed))
	for i, ss := range timed {
		if ss.FrabID > 0 && !used[ss.FrabID] {
			ids[i] = ss.FrabID
			used[ss.FrabID] = true
		}
	}
	guids := map[string]bool{}
	days := map[schedule.Date]*day{}
	roomIndex := map[string]int{}
	for i, ss := range timed {
		g := s.GUIDOf(ss)
		for n := 2; guids[g]; n++ {
			g = schedule.DerivedGUID(s.Conference.ID, ss.ID+"#"+strconv.Itoa(n))
		}
		guids[g] = true
		if ids[i] == 0 {
			id := derivedID(g)
			for used[id] {
				id++
				if id <= 0 {
					id = 1
				}
			}
			ids[i] = id
			used[id] = true
		}
		start := ss.Start.In(loc)
		kd := s.DayOf(start)
		dy, ok := days[kd.Date]
		if !ok {
			dy = &day{date: kd.Date, start: kd.Start.In(loc), end: kd.End.In(loc), byName: map[string]*room{}}
			days[kd.Date] = dy
			p.days = append(p.days, dy)
		}
		name := ss.Room
		r, ok := dy.byName[name]
		if !ok {
			r = &room{name: name}
			dy.byName[name] = r
			dy.rooms = append(dy.rooms, r)
		}
		if _, ok := roomIndex[name]; !ok {
			roomIndex[name] = len(p.rooms)
			p.rooms = append(p.rooms, name)
		}
		r.events = append(r.events, &event{s: ss, id: ids[i], guid: g})
		p.timeslot = gcd(p.timeslot, gcd(start.Minute(), int(ss.Duration()/time.Minute)))
		p.hasEvents = true
	}
	slices.SortFunc(p.days, func(a, b *day) int { return a.start.Compare(b.start) })
	// Rooms in the order of the registry (a frab source's order), then
	// of their first use in the file: apps show them in file order.
	order := s.RoomOrder()
	rank := func(name string) int { return order[schedule.NameKey(name)] }
	slices.SortStableFunc(p.rooms, func(a, b string) int { return cmp.Compare(rank(a), rank(b)) })
	for i, d := range p.days {
		d.index = i + 1
		slices.SortStableFunc(d.rooms, func(a, b *room) int {
			return cmp.Compare(rank(a.name), rank(b.name))
		})
	}
	if p.timeslot <= 0 || p.timeslot > 60 {
		p.timeslot = 5
	}
	if len(p.days) > 0 {
		p.first, p.last = p.days[0].date, p.days[len(p.days)-1].date
	}
	return p
}

// derivedID is the event id of a session without a frab id: the first 31
// bits of its guid's bytes, or 1 when they are 0.
func derivedID(guid string) int {
	b, err := hex.DecodeString(strings.ReplaceAll(guid, "-", ""))
	if err != nil || len(b) < 4 {
		sum := sha256.Sum256([]byte(guid))
		b = sum[:]
	}
	id := int(binary.BigEndian.Uint32(b) & 0x7fffffff)
	return max(id, 1)
}

var httpURL = lazyregexp.New(`^https?://\S+$`)

// timeslot is the conference's timeslot_duration: the source's, or the
// greatest duration that divides every start and length.
func timeslot(c schedule.Conference, p *plan) string {
	return cmp.Or(c.TimeslotDuration, FormatDuration(timeslotDur(p)))
}

func version(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:6])
}

// eventSlug is an event slug matching the c3voc patterns: conference-id-title.
func eventSlug(conf string, id int, title string) string {
	return slug.Make(fmt.Sprintf("%s-%d-%s", conf, id, title))
}
