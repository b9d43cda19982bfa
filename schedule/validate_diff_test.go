package schedule

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// randomSchedule writes a small schedule that exercises the overlap rules'
// grouping: rooms in two spellings, speakers with and without ids (and
// namesakes with different ids), breaks, cancelled sessions and sessions
// past midnight.
func randomSchedule(rng *rand.Rand, n int) []byte {
	rooms := []string{"Hall A", "hall  a", "Hall B", "Room C", "HALL B"}
	speakers := []string{"Ann", "{name: Ann, id: ann1}", "{name: ann, id: ann2}", "Bob", "{name: Bob, id: bob}",
		"Lee", "{name: Lee B., id: lee}", "{name: Lee, id: lee}", "Kim", "{name: Kim, id: ann1}"}
	var b strings.Builder
	b.WriteString(conf + "tracks:\n")
	for t := range 3 {
		fmt.Fprintf(&b, "  - name: Track %d\n    date: 2024-05-01\n    sessions:\n", t)
		for i := range n / 3 {
			start := 9*60 + 5*rng.IntN(12*12) // 09:00 to 20:55
			end := (start + 15 + 5*rng.IntN(30)) % (24 * 60)
			fmt.Fprintf(&b, "      - {id: t%d-%d, title: S, room: %q, start: %q, end: %q",
				t, i, rooms[rng.IntN(len(rooms))], FormatClock(start), FormatClock(end))
			switch rng.IntN(12) {
			case 0:
				b.WriteString(", type: break")
			case 1:
				b.WriteString(", status: cancelled")
			}
			var ps []string
			for range rng.IntN(3) {
				ps = append(ps, speakers[rng.IntN(len(speakers))])
			}
			fmt.Fprintf(&b, ", speakers: [%s]}\n", strings.Join(ps, ", "))
		}
	}
	return []byte(b.String())
}

// overlapPairs is what the overlap rules find, computed the slow way: every
// pair of sessions compared. A session's speaker keys are its id, or its
// name and the ids of everyone with that name (Person's rule of identity).
func overlapPairs(s *Schedule) []string {
	ids := map[string][]string{} // NameKey → ids of speakers with that name
	var live []*Session
	for _, x := range s.Sessions {
		if x.Timed() && x.End.After(x.Start) && x.Status != "cancelled" {
			live = append(live, x)
		}
	}
	for _, x := range live {
		for _, p := range x.Speakers {
			if nk := NameKey(p.Name); p.ID != "" && !slices.Contains(ids[nk], p.ID) {
				ids[nk] = append(ids[nk], p.ID)
			}
		}
	}
	keys := func(x *Session) []string {
		var ks []string
		for _, p := range x.Speakers {
			if p.ID != "" {
				ks = append(ks, "id "+p.ID)
				continue
			}
			ks = append(ks, "name "+NameKey(p.Name))
			for _, id := range ids[NameKey(p.Name)] {
				ks = append(ks, "id "+id)
			}
		}
		return ks
	}
	var pairs []string
	for i, a := range live {
		for _, b := range live[i+1:] {
			if !(a.Start.Before(b.End) && b.Start.Before(a.End)) {
				continue
			}
			pair := []string{a.ID, b.ID}
			slices.Sort(pair)
			add := func(rule string) { pairs = append(pairs, rule+" "+strings.Join(pair, " ")) }
			if a.Room != "" && NameKey(a.Room) == NameKey(b.Room) {
				add("room-overlap")
			}
			if a.IsBreak() || b.IsBreak() {
				continue
			}
			if a.Track == b.Track {
				add("track-overlap")
			}
			ka := keys(a)
			if slices.ContainsFunc(keys(b), func(k string) bool { return slices.Contains(ka, k) }) {
				add("speaker-overlap")
			}
		}
	}
	slices.Sort(pairs)
	return pairs
}

// TestValidateOverlapsAgainstAllPairs compares the sort-and-sweep overlap
// rules with an all-pairs comparison on random schedules.
func TestValidateOverlapsAgainstAllPairs(t *testing.T) {
	for seed := range uint64(200) {
		rng := rand.New(rand.NewPCG(seed, 99))
		src := randomSchedule(rng, 30)
		s, diags := Load("random.yaml", src, LoadOptions{})
		if HasErrors(diags) {
			t.Fatalf("seed %d: load errors:\n%s\n%s", seed, lines(diags), src)
		}
		want := overlapPairs(s)
		if len(want) == 0 {
			t.Fatalf("seed %d: no overlapping pairs; the random schedule tests nothing:\n%s", seed, src)
		}
		var got []string
		for _, d := range Validate(s) {
			switch d.Rule {
			case "room-overlap", "track-overlap", "speaker-overlap":
			default:
				continue
			}
			if len(d.Related) != 2 {
				t.Fatalf("seed %d: %v: want two related sessions (no session here overlaps more than %d)", seed, d, MaxOverlapsListed)
			}
			pair := []string{d.Related[0].Session, d.Related[1].Session}
			slices.Sort(pair)
			got = append(got, d.Rule+" "+strings.Join(pair, " "))
		}
		slices.Sort(got)
		if diff := cmp.Diff(want, got); diff != "" {
			t.Fatalf("seed %d: overlapping pairs (-all pairs +Validate):\n%s\n%s", seed, diff, src)
		}
	}
}

// TestDuplicateSpeakers: one finding per person listed more than once, none
// for speakers without a name.
func TestDuplicateSpeakers(t *testing.T) {
	at := time.Date(2024, 5, 1, 10, 0, 0, 0, time.UTC)
	tests := []struct {
		speakers []Person
		want     []string
	}{
		{[]Person{{Name: ""}, {Name: " "}, {Name: "", ID: "x"}, {Name: ""}}, nil},
		{[]Person{{Name: "Lee", ID: "l1"}, {Name: "Lee"}, {Name: "Lee", ID: "l2"}}, []string{`session "S" (s) lists speaker "Lee" 2 times`}},
		{[]Person{{Name: "Jane"}, {Name: "Jane"}, {Name: " jane "}}, []string{`session "S" (s) lists speaker "Jane" 3 times`}},
		{[]Person{{Name: "Ann"}, {Name: "Bob"}, {Name: "Ann Bob"}}, nil},
	}
	for _, tt := range tests {
		s := &Schedule{Location: time.UTC}
		s.Sessions = []*Session{{ID: "s", Title: "S", Start: at, End: at.Add(time.Hour), Speakers: tt.speakers}}
		var got []string
		for _, d := range Validate(s) {
			if d.Rule == "duplicate-speaker" {
				got = append(got, d.Message)
			}
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("%v (-want +got):\n%s", tt.speakers, diff)
		}
	}
}
