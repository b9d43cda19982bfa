package schedule

import (
	"bytes"
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

// TestFilterDays: --day selects a conference day (Schedule.SessionDay), the
// day the frab, table and html writers show a session under, not the
// calendar date of its start: with day_change 04:00 a 01:30 talk is on the
// day before. Check's usage error lists conference days, and says where
// the sessions of a calendar date that is no conference day went.
func TestFilterDays(t *testing.T) {
	// sessions starting on 2024-05-01 10:00, 2024-05-02 01:30, 04:00 and
	// 09:30, and one without times.
	const sessions = `
tracks:
  - name: T
    id: t
    room: Hall
    date: 2024-05-01
    sessions:
      - {id: day, title: Day, start: "10:00", end: "11:00"}
      - {id: night, title: Night, date: 2024-05-02, start: "01:30", end: "02:30"}
      - {id: four, title: Four, date: 2024-05-02, start: "04:00", end: "05:00"}
      - {id: morning, title: Morning, date: 2024-05-02, start: "09:30", end: "10:30"}
      - {id: open, title: Open}
`
	const (
		midnight = `conference: {name: F, timezone: Europe/Berlin}`
		change   = `conference: {name: F, timezone: Europe/Berlin, day_change: "04:00"}`
		// Days as 36C3 lists them: 11:00 to 04:00 the next morning; the
		// 09:30 session lies between two days and goes by its date.
		listed = `conference:
  name: F
  timezone: Europe/Berlin
  days:
    - {date: 2024-05-01, start: "2024-05-01T11:00", end: "2024-05-02T04:00"}
    - {date: 2024-05-02, start: "2024-05-02T11:00", end: "2024-05-03T04:00"}`
	)
	for _, tc := range []struct {
		name       string
		conference string
		days       []string
		want       []string // ids selected, when Check passes
		wantErr    string
	}{
		{"NoDayChangeCalendarDate", midnight, []string{"2024-05-01"}, []string{"day"}, ""},
		{"NoDayChangeNight", midnight, []string{"2024-05-02"}, []string{"night", "four", "morning"}, ""},
		{"DayChangeNightOnDayBefore", change, []string{"2024-05-01"}, []string{"day", "night"}, ""},
		{"DayChangeAtTheChange", change, []string{"2024-05-02"}, []string{"four", "morning"}, ""},
		{"DayChangeBoth", change, []string{"2024-05-02", "2024-05-01"}, []string{"day", "night", "four", "morning"}, ""},
		// Days end included: a session at 04:00 is on the day ending then.
		{"ListedDaysNight", listed, []string{"2024-05-01"}, []string{"day", "night", "four"}, ""},
		{"ListedDaysBeforeStart", listed, []string{"2024-05-02"}, []string{"morning"}, ""},
		{"ListedDaysWithDayChange", listed + "\n  day_change: \"04:00\"", []string{"2024-05-01"}, []string{"day", "night", "four"}, ""},
		{"UnknownDay", change, []string{"2024-05-04"}, nil,
			"no session on 2024-05-04 in the schedule (its days: 2024-05-01, 2024-05-02)"},
		{"CalendarDateOfNightSessionsOnly", `conference: {name: F, timezone: Europe/Berlin, day_change: "10:00"}`, []string{"2024-05-02"}, nil,
			"no session on 2024-05-02 in the schedule (its days: 2024-05-01; the sessions that start on 2024-05-02 are on day 2024-05-01, which runs past midnight)"},
		{"UnknownDayNoDayChange", midnight, []string{"2024-04-30"}, nil,
			"no session on 2024-04-30 in the schedule (its days: 2024-05-01, 2024-05-02)"},
		{"NotADate", change, []string{"2024-05-32"}, nil, `--day: date "2024-05-32" does not exist`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, diags := Load("f.yaml", []byte(tc.conference+sessions), LoadOptions{})
			// The untimed session is an error (needs a start), which
			// --force exports anyway; nothing else is.
			diags = slices.DeleteFunc(diags, func(d Diagnostic) bool { return d.Rule == RuleRequired })
			if s == nil || HasErrors(diags) {
				t.Fatalf("Load: %v", diags)
			}
			f := Filter{Days: tc.days}
			got, gotErr := []string(nil), ""
			if err := f.Check(s); err != nil {
				gotErr = err.Error()
			} else {
				for _, ss := range f.Select(s) {
					got = append(got, ss.ID)
				}
			}
			if diff := cmp.Diff(tc.wantErr, gotErr); diff != "" {
				t.Errorf("Check (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("Select (-want +got):\n%s", diff)
			}
			if len(s.Sessions) != 5 {
				t.Fatalf("%d sessions, want 5 (one untimed)", len(s.Sessions))
			}
			// Match and SessionDay say the same as Select, one session at a time.
			for _, ss := range s.Sessions {
				d, ok := s.SessionDay(ss)
				if ok != ss.Timed() || ok && d != s.DayOf(ss.Start).Date {
					t.Errorf("SessionDay(%s) = %v, %v; DayOf says %v", ss.ID, d, ok, s.DayOf(ss.Start).Date)
				}
				if gotErr == "" && f.Match(s, ss) != slices.Contains(tc.want, ss.ID) {
					t.Errorf("Match(%s) = %v, Select disagrees", ss.ID, !slices.Contains(tc.want, ss.ID))
				}
			}
		})
	}
}

// BenchmarkFilterDays measures what --day costs at 100,000 sessions: Check
// (the known days) and Select, by calendar date (no day_change) and with a
// day change (days past midnight).
func BenchmarkFilterDays(b *testing.B) {
	data := genSchedule(100_000)
	for _, dc := range []string{"", `, day_change: "04:00"`} {
		s, diags := Load("bench.yaml", bytes.Replace(data, []byte("timezone: Europe/Berlin}"), []byte("timezone: Europe/Berlin"+dc+"}"), 1), LoadOptions{})
		if s == nil || HasErrors(diags) {
			b.Fatalf("load: %v", diags[:min(3, len(diags))])
		}
		f := Filter{Days: []string{"2026-03-05"}}
		b.Run(fmt.Sprintf("day_change=%t", dc != ""), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if err := f.Check(s); err != nil {
					b.Fatal(err)
				}
				if len(f.Select(s)) == 0 {
					b.Fatal("nothing selected")
				}
			}
		})
	}
}
