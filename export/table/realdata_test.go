package tableexport

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/olekukonko/tablewriter/pkg/twwidth"
	"github.com/schedkit/schedkit/importer"
	"github.com/schedkit/schedkit/internal/testutil"
	"github.com/schedkit/schedkit/schedule"
)

// TestRealDataTables renders the real schedules of ../shared/realdata:
// Markdown lists have one row per session and rows as many cells as their
// header; text lists fit 100 columns.
func TestRealDataTables(t *testing.T) {
	dir := testutil.Shared(t, "realdata")
	for _, name := range []string{"36c3-merged.schedule.xml", "debconf23.schedule.xml", "fosdem-2025.schedule.xml", "jres-2022.ics", "pretalx-democon.schedule.json"} {
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join(dir, name))
			if err != nil {
				t.Fatal(err)
			}
			s, _, err := importer.Read("", name, data, schedule.LoadOptions{})
			if err != nil || s == nil {
				t.Fatalf("importer.Read: %v", err)
			}
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
