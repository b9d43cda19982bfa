package schedule

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// knobs shape a schedule of stressSchedule: how many sessions, and how
// often each family of rules finds something in them.
type knobs struct {
	n        int
	rooms    int // rooms the sessions spread over
	tracks   int // tracks the sessions spread over; 0: none
	registry int // rooms in the registry, some named twice (bad-value); 0: none
	speakers int // people to draw from
	window   int // the sessions start within this many minutes: fewer, more overlaps
	dupID    int // percent of sessions with the id of an earlier one
	dupGUID  int // percent with the guid of an earlier one
	dupSpk   int // percent that list a speaker twice
	unknown  int // percent in a room not in the registry
	short    int // percent shorter than a minute (bad-value, as a doubled room name)
	long     int // percent longer than max_duration
	untimed  int // percent without times
}

// stressSchedule builds a schedule by hand, as a loader would leave it,
// that the rules of every family find fault with, as often as k says:
// duplicate ids and guids, repeated speakers (with and without ids, ASCII
// and not), rooms outside the registry, bad durations and hours, and
// overlaps and short gaps by room, track and speaker.
func stressSchedule(seed uint64, k knobs) *Schedule {
	rng := rand.New(rand.NewPCG(seed, uint64(k.n)))
	loc, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		loc = time.UTC
	}
	s := &Schedule{File: "stress.yaml", Location: loc, Policy: Policy{
		MinDuration: 15 * time.Minute, MaxDuration: 3 * time.Hour,
		Changeover: 10 * time.Minute, SpeakerBuffer: 15 * time.Minute,
		DayStart: 9 * 60, DayEnd: 20 * 60,
	}}
	room := func(i int) string { return []string{"Hall ", "hall  ", "Sääl ", "SÄÄL "}[i%4] + fmt.Sprint(i/4) }
	for i := range k.registry {
		r := Room{Name: room(4 * i), Pos: Pos{File: s.File, Line: 1 + i, Column: 3}}
		if i%3 == 0 {
			r.Aliases = []string{room(4*i + 1), room(4 * (i / 2))} // a variant, and maybe another's name
		}
		s.Rooms = append(s.Rooms, r)
	}
	names := []string{"Ann Lee", "ann  lee", "Björn Ås", "BJÖRN ÅS", "Kim", "Łukasz", "Zoë", "Bob"}
	person := func() Person {
		i := rng.IntN(max(1, k.speakers))
		p := Person{Name: fmt.Sprintf("%s %d", names[i%len(names)], i/len(names)/2)}
		if rng.IntN(3) == 0 {
			p.ID = fmt.Sprintf("p%d", i/2) // namesakes share an id, or not
		}
		return p
	}
	for t := range k.tracks {
		s.Tracks = append(s.Tracks, &Track{ID: fmt.Sprintf("t%d", t), Name: fmt.Sprintf("Track %d", t)})
	}
	day := time.Date(2024, 5, 1, 9, 0, 0, 0, loc)
	line := 1000
	for i := range k.n {
		pct := func(p int) bool { return rng.IntN(100) < p }
		line += 1 + rng.IntN(5)
		x := &Session{ID: fmt.Sprintf("s%d", i), Title: fmt.Sprintf("Talk %d", i)}
		if k.tracks > 0 {
			x.Track = s.Tracks[rng.IntN(k.tracks)]
		}
		x.Pos = Pos{File: s.File, Line: line, Column: 7}
		for f, field := range []string{"end", "guid", "id", "room", "speakers", "start"} {
			if rng.IntN(4) > 0 {
				x.SetPos(field, Pos{File: s.File, Line: line + 1 + f, Column: 9})
			}
		}
		if pct(k.dupID) && i > 0 {
			x.ID = fmt.Sprintf("s%d", rng.IntN(i))
		}
		if rng.IntN(2) == 0 {
			x.GUID = fmt.Sprintf("g-%d", i)
			if pct(k.dupGUID) && i > 0 {
				x.GUID = fmt.Sprintf("g-%d", rng.IntN(i))
			}
		}
		switch {
		case k.rooms > 0 && k.registry > 0: // in the registry when i < registry, under either spelling
			x.Room = room(4*rng.IntN(k.rooms) + rng.IntN(2))
		case k.rooms > 0:
			x.Room = room(rng.IntN(4 * k.rooms))
		}
		if pct(k.unknown) {
			x.Room = fmt.Sprintf("Nowhere %d", rng.IntN(200))
		}
		switch rng.IntN(40) {
		case 0:
			x.Type = TypeBreak
		case 1:
			x.Status = StatusCancelled
		}
		if !pct(k.untimed) {
			x.Start = day.Add(time.Duration(rng.IntN(max(1, k.window)))*time.Minute).AddDate(0, 0, rng.IntN(2))
			d := time.Duration(10+rng.IntN(80)) * time.Minute
			switch {
			case pct(k.short):
				d = time.Duration(rng.IntN(60)) * time.Second
			case pct(k.long):
				d = 4 * time.Hour
			}
			x.End = x.Start.Add(d)
		}
		for range rng.IntN(4) {
			x.Speakers = append(x.Speakers, person())
		}
		if pct(k.dupSpk) && len(x.Speakers) > 0 {
			x.Speakers = append(x.Speakers, x.Speakers[0])
		}
		if rng.IntN(200) == 0 { // many speakers: repeats are counted with maps
			for range 20 {
				x.Speakers = append(x.Speakers, person())
			}
		}
		s.Sessions = append(s.Sessions, x)
	}
	return s
}

// TestValidateParallel: the rule families run on goroutines of their own
// give the findings they give in turn on one, byte for byte: the same
// findings, in the same order, and the same closing findings where the
// bounds leave findings out, per rule (MaxFindingsPerRule) and in all
// (MaxFindings), whichever family reaches them. Each case says which
// bounds it must reach, so that it tests what it claims.
func TestValidateParallel(t *testing.T) {
	loaded := func(data []byte) func(uint64) *Schedule {
		return func(uint64) *Schedule {
			s, diags := Load("in.yaml", data, LoadOptions{})
			if HasErrors(diags) {
				t.Fatalf("Load:\n%s", lines(diags))
			}
			Normalize(s)
			return s
		}
	}
	stress := func(k knobs) func(uint64) *Schedule {
		return func(seed uint64) *Schedule { return stressSchedule(seed, k) }
	}
	few := knobs{n: 300, rooms: 6, tracks: 4, registry: 8, speakers: 200, window: 600, dupID: 2, dupGUID: 2, dupSpk: 3, unknown: 3, short: 2, long: 2, untimed: 3}
	many := knobs{n: 12000, rooms: 40, tracks: 4, registry: 50, speakers: 3000, window: 600, dupID: 10, dupGUID: 10, dupSpk: 10, unknown: 10, short: 10, long: 10, untimed: 5}
	crowded := many
	crowded.rooms, crowded.window, crowded.speakers = 3, 120, 40
	crowdedIDs := crowded // duplicate-id and -guid, in the first family, take 2,000 of the 5,000
	crowdedIDs.dupID, crowdedIDs.dupGUID = 60, 60
	manyIDs := knobs{n: 8000, rooms: 2000, speakers: 50000, window: 600, dupID: 60, dupGUID: 60}
	// Some 500 rooms named twice in the registry (rooms) and 750 sessions
	// shorter than a minute (durations): bad-value reaches its bound in
	// the second family.
	badValue := knobs{n: 5000, rooms: 1500, registry: 1500, speakers: 50000, window: 600, short: 15}
	tests := []struct {
		name     string
		schedule func(seed uint64) *Schedule
		seeds    int
		// ruleFull and allFull: a rule reaches MaxFindingsPerRule, the
		// findings MaxFindings.
		ruleFull, allFull bool
	}{
		{"benchmark 1000", loaded(genSchedule(1000)), 1, false, false},
		{"benchmark 5000", loaded(genSchedule(5000)), 1, false, false},
		{"simultaneous", loaded(simultaneous(1200)), 1, true, false},
		{"shared speakers", loaded(sharedSpeakers(200, 50)), 1, true, false},
		{"few faults", stress(few), 20, false, false},
		{"many faults", stress(many), 3, true, true},
		{"crowded", stress(crowded), 3, true, true},
		{"duplicate ids", stress(manyIDs), 2, true, false},
		{"bad-value in two families", stress(badValue), 2, true, false},
		{"all full early", stress(crowdedIDs), 2, true, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var ruleFull, allFull bool
			for seed := range uint64(tt.seeds) {
				s := tt.schedule(seed)
				want := validate(s, false)
				if tt.name == "bad-value in two families" {
					checkBadValueCrossing(t, s, want)
				}
				if diff := cmp.Diff(want, validate(s, true)); diff != "" {
					t.Fatalf("seed %d: parallel (-sequential +parallel):\n%s", seed, diff)
				}
				listed := 0
				for _, d := range want {
					if d.Omitted == 0 {
						listed++
					} else {
						ruleFull = true
					}
				}
				allFull = allFull || listed == MaxFindings
			}
			if ruleFull != tt.ruleFull || allFull != tt.allFull {
				t.Errorf("a rule full %v, want %v; all findings full %v, want %v", ruleFull, tt.ruleFull, allFull, tt.allFull)
			}
		})
	}
}

// checkBadValueCrossing checks that the bad-value findings of ds, as
// stressSchedule's knobs badValue make them, come from the room registry
// and from sessions, and that the bound is reached in the sessions.
func checkBadValueCrossing(t *testing.T, s *Schedule, ds []Diagnostic) {
	t.Helper()
	registry, sessions, closing := 0, 0, Pos{}
	for _, d := range ds {
		switch {
		case d.Rule != RuleBadValue:
		case d.Omitted > 0:
			closing = d.Pos
		case d.Pos.Line <= len(s.Rooms):
			registry++
		default:
			sessions++
		}
	}
	if registry == 0 || sessions == 0 || closing.Line <= len(s.Rooms) {
		t.Errorf("bad-value: %d findings about rooms, %d about sessions, the closing one at %v; want both, and the bound reached in the sessions",
			registry, sessions, closing)
	}
}

// TestFindingsReplay: findings collected in parts, each in a Findings of
// its own, and replayed in order into the first are what one Findings
// collecting them all in turn gives, whatever the bounds leave out, as
// long as each part was collected as one would (checking Room, or open,
// before building a finding). The rules of the parts overlap.
func TestFindingsReplay(t *testing.T) {
	rules := []string{RuleBadValue, RuleRoomOverlap, RuleDuplicateId, RuleOutsideHours}
	rng := rand.New(rand.NewPCG(7, 7))
	for round := range 200 {
		// A part is a list of calls: Add, Room then Add, or a sweep's
		// leave once open is false.
		type call struct {
			d    Diagnostic
			kind int // 0 Add, 1 Room then Add, 2 leave n when closed
			n    int
		}
		parts := make([][]call, 1+rng.IntN(5))
		for p := range parts {
			size := rng.IntN([]int{10, 1500, 4000}[round%3])
			for i := range size {
				rule := rules[rng.IntN(len(rules)-p%2)] // parts favour some rules
				d := Diag(rule, Pos{File: "f", Line: 1000*p + i, Column: 1 + p}, "finding %d of part %d", i, p)
				if rng.IntN(300) == 0 {
					d.Message = strings.Repeat("é", maxMessage) // clipped once, not again when replayed
				}
				c := call{d, rng.IntN(3), 1 + rng.IntN(MaxOverlapsListed+1)}
				if rng.IntN(500) == 0 {
					c.d.Omitted, c.kind = 1+rng.IntN(3), 0 // a closing finding given back
				}
				parts[p] = append(parts[p], c)
			}
		}
		run := func(f *Findings, cs []call) {
			for _, c := range cs {
				switch {
				case c.kind == 1:
					if f.Room(c.d.Rule, c.d.Pos) {
						f.Add(c.d)
					}
				case c.kind == 2 && !f.open(c.d.Rule):
					f.leave(c.d.Rule, c.d.Pos, c.n)
				case c.kind == 2:
					for range c.n { // what the sweep lists when open
						f.Add(c.d)
					}
				default:
					f.Add(c.d)
				}
			}
		}
		var one Findings
		for _, cs := range parts {
			run(&one, cs)
		}
		each := make([]Findings, len(parts))
		for p, cs := range parts {
			run(&each[p], cs)
		}
		for p := 1; p < len(each); p++ {
			each[0].replay(&each[p])
		}
		if diff := cmp.Diff(one.Diagnostics(), each[0].Diagnostics()); diff != "" {
			t.Fatalf("round %d: replayed (-one +parts):\n%s", round, diff)
		}
	}
}

// BenchmarkValidateParallel compares Validate's families run in turn and
// in parallel on the benchmark's schedules, around parallelMin.
func BenchmarkValidateParallel(b *testing.B) {
	for _, n := range []int{500, 1000, 2000, 5000} {
		s, _ := Load("bench.yaml", genSchedule(n), LoadOptions{})
		Normalize(s)
		for _, parallel := range []bool{false, true} {
			b.Run(fmt.Sprintf("sessions=%d/parallel=%v", n, parallel), func(b *testing.B) {
				b.ReportAllocs()
				cpu := cpuTime()
				for b.Loop() {
					validate(s, parallel)
				}
				reportPerSession(b, n, cpuTime()-cpu)
			})
		}
	}
}
