package table

import (
	"strings"
	"testing"

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
