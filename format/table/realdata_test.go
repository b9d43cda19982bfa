package table

import (
	"cmp"
	"fmt"
	"regexp"
	"strings"
	"testing"

	gocmp "github.com/google/go-cmp/cmp"

	"github.com/olekukonko/tablewriter/pkg/twwidth"
	"github.com/schedkit/schedkit/internal/realdata"
	"github.com/schedkit/schedkit/schedule"
)

// TestRealDataTables renders the real schedules of ../shared/realdata:
// Markdown lists have one row per session and rows as many cells as their
// header; text lists fit 100 columns.
func TestRealDataTables(t *testing.T) {
	for _, name := range realdata.Schedules {
		t.Run(name, func(t *testing.T) {
			s, _ := realdata.Read(t, name)
			ss := schedule.Filter{}.Select(s)
			md := render(t, s, ss, Options{Format: FormatMarkdown})
			rows, n := 0, 0
			for _, line := range strings.Split(md, "\n") {
				if !strings.HasPrefix(line, "|") {
					n = 0
					continue
				}
				c := len(cells(line))
				switch {
				case n == 0:
					n = c
				case c != n:
					t.Fatalf("row of %d cells under %d headers: %q", c, n, line)
				case !strings.HasPrefix(line, "|:-"):
					rows++
				}
			}
			if rows != len(ss) {
				t.Errorf("%d Markdown rows, %d sessions", rows, len(ss))
			}
			text := render(t, s, ss, Options{Width: 100})
			for _, line := range strings.Split(text, "\n") {
				if w := twwidth.Width(line); w > 100 {
					t.Fatalf("line of width %d: %q", w, line)
				}
			}
			render(t, s, ss, Options{View: ViewGrid, Width: 100})
		})
	}
}

// TestRealDataGrid: the grids of the real schedules (FOSDEM 2025: 35
// rooms; 36C3: 92) at several widths: every day has the same columns in
// the same grids; no room column is narrower than GridMinColumn unless its
// content is; every grid fits the width; every session is in its room's
// column of its day's grids exactly once (each day it runs on).
func TestRealDataGrid(t *testing.T) {
	for _, name := range realdata.Schedules {
		t.Run(name, func(t *testing.T) {
			s, _ := realdata.Read(t, name)
			ss := schedule.Filter{}.Select(s)
			for _, width := range []int{MinWidth, 120, 200} {
				opt := Options{View: ViewGrid, Width: width}
				if err := opt.check(); err != nil {
					t.Fatal(err)
				}
				tables := gridTables(s, ss, opt)
				narrowest := width // the narrowest room column, as laid out
				// The columns of each day, grid by grid.
				days := map[string][]string{}
				var order []string
				for _, tb := range tables {
					if tb.header == nil {
						continue // the note on sessions without times
					}
					day := strings.Join(strings.Fields(tb.title)[:2], " ")
					if _, ok := days[day]; !ok {
						order = append(order, day)
					}
					days[day] = append(days[day], strings.Join(tb.header[1:], " | "))
					natural, _, _ := tb.limits()
					w := tb.widths(width)
					for j := 1; j < len(w); j++ {
						narrowest = min(narrowest, w[j])
						if w[j] < min(natural[j], GridMinColumn) {
							t.Errorf("width %d, %s, column %q: %d cells, natural %d", width, tb.title, tb.header[j], w[j], natural[j])
						}
					}
					if total := sum(w) + borders(len(w)); total > width {
						t.Errorf("width %d, %s: %d wide", width, tb.title, total)
					}
				}
				for _, d := range order[1:] {
					if diff := gocmp.Diff(days[order[0]], days[d]); diff != "" {
						t.Errorf("width %d: the grids of %s and %s differ in columns (-%s +%s):\n%s", width, order[0], d, order[0], d, diff)
					}
				}
				if width == 120 {
					t.Logf("width %d: %d grid(s) a day, %d days; narrowest room column %d cells", width, len(days[order[0]]), len(order), narrowest)
				}
				checkOnce(t, s, ss, opt)
			}
			text := render(t, s, ss, Options{View: ViewGrid, Width: 120})
			for _, line := range strings.Split(text, "\n") {
				if w := twwidth.Width(line); w > 120 {
					t.Fatalf("line of width %d: %q", w, line)
				}
			}
		})
	}
}

// checkOnce checks that the grids show every piece of the sessions ss
// (each day a session runs on) exactly once, in its room's column: the
// sessions are copied with unique titles and no speakers.
func checkOnce(t *testing.T, s *schedule.Schedule, ss []*schedule.Session, opt Options) {
	t.Helper()
	marked := make([]*schedule.Session, len(ss))
	want := map[string]int{} // "day|room|S12#" → pieces
	for i, x := range ss {
		c := *x
		c.Title, c.Speakers = fmt.Sprintf("S%d#", i), nil
		marked[i] = &c
		if !c.Timed() {
			continue
		}
		for _, p := range pieces(s.Loc(), &c) {
			want[fmt.Sprintf("%s|%s|%s", dayTitle(p.day), cmp.Or(clean(c.Room), "No room"), c.Title)]++
		}
	}
	got := map[string]int{}
	mark := regexp.MustCompile(`S\d+#`)
	for _, tb := range gridTables(s, marked, opt) {
		day := strings.Join(strings.Fields(tb.title)[:2], " ")
		for _, row := range tb.rows {
			for j, c := range row[1:] {
				for _, m := range mark.FindAllString(c, -1) {
					got[day+"|"+tb.header[1+j]+"|"+m]++
				}
			}
		}
	}
	if diff := gocmp.Diff(want, got); diff != "" {
		t.Errorf("width %d: sessions in the grids (-want +got):\n%s", opt.Width, diff)
	}
}

// BenchmarkGridFOSDEM renders FOSDEM 2025 (1105 sessions, 35 rooms, two
// days) as grids at 120 columns: text, six grids a day.
func BenchmarkGridFOSDEM(b *testing.B) {
	s, _ := realdata.Read(b, "fosdem-2025.schedule.xml")
	ss := schedule.Filter{}.Select(s)
	for _, format := range []string{FormatText, FormatMarkdown} {
		b.Run(format, func(b *testing.B) {
			for b.Loop() {
				var sb strings.Builder
				if err := Write(&sb, s, ss, Options{View: ViewGrid, Format: format, Width: 120}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
