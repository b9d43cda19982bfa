package schedule

import (
	"cmp"
	"fmt"
	"github.com/schedkit/schedkit/internal/suggest"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// Validate runs the cross-session rules of the rule table on s and returns
// their findings with the rules' default severities (Severities.Apply sets
// the reported ones). It only reads s.
//
// Run Normalize first, as the CLI does. Validate compares rooms by
// NameKey, but a registry alias is its room (for room-overlap, changeover
// and speaker-buffer) only once Normalize has replaced it by the room's
// name, and messages name rooms as the sessions spell them. The
// room-variant findings are Normalize's; those about the registry
// (bad-value for a name or alias claimed twice, unknown-room) are
// Validate's.
//
// The overlap rules group the sessions in linear time, sort each group and
// sweep it, so Validate runs in O(n log n + k) for n sessions and k
// pairs found; k is at most about n·MaxOverlapsListed per rule, and at
// most MaxFindingsPerRule of them are formatted and kept (Findings). Cancelled
// sessions occupy no room and no speaker.
//
// On a schedule of parallelMin sessions or more, Validate runs its rule
// families on all the CPUs it may use (up to one per family), with the
// same findings, in the same order: see validate.
func Validate(s *Schedule) []Diagnostic {
	return validate(s, len(s.Sessions) >= parallelMin && runtime.GOMAXPROCS(0) > 1)
}

// families are Validate's rules in the order their findings are listed,
// as families of rules that share their work and report through a
// Findings of their own. No rule is reported by two families but
// bad-value (rooms and durations), and a family writes only its own
// validator: they share the schedule and timed read-only, and the NameKey
// cache, which has a lock.
var families = [...]func(*validator){
	(*validator).duplicateIDs,
	(*validator).duplicateSpeakers,
	(*validator).rooms,
	(*validator).durations,
	(*validator).placeOverlaps,
	(*validator).speakerRules,
}

// byCost is the order in which the workers of validate take the families:
// the costliest first, so that the others fill the time it takes. At
// 100,000 sessions speakerRules costs more than all the others together
// (CPU ms, the least of 8 runs: 83 of 153 on scripts/benchtool's JSON,
// 127 of 220 on genSchedule's YAML), then placeOverlaps, duplicateSpeakers
// and duplicateIDs (14-31 ms each), durations (9-20), rooms (none); with
// two workers, one takes speakerRules and the other the rest.
var byCost = [len(families)]int{5, 4, 1, 0, 3, 2}

// parallelMin is the fewest sessions for which Validate runs its families
// in parallel. Under it Validate takes under 3 ms (1.2-1.5 µs a session),
// and BenchmarkValidateParallel showed no gain above the noise of the
// shared 2-CPU VM at 500 and 1,000 sessions: small files keep the path
// that takes no goroutines.
const parallelMin = 2000

// validate is Validate on one goroutine or, when parallel, on as many as
// there are families or GOMAXPROCS, whichever is fewer, taking the
// families in the order byCost.
//
// In parallel the families collect their findings in a Findings each, and
// these are replayed in the order of the families into the first
// family's (Findings.replay): the same findings, in the same order, with
// the same closing findings, as one Findings collecting them all in turn
// (TestValidateParallel). A family with a Findings of its own may format
// findings that the bounds of the shared one would have left out (at
// most MaxFindings, and only when a bound is reached), never the other
// way round.
func validate(s *Schedule, parallel bool) []Diagnostic {
	names := len(s.Sessions) // a room each
	for _, ss := range s.Sessions {
		names += len(ss.Speakers)
	}
	reserveKeys(names)
	timed := timedSlots(s.Sessions)
	if !parallel {
		v := &validator{s: s, timed: timed}
		for _, run := range families {
			run(v)
		}
		return v.f.Diagnostics()
	}
	var vs [len(families)]validator
	var next atomic.Int32
	work := func() {
		for {
			i := next.Add(1) - 1
			if int(i) >= len(byCost) {
				return
			}
			f := byCost[i]
			vs[f].s, vs[f].timed = s, timed
			families[f](&vs[f])
		}
	}
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(families)) - 1 {
		wg.Go(work)
	}
	work()
	wg.Wait()
	f, n := &vs[0].f, 0
	for i := range vs {
		n += len(vs[i].f.list)
	}
	f.list = slices.Grow(f.list, min(n, MaxFindings)-len(f.list)) // once, not doubling
	for i := 1; i < len(vs); i++ {
		f.replay(&vs[i].f)
	}
	return f.Diagnostics()
}

type validator struct {
	s     *Schedule
	timed []slot   // timedSlots(s.Sessions), for the overlap rules
	f     Findings // bounded: see MaxFindingsPerRule

	// speakerOverlap's scratch: named[id] == pairs when the name numbered
	// id is named in the finding being built.
	named []int32
	pairs int32
}

func (v *validator) add(d Diagnostic) { v.f.Add(d) }

// room reports whether a finding of rule at pos can still be listed;
// a finding that cannot is counted, without being formatted.
func (v *validator) room(rule string, pos Pos) bool { return v.f.Room(rule, pos) }

func related(ss ...*Session) []Related {
	r := make([]Related, len(ss))
	for i, s := range ss {
		r[i] = Related{Pos: s.Pos, Session: s.ID}
	}
	return r
}

func (v *validator) duplicateIDs() {
	tracks := map[string]*Track{}
	for _, t := range v.s.Tracks {
		if first, dup := tracks[t.ID]; dup {
			v.add(Diag(RuleDuplicateId, t.IDPos, "track id %s is used by tracks %s and %s (line %d)", quote(t.ID), quote(t.Name), quote(first.Name), first.Pos.Line))
			continue
		}
		tracks[t.ID] = t
	}
	sessions := make(map[string]*Session, len(v.s.Sessions))
	guids := map[string]*Session{}
	for _, s := range v.s.Sessions {
		if first, dup := sessions[s.ID]; dup {
			d := Diag(RuleDuplicateId, s.At("id"), "session id %s is used by %s and %s", quote(s.ID), Who(s), Who(first))
			d.Related = related(first)
			v.add(d)
		} else {
			sessions[s.ID] = s
		}
		if s.GUID == "" {
			continue
		}
		if first, dup := guids[s.GUID]; dup {
			d := Diag(RuleDuplicateGuid, s.At("guid"), "guid %s is used by %s and %s", s.GUID, Who(s), Who(first))
			d.Related = related(first)
			v.add(d)
		} else {
			guids[s.GUID] = s
		}
	}
}

// duplicateSpeakers reports a speaker listed more than once in a session,
// by Person's rule of identity: the same id, or the same name where one of
// the two has no id. Each such speaker is reported once, with the number
// of times; a speaker without a name (a required error already) repeats
// no one.
func (v *validator) duplicateSpeakers() {
	var many repeats // reused: its maps keep their size from one session to the next
	for _, s := range v.s.Sessions {
		if len(s.Speakers) < 2 {
			continue
		}
		// A name is blank when its NameKey is: nothing but white space.
		blank := func(p Person) bool { return strings.TrimSpace(p.Name) == "" }
		var times []int // of each first listing; 0 for a repeat
		if len(s.Speakers) > 16 {
			times = many.count(s.Speakers, blank)
		} else {
			times = pairwiseSpeakers(s.Speakers, blank)
		}
		for i, n := range times {
			if n > 1 {
				v.add(Diag(RuleDuplicateSpeaker, s.At("speakers"), "%s lists speaker %s %d times",
					Who(s), quote(strings.Join(strings.Fields(s.Speakers[i].Name), " ")), n))
			}
		}
	}
}

// pairwiseSpeakers counts the listings of each speaker of ps, comparing
// each with the first listings before it: 1 for a speaker listed once, n
// for the first listing of one listed n times, 0 for a repeat.
func pairwiseSpeakers(ps []Person, blank func(Person) bool) []int {
	times := make([]int, len(ps))
	for i, p := range ps {
		times[i] = 1
		if blank(p) && p.ID == "" {
			continue
		}
		for j, q := range ps[:i] {
			if times[j] == 0 || blank(q) && q.ID == "" {
				continue
			}
			same := p.ID != "" && p.ID == q.ID
			if p.ID == "" || q.ID == "" {
				same = !blank(p) && SameName(p.Name, q.Name)
			}
			if same {
				times[j]++
				times[i] = 0
				break
			}
		}
	}
	return times
}

// repeatedSpeakers counts the listings of each speaker of ps as
// duplicateSpeakers does, with maps instead of comparing every pair: a
// session can list thousands of speakers (one YAML alias gives them to
// every session), and 600 sessions of 1,000 took 30 s pairwise.
func repeatedSpeakers(ps []Person, blank func(Person) bool) []int {
	var r repeats
	return r.count(ps, blank)
}

// repeats are repeatedSpeakers' maps, kept from one call of count to the
// next: grown anew for each of 600 sessions of 1,000 speakers, they took a
// quarter of the time of Validate.
type repeats struct {
	byID       map[string]int // id → its first listing
	byName     map[string]int // NameKey → the first listing of that name
	byNameNoID map[string]int // NameKey → the first listing of that name without an id
	times      []int
}

// count is repeatedSpeakers; the slice it returns is valid until the next call.
func (r *repeats) count(ps []Person, blank func(Person) bool) []int {
	if r.byID == nil {
		r.byID, r.byName, r.byNameNoID = map[string]int{}, map[string]int{}, map[string]int{}
	}
	clear(r.byID)
	clear(r.byName)
	clear(r.byNameNoID)
	r.times = slices.Grow(r.times[:0], len(ps))[:len(ps)]
	times, byID, byName, byNameNoID := r.times, r.byID, r.byName, r.byNameNoID
	for i, p := range ps {
		times[i] = 1
		if blank(p) && p.ID == "" {
			continue
		}
		nk := ""
		if !blank(p) {
			nk = NameKey(p.Name)
		}
		first := -1
		earliest := func(m map[string]int, k string) {
			if j, ok := m[k]; ok && (first < 0 || j < first) {
				first = j
			}
		}
		if p.ID != "" {
			earliest(byID, p.ID)
			if nk != "" {
				earliest(byNameNoID, nk)
			}
		} else {
			earliest(byName, nk)
		}
		if first >= 0 {
			times[first]++
			times[i] = 0
			continue
		}
		if p.ID != "" {
			if _, ok := byID[p.ID]; !ok {
				byID[p.ID] = i
			}
		}
		if nk != "" {
			if _, ok := byName[nk]; !ok {
				byName[nk] = i
			}
			if _, ok := byNameNoID[nk]; !ok && p.ID == "" {
				byNameNoID[nk] = i
			}
		}
	}
	return times
}

// rooms reports the names and aliases of the room registry that an
// earlier room has claimed and, when there is a registry, the session rooms
// that are in it under no spelling. It only reads: Normalize gives the
// sessions their canonical room, and reports the spellings it changed.
func (v *validator) rooms() {
	canon, _ := registry(v.s.Rooms, v.add)
	if len(v.s.Rooms) == 0 {
		return
	}
	known := map[string]bool{}   // spelling → in the registry: rooms are few, sessions many
	guess := map[string]string{} // unknown spelling → its suggestion, computed once
	var names []string
	for _, s := range v.s.Sessions {
		if s.Room == "" {
			continue
		}
		in, ok := known[s.Room]
		if !ok {
			_, in = canon[NameKey(s.Room)]
			known[s.Room] = in
		}
		if in || !v.room(RuleUnknownRoom, s.At("room")) {
			continue
		}
		msg := fmt.Sprintf("%s: room %s is not in rooms:", Who(s), quote(s.Room))
		g, ok := guess[s.Room]
		if !ok && len(guess) < maxRoomGuesses {
			if names == nil {
				names = make([]string, 0, len(v.s.Rooms))
				for _, r := range v.s.Rooms {
					names = append(names, r.Name)
				}
			}
			g = suggest.Closest(s.Room, names) // bounded: see suggest.MaxCandidates
			guess[s.Room] = g
		}
		if g != "" {
			msg += fmt.Sprintf("; did you mean %s?", quote(g))
		}
		v.add(Diag(RuleUnknownRoom, s.At("room"), "%s", msg))
	}
}

// maxRoomGuesses bounds the unknown room spellings that get a "did you
// mean": a few are typos, thousands are another problem (or a hostile
// file), and each guess compares with up to suggest.MaxCandidates rooms.
const maxRoomGuesses = 100

func (v *validator) durations() {
	p := v.s.Policy
	for _, s := range v.s.Sessions {
		if !s.Timed() {
			continue
		}
		d := s.End.Sub(s.Start)
		switch {
		case d <= 0:
			v.add(Diag(RuleEndBeforeStart, endPos(s), "%s ends at %s, not after its start %s", Who(s), stamp(s.End), stamp(s.Start)))
			continue
		case d < time.Minute:
			// 1ns validated clean and exported an event of no length.
			v.add(Diag(RuleBadValue, endPos(s), "%s lasts %s, less than a minute; times are in minutes, and every export would show it as lasting 0", Who(s), d))
			continue
		case s.Start.Year() < 1 || s.End.Year() > 9999:
			v.add(Diag(RuleBadValue, endPos(s), "%s runs from %s to %s: the formats schedkit writes (iCalendar, RFC 3339, frab) have four-digit years, 0001 to 9999", Who(s), stamp(s.Start), stamp(s.End)))
			continue
		case s.Status == StatusCancelled:
			continue // it will not happen: no limits or hours to keep
		case p.MinDuration > 0 && d < p.MinDuration:
			v.add(Diag(RuleDurationMin, s.At("start"), "%s lasts %s, less than min_duration %s", Who(s), FormatDuration(d), FormatDuration(p.MinDuration)))
		case p.MaxDuration > 0 && d > p.MaxDuration:
			v.add(Diag(RuleDurationMax, endPos(s), "%s lasts %s, more than max_duration %s", Who(s), FormatDuration(d), FormatDuration(p.MaxDuration)))
		}
		if p.DayStart >= 0 || p.DayEnd >= 0 {
			v.hours(s)
		}
	}
}

// endPos is where a session's end is given: its end, else its duration.
func endPos(s *Session) Pos {
	if !s.Has("end") {
		return s.At("duration")
	}
	return s.At("end")
}

// hours checks a session against rules.day_start and rules.day_end. A
// day_end at or before day_start means the day runs past midnight.
func (v *validator) hours(s *Session) {
	p := v.s.Policy
	start := s.Start.Hour()*60 + s.Start.Minute()
	// Wall-clock minutes of the end measured from the start day's midnight
	// (not start plus duration, which is off by the shift on a DST day).
	sy, sm, sd := s.Start.Date()
	ey, em, ed := s.End.Date()
	days := int(time.Date(ey, em, ed, 12, 0, 0, 0, time.UTC).Sub(time.Date(sy, sm, sd, 12, 0, 0, 0, time.UTC)).Hours() / 24)
	end := days*24*60 + s.End.Hour()*60 + s.End.Minute()
	ds, de := p.DayStart, p.DayEnd
	if ds < 0 {
		ds = 0
	}
	if de < 0 {
		de = 24 * 60
	}
	if de <= ds {
		de += 24 * 60
		if start < ds && start+24*60 <= de {
			start += 24 * 60 // a session after midnight belongs to the day before
			end += 24 * 60
		}
	}
	switch {
	case start < ds:
		v.add(Diag(RuleOutsideHours, s.At("start"), "%s starts at %s, before day_start %s", Who(s), s.Start.Format("15:04"), FormatClock(p.DayStart)))
	case end > de:
		v.add(Diag(RuleOutsideHours, s.At("end"), "%s ends at %s, after day_end %s", Who(s), s.End.Format("15:04"), FormatClock(p.DayEnd)))
	}
}

func stamp(t time.Time) string { return t.Format("2006-01-02 15:04 MST") }

// timedSlots are the sessions the overlap rules compare, in the order of
// the schedule: the timed, non-cancelled sessions of ss that have a
// positive duration.
func timedSlots(ss []*Session) []slot {
	timed := make([]slot, 0, len(ss))
	for _, s := range ss {
		if s.Timed() && s.End.After(s.Start) && s.Status != StatusCancelled {
			timed = append(timed, slot{s.Start.UnixNano(), s.End.UnixNano(), s})
		}
	}
	return timed
}

// places are the slots the room and track rules compare, by room and by
// track, each group sorted by time.
type places struct {
	rooms  [][]slot // by the NameKey of the room, in order of first appearance
	tracks map[*Track][]slot
}

// groupPlaces groups the slots of timed by room and by track. Breaks are
// in their room's group only. Rooms and tracks are few: they are numbered
// with maps, and the groups laid out in one array each (flat).
func groupPlaces(timed []slot) *places {
	// Each slot's room and track as a small integer (-1: none).
	roomOf := make([]int32, len(timed))
	trackOf := make([]int32, len(timed))
	roomIdx := map[string]int32{}   // NameKey → room number
	trackIdx := map[*Track]int32{}  // → track number
	var trackList []*Track          // by track number
	roomKeys := map[string]string{} // room spelling → NameKey
	for j, sl := range timed {
		s := sl.s
		roomOf[j], trackOf[j] = -1, -1
		if s.Room != "" {
			k, ok := roomKeys[s.Room]
			if !ok {
				k = NameKey(s.Room)
				roomKeys[s.Room] = k
			}
			i, ok := roomIdx[k]
			if !ok {
				i = int32(len(roomIdx))
				roomIdx[k] = i
			}
			roomOf[j] = i
		}
		if s.IsBreak() || s.Track == nil {
			continue
		}
		i, ok := trackIdx[s.Track]
		if !ok {
			i = int32(len(trackList))
			trackIdx[s.Track] = i
			trackList = append(trackList, s.Track)
		}
		trackOf[j] = i
	}
	g := &places{rooms: flat(timed, roomOf, len(roomIdx)), tracks: make(map[*Track][]slot, len(trackList))}
	for i, ss := range flat(timed, trackOf, len(trackList)) {
		g.tracks[trackList[i]] = ss
	}
	byTime := func(ss []slot) {
		slices.SortStableFunc(ss, func(a, b slot) int {
			return cmp.Or(cmp.Compare(a.start, b.start), cmp.Compare(a.end, b.end))
		})
	}
	for _, ss := range g.rooms {
		byTime(ss)
	}
	for _, ss := range g.tracks {
		byTime(ss)
	}
	return g
}

// groupSpeakers groups the slots of timed by speaker. Breaks have no
// speakers. Speakers are many (half as many as sessions in the
// benchmark), numbered with maps and grouped with a counting sort: see
// speakerEntries.
func groupSpeakers(timed []slot) *speakerGroups {
	persons := 0
	for _, sl := range timed {
		if !sl.s.IsBreak() {
			persons += len(sl.s.Speakers)
		}
	}
	keys := newSpeakerKeys(timed)
	es := speakerEntries{
		of:     make([]int32, 0, persons),
		key:    make([]int32, 0, persons),
		person: make([]int32, 0, persons),
		byID:   map[string]int32{},
		byName: map[string]int32{},
	}
	for j, sl := range timed {
		if !sl.s.IsBreak() {
			es.add(int32(j), sl.s.Speakers, keys)
		}
	}
	return es.groups(timed)
}

// speakerEntries are the sessions the speaker sweeps take, one entry for
// each speaker of a session and key it is swept under: a speaker's id, or
// a NameKey (and the ids of its namesakes). A speaker listed twice in a
// session has entries twice; groups keeps one.
//
// Keys are numbered with maps as they come. A radix sort of the keys'
// hashes (byKey, before) grouped the 130,000 entries of the 100k-session
// benchmark some 7 ms faster, but kept two strings and a hash per entry,
// and twice that while sorting: for 600 sessions sharing an aliased list
// of 1,000 speakers 40 MB, against 7 MB for the map of 1,000 keys and
// three numbers per entry.
type speakerEntries struct {
	of     []int32          // entry → index of its session's slot
	key    []int32          // entry → its key's number
	person []int32          // entry → the speaker's index in its session, if the key is the speaker's own; else -1
	byID   map[string]int32 // id → its key's number
	byName map[string]int32 // NameKey → its key's number
	keys   []spKey          // number → key, in order of first appearance
	ks     []spKey          // scratch for add
}

// add adds the entries of the session at slot j with speakers ps.
func (es *speakerEntries) add(j int32, ps []Person, keys speakerKeys) {
	for i, p := range ps {
		es.ks = keys.of(es.ks[:0], p)
		for n, k := range es.ks {
			m := es.byName
			if k.byID {
				m = es.byID
			}
			num, ok := m[k.s]
			if !ok {
				num = int32(len(es.keys))
				m[k.s] = num
				es.keys = append(es.keys, k)
			}
			own := int32(-1)
			if n == 0 { // the speaker's own key comes first: see speakerKeys.of
				own = int32(i)
			}
			es.of = append(es.of, j)
			es.key = append(es.key, num)
			es.person = append(es.person, own)
		}
	}
}

// speakerGroups are the speakers of the sweeps both ways round: the
// sessions of each speaker, and the speakers of each session. A speaker is
// a key, numbered in order of first appearance.
type speakerGroups struct {
	order    []int32 // the slots of the sessions with speakers, by time
	sessions []int32 // speaker k → its sessions' slots are sessions[bounds[k]:bounds[k+1]], each once, by time
	bounds   []int32
	keys     []spKey    // speaker → its key
	spelled  []spelling // speaker → where its name is spelled
	starts   []int32    // slot j → its speakers are list[starts[j]:starts[j+1]], ascending
	list     []int32
	names    []string         // speaker → its name for messages, once needed (memo of name)
	nameIDs  []int32          // speaker → a number for its name, once needed; 0: none yet
	byName   map[string]int32 // name → its number
}

// spelling is the speaker ps[p] of the session in slot s; s < 0 for none.
type spelling struct{ s, p int32 }

// groups groups the entries by key, the groups by id and by name merged in
// order of first appearance: the sessions of each speaker laid out in one
// array, each session once, and the speakers of each session.
func (es *speakerEntries) groups(timed []slot) *speakerGroups {
	sg := &speakerGroups{keys: es.keys, spelled: make([]spelling, len(es.keys))}
	// The entries by key (a counting sort), each session once.
	sg.bounds = make([]int32, len(es.keys)+1)
	for _, k := range es.key {
		sg.bounds[k+1]++
	}
	for k := range es.keys {
		sg.bounds[k+1] += sg.bounds[k]
	}
	next := slices.Clone(sg.bounds[:len(es.keys)])
	sessions := make([]int32, len(es.of))
	for e, k := range es.key {
		if i := next[k]; i > sg.bounds[k] && sessions[i-1] == es.of[e] {
			continue // the entries of one session are adjacent: a speaker listed twice is one
		}
		sessions[next[k]] = es.of[e]
		next[k]++
	}
	// The speaker is named as the earliest of its sessions spells it.
	for k := range sg.spelled {
		sg.spelled[k] = spelling{-1, -1}
	}
	for e, k := range es.key {
		at := &sg.spelled[k]
		if p := es.person[e]; p >= 0 && (at.s < 0 || bySlot(timed, es.of[e], at.s) < 0) {
			*at = spelling{es.of[e], p}
		}
	}
	// Close the gaps left by repeats.
	n := int32(0)
	for k := range es.keys {
		lo, hi := sg.bounds[k], next[k]
		sg.bounds[k] = n
		n += int32(copy(sessions[n:], sessions[lo:hi]))
	}
	sg.bounds[len(es.keys)] = n
	sessions = sessions[:n]

	// The speakers of each session, from the sessions of each speaker.
	sg.starts = make([]int32, len(timed)+1)
	for _, j := range sessions {
		sg.starts[j+1]++
	}
	for j := range timed {
		sg.starts[j+1] += sg.starts[j]
	}
	sg.list = make([]int32, len(sessions))
	next = append(next[:0], sg.starts[:len(timed)]...)
	for k := range sg.keys {
		for _, j := range sessions[sg.bounds[k]:sg.bounds[k+1]] {
			sg.list[next[j]] = int32(k)
			next[j]++
		}
	}
	// The sessions by time, sorted as a compact array (not as indexes
	// into timed: that took twice as long), and from them the sessions of
	// each speaker by time, in place of the order of the schedule.
	type at struct {
		start, end int64
		j          int32
	}
	order := make([]at, 0, len(timed))
	for j, sl := range timed {
		if sg.starts[j] < sg.starts[j+1] {
			order = append(order, at{sl.start, sl.end, int32(j)})
		}
	}
	slices.SortFunc(order, func(a, b at) int {
		return cmp.Or(cmp.Compare(a.start, b.start), cmp.Compare(a.end, b.end), cmp.Compare(a.j, b.j))
	})
	sg.order = make([]int32, len(order))
	next = append(next[:0], sg.bounds[:len(sg.keys)]...)
	for i, o := range order {
		sg.order[i] = o.j
		for _, k := range sg.of(o.j) {
			sessions[next[k]] = o.j
			next[k]++
		}
	}
	sg.sessions = sessions
	return sg
}

// speaker is the slots of the sessions of speaker k, by time.
func (sg *speakerGroups) speaker(k int) []int32 { return sg.sessions[sg.bounds[k]:sg.bounds[k+1]] }

// of is the speakers of the session in slot j, ascending.
func (sg *speakerGroups) of(j int32) []int32 { return sg.list[sg.starts[j]:sg.starts[j+1]] }

// name is speaker k's name for messages, quoted, as the earliest of its
// sessions spells it (tidied); its key when no session spells it.
func (sg *speakerGroups) name(k int32, timed []slot) string {
	if sg.names == nil {
		sg.names = make([]string, len(sg.keys))
	}
	if sg.names[k] == "" {
		sg.names[k] = sg.keys[k].String()
		if at := sg.spelled[k]; at.s >= 0 {
			sg.names[k] = quote(strings.Join(strings.Fields(timed[at.s].s.Speakers[at.p].Name), " "))
		}
	}
	return sg.names[k]
}

// nameID numbers speaker k's name: speakers with the same name (two
// people, or one whose name is also a namesake's id key) have one number.
func (sg *speakerGroups) nameID(k int32, timed []slot) int32 {
	if sg.nameIDs == nil {
		sg.nameIDs = make([]int32, len(sg.keys))
		sg.byName = map[string]int32{}
	}
	if sg.nameIDs[k] == 0 {
		n := sg.name(k, timed)
		id, ok := sg.byName[n]
		if !ok {
			id = int32(len(sg.byName)) + 1
			sg.byName[n] = id
		}
		sg.nameIDs[k] = id
	}
	return sg.nameIDs[k]
}

// bySlot orders slots i and j of timed by start, end and then index: the
// order of the sweeps.
func bySlot(timed []slot, i, j int32) int {
	a, b := &timed[i], &timed[j]
	return cmp.Or(cmp.Compare(a.start, b.start), cmp.Compare(a.end, b.end), cmp.Compare(i, j))
}

// flat lays out the slots of n groups in one array, by group and in the
// order of slots within a group; of[i] is the group of slots[i], or -1.
func flat(slots []slot, of []int32, n int) [][]slot {
	starts := make([]int, n+1)
	for _, g := range of {
		if g >= 0 {
			starts[g+1]++
		}
	}
	for g := range n {
		starts[g+1] += starts[g]
	}
	all := make([]slot, starts[n])
	next := slices.Clone(starts[:n])
	for i, g := range of {
		if g >= 0 {
			all[next[g]] = slots[i]
			next[g]++
		}
	}
	groups := make([][]slot, n)
	for g := range groups {
		groups[g] = all[starts[g]:starts[g+1]:starts[g+1]]
	}
	return groups
}

// placeOverlaps runs the room and track sweeps, and the changeover rule.
func (v *validator) placeOverlaps() {
	g := groupPlaces(v.timed)
	p := v.s.Policy
	for _, ss := range g.rooms {
		v.sweep(RuleRoomOverlap, ss, func(a, b *Session) {
			if !v.room(RuleRoomOverlap, b.At("start")) {
				return
			}
			d := Diag(RuleRoomOverlap, b.At("start"), "%s overlaps %s in room %s (%s and %s)",
				Who(b), Who(a), quote(b.Room), span(b), span(a))
			d.Related = related(a, b)
			v.add(d)
		}, func(b *Session, n int) {
			v.more(RuleRoomOverlap, b, n, "in room "+quote(b.Room))
		})
		if p.Changeover > 0 {
			v.gaps(ss, p.Changeover, func(a, b *Session, gap time.Duration) {
				if !v.room(RuleChangeover, b.At("start")) {
					return
				}
				d := Diag(RuleChangeover, b.At("start"), "%s starts %s after %s ends in room %s; changeover is %s",
					Who(b), FormatDuration(gap), Who(a), quote(b.Room), FormatDuration(p.Changeover))
				d.Related = related(a, b)
				v.add(d)
			}, func(a, b *Session) bool { return !a.IsBreak() && !b.IsBreak() })
		}
	}
	for _, t := range v.s.Tracks {
		v.sweep(RuleTrackOverlap, g.tracks[t], func(a, b *Session) {
			if !v.room(RuleTrackOverlap, b.At("start")) {
				return
			}
			d := Diag(RuleTrackOverlap, b.At("start"), "%s overlaps %s in track %s", Who(b), Who(a), quote(t.Name))
			d.Related = related(a, b)
			v.add(d)
		}, func(b *Session, n int) {
			v.more(RuleTrackOverlap, b, n, "in track "+quote(t.Name))
		})
	}
}

// speakerRules runs the speaker sweep and the speaker_buffer rule.
func (v *validator) speakerRules() {
	timed := v.timed
	sg := groupSpeakers(timed)
	v.speakerOverlaps(timed, sg)
	p := v.s.Policy
	if p.SpeakerBuffer <= 0 {
		return
	}
	roomKeys := map[string]string{} // room spelling → NameKey
	roomKey := func(room string) string {
		k, ok := roomKeys[room]
		if !ok {
			k = NameKey(room)
			roomKeys[room] = k
		}
		return k
	}
	var ss []slot // of one speaker at a time
	for k := range sg.keys {
		ss = ss[:0]
		for _, j := range sg.speaker(k) {
			ss = append(ss, timed[j])
		}
		v.gaps(ss, p.SpeakerBuffer, func(a, b *Session, gap time.Duration) {
			if !v.room(RuleSpeakerBuffer, b.At("start")) {
				return
			}
			d := Diag(RuleSpeakerBuffer, b.At("start"), "speaker %s has %s between %s in %s and %s in %s; speaker_buffer is %s",
				sg.name(int32(k), timed), FormatDuration(gap), Who(a), quote(a.Room), Who(b), quote(b.Room), FormatDuration(p.SpeakerBuffer))
			d.Related = related(a, b)
			v.add(d)
		}, func(a, b *Session) bool { return roomKey(a.Room) != roomKey(b.Room) })
	}
}

// speakerOverlaps reports the pairs of sessions that share a speaker and
// overlap, one finding per pair that names the speakers they share, and
// for a session that overlaps more than MaxOverlapsListed earlier ones one
// finding that counts the rest.
//
// It sweeps the sessions in time order and keeps, for each speaker, the
// sessions still running; a session meets the earlier ones it overlaps
// among the running sessions of its speakers. Once the rule's findings are
// only counted, a session looks no further than the count needs
// (MaxOverlapsListed+1 sessions), so that sessions sharing one list of a
// thousand speakers (an alias) cost a thousand steps each, not a thousand
// times the sessions running: O(e log e) for e speaker entries, and the
// findings listed.
func (v *validator) speakerOverlaps(timed []slot, sg *speakerGroups) {
	// running[k] is a heap by end of the sessions of speaker k that have
	// not ended, laid out in one array.
	running := make([][]int32, len(sg.keys))
	backing := make([]int32, len(sg.sessions))
	for k := range sg.keys {
		running[k] = backing[sg.bounds[k]:sg.bounds[k]:sg.bounds[k+1]]
	}
	met := make([]int32, len(timed)) // slot → 1 + the session whose search met it last
	var found []int32
	for _, b := range sg.order {
		keys := sg.of(b)
		open := v.f.open(RuleSpeakerOverlap)
		found = found[:0]
		n := 0 // sessions overlapping b with a speaker in common; a lower bound once !open
	search:
		for _, k := range keys {
			h := &running[k]
			for len(*h) > 0 && timed[(*h)[0]].end <= timed[b].start {
				popEnd(h, timed)
			}
			// Every session left in the heap ends after b starts.
			for _, a := range *h {
				if met[a] == b+1 {
					continue
				}
				met[a] = b + 1
				n++
				if len(found) < MaxOverlapsListed {
					found = append(found, a)
				} else if !open {
					break search // the count is enough: b has more than can be listed
				}
			}
		}
		for _, k := range keys {
			pushEnd(&running[k], b, timed)
		}
		if n == 0 {
			continue
		}
		bs := timed[b].s
		slices.SortFunc(found, func(i, j int32) int { return bySlot(timed, i, j) }) // by time
		for _, a := range found {
			if v.room(RuleSpeakerOverlap, bs.At("start")) {
				v.add(v.speakerOverlap(timed, sg, a, b))
			}
		}
		if n > MaxOverlapsListed {
			v.more(RuleSpeakerOverlap, bs, n-MaxOverlapsListed, "sharing a speaker with it")
		}
	}
}

// maxSpeakersNamed bounds the shared speakers a speaker-overlap names.
const maxSpeakersNamed = 3

// speakerOverlap is the finding of the overlapping sessions in slots a
// and b (a the earlier) that share speakers: it names them, up to
// maxSpeakersNamed, and counts the rest. Speakers of one name are named
// once.
func (v *validator) speakerOverlap(timed []slot, sg *speakerGroups, a, b int32) Diagnostic {
	if len(v.named) < len(sg.keys)+1 {
		v.named = make([]int32, len(sg.keys)+1)
	}
	v.pairs++
	var names []string
	rest := 0
	shared(sg.of(a), sg.of(b), func(k int32) {
		id := sg.nameID(k, timed)
		if v.named[id] == v.pairs {
			return
		}
		v.named[id] = v.pairs
		if len(names) < maxSpeakersNamed {
			names = append(names, sg.name(k, timed))
		} else {
			rest++
		}
	})
	who := "speaker " + names[0] + " is"
	switch {
	case rest > 0:
		who = fmt.Sprintf("speakers %s and %d more are", strings.Join(names, ", "), rest)
	case len(names) > 1:
		who = "speakers " + strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1] + " are"
	}
	sa, sb := timed[a].s, timed[b].s
	d := Diag(RuleSpeakerOverlap, sb.At("start"), "%s in %s and %s at the same time (%s and %s)",
		who, Who(sa), Who(sb), span(sa), span(sb))
	d.Related = related(sa, sb)
	return d
}

// shared calls f for each key in both x and y (each ascending), in order.
func shared(x, y []int32, f func(int32)) {
	if len(x) > len(y) {
		x, y = y, x
	}
	if len(y) > 8*len(x) { // a few speakers against many: search
		for _, k := range x {
			if _, ok := slices.BinarySearch(y, k); ok {
				f(k)
			}
		}
		return
	}
	for i, j := 0, 0; i < len(x) && j < len(y); {
		switch {
		case x[i] < y[j]:
			i++
		case x[i] > y[j]:
			j++
		default:
			f(x[i])
			i++
			j++
		}
	}
}

func clock(t time.Time) string { return t.Format("Jan 2 15:04") }

// span formats a session's time as "Jun 25 10:35–11:25".
func span(s *Session) string {
	if s.End.YearDay() == s.Start.YearDay() && s.End.Year() == s.Start.Year() {
		return clock(s.Start) + "–" + s.End.Format("15:04")
	}
	return clock(s.Start) + "–" + clock(s.End)
}

// MaxOverlapsListed bounds the overlaps one rule lists for one session. A
// file of thousands of simultaneous sessions in one room (a poster hall, a
// broken export, a hostile input) then costs O(n log n) time and O(n)
// findings instead of O(n²): 3,000 such sessions took three minutes and
// 11 GB before the bound.
const MaxOverlapsListed = 20

// sweep calls report(a, b) for the pairs of sessions in ss (sorted by start)
// whose intervals intersect, b being the later in ss; touching intervals do
// not intersect. When b intersects more than MaxOverlapsListed earlier
// sessions, it reports that many pairs and calls more(b, n) with the number
// n of sessions not listed. Once findings of rule are only counted, it
// counts those of b at once, as many as would have been listed.
func (v *validator) sweep(rule string, ss []slot, report func(a, b *Session), more func(b *Session, n int)) {
	active := endHeap{} // the sessions still running, earliest end first
	for _, s := range ss {
		for len(active) > 0 && active[0].end <= s.start {
			active.pop()
		}
		if n := len(active); n > 0 && !v.f.open(rule) {
			if n > MaxOverlapsListed {
				n = MaxOverlapsListed + 1 // and one finding that counts the rest
			}
			v.f.leave(rule, s.s.At("start"), n)
			active.push(s)
			continue
		}
		for i, a := range active {
			if i == MaxOverlapsListed {
				more(s.s, len(active)-i)
				break
			}
			report(a.s, s.s)
		}
		active.push(s)
	}
}

// slot is a session's interval in Unix nanoseconds, so that sorting and
// sweeping compare integers in one array instead of chasing pointers.
type slot struct {
	start, end int64
	s          *Session
}

// more reports the overlaps of b that sweep did not list.
func (v *validator) more(rule string, b *Session, n int, where string) {
	if !v.room(rule, b.At("start")) {
		return
	}
	sessions := "sessions"
	if n == 1 {
		sessions = "session"
	}
	d := Diag(rule, b.At("start"), "%s also overlaps %d more %s %s, not listed (at most %d are listed per session)",
		Who(b), n, sessions, where, MaxOverlapsListed)
	d.Related = related(b)
	v.add(d)
}

// endHeap is a min-heap of slots by end. It is not a container/heap,
// whose interface boxes every slot pushed or popped: two allocations per
// session per sweep.
type endHeap []slot

func (h *endHeap) push(s slot) {
	*h = append(*h, s)
	a := *h
	for i := len(a) - 1; i > 0; {
		p := (i - 1) / 2
		if a[p].end <= a[i].end {
			break
		}
		a[p], a[i] = a[i], a[p]
		i = p
	}
}

// pop removes the slot that ends first.
func (h *endHeap) pop() {
	a := *h
	n := len(a) - 1
	a[0] = a[n]
	a = a[:n]
	for i := 0; ; {
		m, l, r := i, 2*i+1, 2*i+2
		if l < n && a[l].end < a[m].end {
			m = l
		}
		if r < n && a[r].end < a[m].end {
			m = r
		}
		if m == i {
			break
		}
		a[i], a[m] = a[m], a[i]
		i = m
	}
	*h = a
}

// pushEnd and popEnd keep h, slots of timed, a min-heap by end, as
// endHeap does for slots.
func pushEnd(h *[]int32, j int32, timed []slot) {
	*h = append(*h, j)
	a := *h
	for i := len(a) - 1; i > 0; {
		p := (i - 1) / 2
		if timed[a[p]].end <= timed[a[i]].end {
			break
		}
		a[p], a[i] = a[i], a[p]
		i = p
	}
}

func popEnd(h *[]int32, timed []slot) {
	a := *h
	n := len(a) - 1
	a[0] = a[n]
	a = a[:n]
	for i := 0; ; {
		m, l, r := i, 2*i+1, 2*i+2
		if l < n && timed[a[l]].end < timed[a[m]].end {
			m = l
		}
		if r < n && timed[a[r]].end < timed[a[m]].end {
			m = r
		}
		if m == i {
			break
		}
		a[i], a[m] = a[m], a[i]
		i = m
	}
	*h = a
}

// gaps calls report for consecutive, non-overlapping sessions in ss (sorted
// by start) whose gap is shorter than min and for which applies is true.
func (v *validator) gaps(ss []slot, min time.Duration, report func(a, b *Session, gap time.Duration), applies func(a, b *Session) bool) {
	var prev *slot
	for i := range ss {
		s := &ss[i]
		if prev != nil {
			gap := time.Duration(s.start - prev.end)
			if gap >= 0 && gap < min && applies(prev.s, s.s) {
				report(prev.s, s.s, gap)
			}
		}
		if prev == nil || s.end > prev.end {
			prev = s
		}
	}
}

// spKey identifies a speaker in the sweeps: by id, or by NameKey. A
// struct, not a prefixed string, so that building one allocates nothing.
type spKey struct {
	byID bool
	s    string
}

func (k spKey) String() string {
	if k.byID {
		return "id " + k.s
	}
	return k.s
}

// speakerKeys implements Person's rule of identity: speakers with ids are
// the same when their ids are; a speaker without an id is the same as any
// speaker of the same name, with or without an id.
type speakerKeys map[string][]spKey // NameKey → the id keys of speakers with that name

func newSpeakerKeys(timed []slot) speakerKeys {
	k := speakerKeys{}
	for _, sl := range timed {
		for _, p := range sl.s.Speakers {
			if p.ID == "" {
				continue
			}
			nk, ik := NameKey(p.Name), spKey{true, p.ID}
			if nk != "" && !slices.Contains(k[nk], ik) {
				k[nk] = append(k[nk], ik)
			}
		}
	}
	return k
}

// of appends to dst the keys under which p's sessions are swept: its id,
// or its name and the ids of the speakers who have that name.
func (k speakerKeys) of(dst []spKey, p Person) []spKey {
	if p.ID != "" {
		return append(dst, spKey{true, p.ID})
	}
	nk := NameKey(p.Name)
	if nk == "" {
		return dst
	}
	return append(append(dst, spKey{false, nk}), k[nk]...)
}
