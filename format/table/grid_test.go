package table

import (
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/schedkit/schedkit/schedule"
)

// gridWith is a one-row grid whose room columns have contents of the
// given display widths.
func gridWith(widths ...int) table {
	t := table{header: []string{"Time"}, fixed: map[int]bool{0: true}, floor: GridMinColumn}
	row := []string{"09:00-10:00"}
	for _, w := range widths {
		t.header = append(t.header, "R")
		row = append(row, strings.Repeat("x", w))
	}
	t.rows = [][]string{row}
	return t
}

func TestSplitColumns(t *testing.T) {
	tests := []struct {
		name  string
		days  []table
		width int
		want  [][2]int
	}{
		{"no days", nil, 100, nil},
		// 40 = 4 (borders of the time column and the last) + 11 (time)
		// + 25: rooms of 5, 5 and 6 cells and 3 of border each fit.
		{"narrow rooms fit as they are", []table{gridWith(5, 5, 6)}, 40, [][2]int{{0, 3}}},
		{"one cell more: split", []table{gridWith(5, 5, 7)}, 40, [][2]int{{0, 2}, {2, 3}}},
		// Rooms of long titles count GridMinColumn (+3): 3 to a grid
		// at 66. Seven rooms need three grids: 3, 2, 2, not 3, 3, 1.
		{"evenly", []table{gridWith(30, 30, 30, 30, 30, 30, 30)}, 66, [][2]int{{0, 3}, {3, 5}, {5, 7}}},
		{"as many as fit", []table{gridWith(30, 30, 30, 30, 30, 30)}, 66, [][2]int{{0, 3}, {3, 6}}},
		// Evenly (2, 2) would put the two wide rooms together, 34 > 31.
		{"evenly does not fit: in order, as many as fit", []table{gridWith(4, 4, 14, 14)}, 46, [][2]int{{0, 3}, {3, 4}}},
		// A room counts as wide as on its widest day.
		{"the widest day", []table{gridWith(5, 5, 5), gridWith(30, 5, 5)}, 40, [][2]int{{0, 2}, {2, 3}}},
		{"one room to a grid at the minimum width", []table{gridWith(30, 30, 30)}, MinWidth, [][2]int{{0, 1}, {1, 2}, {2, 3}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, splitColumns(tt.days, tt.width)); diff != "" {
				t.Errorf("splitColumns (-want +got):\n%s", diff)
			}
		})
	}
}

// program is a two-day schedule whose sessions are in the file in
// another order than their rooms' registry, [Aula, Attic, Hall A, Hall B,
// Lab]: Lab first (by its alias), an unregistered Annex last; the Attic
// has no session. On Tuesday only Aula and Lab are used.
func program(t testing.TB) *schedule.Schedule {
	t.Helper()
	loc, err := schedule.LoadLocation("Europe/Brussels")
	if err != nil {
		t.Fatal(err)
	}
	at := func(d, h, m int) time.Time { return time.Date(2026, 2, d, h, m, 0, 0, loc) }
	talks := &schedule.Track{ID: "talks", Name: "Talks"}
	labs := &schedule.Track{ID: "labs", Name: "Labs"}
	s := &schedule.Schedule{
		Location: loc,
		Tracks:   []*schedule.Track{talks, labs},
		Rooms:    []schedule.Room{{Name: "Aula"}, {Name: "Attic"}, {Name: "Hall A"}, {Name: "Hall B"}, {Name: "Lab", Aliases: []string{"Workshop Lab"}}},
	}
	add := func(id, title, room string, tr *schedule.Track, from, to time.Time, speakers ...string) {
		ss := &schedule.Session{ID: id, Title: title, Room: room, Track: tr, Start: from, End: to}
		for _, n := range speakers {
			ss.Speakers = append(ss.Speakers, schedule.Person{Name: n})
		}
		s.Sessions = append(s.Sessions, ss)
	}
	add("lab1", "Soldering for beginners", "Workshop Lab", labs, at(2, 10, 0), at(2, 12, 0), "Grace")
	add("open", "Opening keynote", "Aula", talks, at(2, 9, 0), at(2, 10, 0), "Ada")
	add("a1", "Parsing timetables", "Hall A", talks, at(2, 10, 0), at(2, 10, 45))
	add("b1", "Time zones, again", "Hall B", talks, at(2, 10, 0), at(2, 11, 0), "Linus")
	add("lab2", "Reflow ovens", "Lab", labs, at(3, 9, 30), at(3, 11, 0))
	add("close", "Closing words", "Aula", talks, at(3, 11, 0), at(3, 11, 30), "Ada")
	add("x1", "Hallway track", "Annex", talks, at(2, 11, 0), at(2, 12, 0))
	schedule.Normalize(s) // as the CLI does: Workshop Lab is Lab
	return s
}

// headers are the headers of the grid tables of s, one line per table:
// its title, then its columns.
func headers(s *schedule.Schedule, ss []*schedule.Session, opt Options) []string {
	if err := opt.check(); err != nil {
		panic(err)
	}
	var out []string
	for _, t := range gridTables(s, ss, opt) {
		out = append(out, t.title+": "+strings.Join(t.header[1:], ", "))
	}
	return out
}

// TestGridColumns: the same columns in the same order on every day: rooms
// in the registry's order, then the file's; tracks in the file's order.
func TestGridColumns(t *testing.T) {
	s := program(t)
	all := schedule.Filter{}.Select(s)
	noRegistry := *s
	noRegistry.Rooms = nil
	tests := []struct {
		name string
		s    *schedule.Schedule
		ss   []*schedule.Session
		opt  Options
		want []string
	}{
		{"registry order, unregistered rooms after, unused registry rooms left out", s, all, Options{View: ViewGrid, Width: 200}, []string{
			"Monday 2026-02-02: Aula, Hall A, Hall B, Lab, Annex",
			"Tuesday 2026-02-03: Aula, Hall A, Hall B, Lab, Annex",
		}},
		{"no registry: the file's order", &noRegistry, all, Options{View: ViewGrid, Width: 200}, []string{
			"Monday 2026-02-02: Lab, Aula, Hall A, Hall B, Annex",
			"Tuesday 2026-02-03: Lab, Aula, Hall A, Hall B, Annex",
		}},
		{"a selection: only its rooms, still in order", s, schedule.Filter{Days: []string{"2026-02-03"}}.Select(s), Options{View: ViewGrid, Width: 200}, []string{
			"Tuesday 2026-02-03: Aula, Lab",
		}},
		{"tracks in the file's order", s, all, Options{View: ViewGrid, Width: 200, Columns: ColumnsTrack}, []string{
			"Monday 2026-02-02: Talks, Labs",
			"Tuesday 2026-02-03: Talks, Labs",
		}},
		// Select sorts by start, then room.
		{"sessions not in the schedule: order of first use", &schedule.Schedule{Location: s.Location}, all, Options{View: ViewGrid, Width: 200}, []string{
			"Monday 2026-02-02: Aula, Hall A, Hall B, Lab, Annex",
			"Tuesday 2026-02-03: Aula, Hall A, Hall B, Lab, Annex",
		}},
		// 60 = 4 + 11 + 45: two rooms of GridMinColumn (+3) to a grid;
		// five rooms make three grids, 2, 2 and 1, the same every day.
		{"split, the same groups every day", s, all, Options{View: ViewGrid, Width: 60}, []string{
			"Monday 2026-02-02 (1 of 3): Aula, Hall A",
			"Monday 2026-02-02 (2 of 3): Hall B, Lab",
			"Monday 2026-02-02 (3 of 3): Annex",
			"Tuesday 2026-02-03 (1 of 3): Aula, Hall A",
			"Tuesday 2026-02-03 (2 of 3): Hall B, Lab",
			"Tuesday 2026-02-03 (3 of 3): Annex",
		}},
		{"split in Markdown as in text", s, all, Options{View: ViewGrid, Width: 60, Format: FormatMarkdown}, []string{
			"Monday 2026-02-02 (1 of 3): Aula, Hall A",
			"Monday 2026-02-02 (2 of 3): Hall B, Lab",
			"Monday 2026-02-02 (3 of 3): Annex",
			"Tuesday 2026-02-03 (1 of 3): Aula, Hall A",
			"Tuesday 2026-02-03 (2 of 3): Hall B, Lab",
			"Tuesday 2026-02-03 (3 of 3): Annex",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, headers(tt.s, tt.ss, tt.opt)); diff != "" {
				t.Errorf("grid headers (-want +got):\n%s", diff)
			}
		})
	}
}

// TestGridSplit: at 60 cells program's five rooms make three grids a day,
// the same rooms in each on both days, every grid with its own time
// slots; a grid whose rooms have nothing that day says so. Markdown is
// split as the text is.
func TestGridSplit(t *testing.T) {
	s := program(t)
	ss := schedule.Filter{}.Select(s)
	tests := []struct {
		format string
		want   string
	}{
		{FormatText, `Monday 2026-02-02 (1 of 3)
+-------------+-----------------------+--------------------+
| Time        | Aula                  | Hall A             |
+-------------+-----------------------+--------------------+
| 09:00-10:00 | Opening keynote (Ada) |                    |
| 10:00-10:45 |                       | Parsing timetables |
+-------------+-----------------------+--------------------+

Monday 2026-02-02 (2 of 3)
+-------------+-------------------+-------------------+
| Time        | Hall B            | Lab               |
+-------------+-------------------+-------------------+
| 10:00-11:00 | Time zones, again | Soldering for     |
|             | (Linus)           | beginners (Grace) |
| 11:00-12:00 |                   | (continued)       |
+-------------+-------------------+-------------------+

Monday 2026-02-02 (3 of 3)
+-------------+---------------+
| Time        | Annex         |
+-------------+---------------+
| 11:00-12:00 | Hallway track |
+-------------+---------------+

Tuesday 2026-02-03 (1 of 3)
+-------------+---------------------+--------+
| Time        | Aula                | Hall A |
+-------------+---------------------+--------+
| 11:00-11:30 | Closing words (Ada) |        |
+-------------+---------------------+--------+

Tuesday 2026-02-03 (2 of 3)
+-------------+--------+--------------+
| Time        | Hall B | Lab          |
+-------------+--------+--------------+
| 09:30-11:00 |        | Reflow ovens |
+-------------+--------+--------------+

Tuesday 2026-02-03 (3 of 3)
+------+-------+
| Time | Annex |
+------+-------+
Nothing scheduled in these rooms this day.
`},
		{FormatMarkdown, `## Monday 2026-02-02 (1 of 3)

| Time        | Aula                  | Hall A             |
|:------------|:----------------------|:-------------------|
| 09:00-10:00 | Opening keynote (Ada) |                    |
| 10:00-10:45 |                       | Parsing timetables |

## Monday 2026-02-02 (2 of 3)

| Time        | Hall B                    | Lab                             |
|:------------|:--------------------------|:--------------------------------|
| 10:00-11:00 | Time zones, again (Linus) | Soldering for beginners (Grace) |
| 11:00-12:00 |                           | (continued)                     |

## Monday 2026-02-02 (3 of 3)

| Time        | Annex         |
|:------------|:--------------|
| 11:00-12:00 | Hallway track |

## Tuesday 2026-02-03 (1 of 3)

| Time        | Aula                | Hall A |
|:------------|:--------------------|:-------|
| 11:00-11:30 | Closing words (Ada) |        |

## Tuesday 2026-02-03 (2 of 3)

| Time        | Hall B | Lab          |
|:------------|:-------|:-------------|
| 09:30-11:00 |        | Reflow ovens |

## Tuesday 2026-02-03 (3 of 3)

| Time | Annex |
|:-----|:------|

Nothing scheduled in these rooms this day.
`},
	}
	for _, tt := range tests {
		t.Run(tt.format, func(t *testing.T) {
			got := render(t, s, ss, Options{View: ViewGrid, Width: 60, Format: tt.format})
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("grid (-want +got):\n%s", diff)
			}
		})
	}
}
