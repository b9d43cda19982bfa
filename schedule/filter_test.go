package schedule

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func TestFilterCheck(t *testing.T) {
	s, diags := Load("f.yaml", []byte(`conference: {name: F, timezone: Europe/Berlin}
tracks:
  - name: T
    id: t
    room: "Broadway Ballroom North, 6th fl."
    date: 2024-05-01
    sessions:
      - {id: a, title: A, start: "10:00", end: "11:00", speakers: [{name: "Doe, Jane"}]}
      - {id: b, title: B, start: "11:00", end: "12:00", room: Hall 2, speakers: [{name: Bo}]}
      - {id: c, title: C, start: "11:00", end: "12:00", room: Hall 3}
`), LoadOptions{})
	if s == nil {
		t.Fatalf("Load: %v", diags)
	}
	for _, tc := range []struct {
		name string
		f    Filter
		want string // "" for no error
	}{
		{"Empty", Filter{}, ""},
		{"RoomWithComma", Filter{Rooms: []string{"broadway ballroom north, 6th fl."}}, ""},
		{"RoomPrefix", Filter{Rooms: []string{"Broadway"}}, `no room "Broadway" in the schedule (did you mean "Broadway Ballroom North, 6th fl."?)`},
		{"RoomPrefixOfTwo", Filter{Rooms: []string{"Ha"}}, `no room "Ha" in the schedule`},
		{"RoomTypo", Filter{Rooms: []string{"Hall 22"}}, `no room "Hall 22" in the schedule (did you mean "Hall 2"?)`},
		{"Speaker", Filter{Speakers: []string{"doe,  jane"}}, ""},
		{"Track", Filter{Tracks: []string{"tt"}}, `no track "tt" in the schedule (did you mean "t"?)`},
		{"Day", Filter{Days: []string{"2024-05-01"}}, ""},
		{"DayWithoutSessions", Filter{Days: []string{"2024-05-02"}}, "no session on 2024-05-02 in the schedule (its days: 2024-05-01)"},
		{"DayNotADate", Filter{Days: []string{"Wednesday"}}, `--day: date "Wednesday" is not YYYY-MM-DD`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := ""
			if err := tc.f.Check(s); err != nil {
				got = err.Error()
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("Check (-want +got):\n%s", diff)
			}
		})
	}
}

// TestSortSessions: SortSessions orders as a stable sort by
// compareSessions does, ties (same start, room and id) and untimed
// sessions included, and leaves sorted input as it is.
func TestSortSessions(t *testing.T) {
	base := time.Date(2024, 10, 27, 0, 30, 0, 0, time.UTC)
	rng := rand.New(rand.NewPCG(1, 2))
	for _, n := range []int{0, 1, 2, 5, 40, 300} {
		for range 20 {
			ss := make([]*Session, n)
			for i := range ss {
				s := &Session{ID: fmt.Sprintf("s%d", rng.IntN(4)), Room: fmt.Sprintf("R%d", rng.IntN(3)), Title: fmt.Sprint(i)}
				switch rng.IntN(6) {
				case 0: // untimed
				case 1: // a start but no end: untimed too
					s.Start = base.Add(time.Duration(rng.IntN(3)) * time.Hour)
				default:
					s.Start = base.Add(time.Duration(rng.IntN(5))*time.Hour + time.Duration(rng.IntN(2))*time.Nanosecond)
					s.End = s.Start.Add(time.Hour)
				}
				ss[i] = s
			}
			want := slices.Clone(ss)
			slices.SortStableFunc(want, compareSessions)
			got := slices.Clone(ss)
			SortSessions(got)
			title := func(ss []*Session) []string {
				var out []string
				for _, s := range ss {
					out = append(out, s.Title)
				}
				return out
			}
			if diff := cmp.Diff(title(want), title(got)); diff != "" {
				t.Fatalf("%d sessions: order (-stable sort +SortSessions):\n%s", len(ss), diff)
			}
			SortSessions(got)
			if diff := cmp.Diff(title(want), title(got)); diff != "" {
				t.Fatalf("%d sessions: sorted again (-want +got):\n%s", len(ss), diff)
			}
		}
	}
}
