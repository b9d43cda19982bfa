package table

import (
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/olekukonko/tablewriter/pkg/twwidth"
	"github.com/schedkit/schedkit/internal/testutil"
	"github.com/schedkit/schedkit/schedule"
)

func load(t testing.TB, name string) (*schedule.Schedule, []*schedule.Session) {
	t.Helper()
	s, _ := testutil.Fixture(t, name)
	return s, schedule.Filter{}.Select(s)
}

func render(t testing.TB, s *schedule.Schedule, ss []*schedule.Session, opt Options) string {
	t.Helper()
	var b strings.Builder
	if err := Write(&b, s, ss, opt); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func TestClean(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain", "plain"},
		{"  two\n lines\t", "two lines"},
		{"a\r\nb", "a b"},
		{"red \x1b[31mtext\x1b[0m", "red [31mtext[0m"},
		{"bidi \u202eevil", "bidi evil"},
		{"Ünïcödé 日本語", "Ünïcödé 日本語"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := clean(tt.in); got != tt.want {
			t.Errorf("clean(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestEscapeMarkdown(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain text", "plain text"},
		{"a|b", `a\|b`},
		{`a\|b`, `a\\\|b`},
		{`back\slash`, `back\\slash`},
		{"*x* _y_ `z`", "\\*x\\* \\_y\\_ \\`z\\`"},
		{"<b>x</b>", `\<b>x\</b>`},
		{"[a](b)", `\[a\](b)`},
		{"~~s~~ #1", `\~\~s\~\~ \#1`},
		{"Patterns & Practices", "Patterns & Practices"},
		{"&amp; &#42;", `\&amp; \&\#42;`},
		{"=HYPERLINK(\"x\")", "=HYPERLINK(\"x\")"},
	}
	for _, tt := range tests {
		if got := escapeMarkdown(tt.in); got != tt.want {
			t.Errorf("escapeMarkdown(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestWrap(t *testing.T) {
	tests := []struct {
		in    string
		width int
		want  []string
	}{
		{"", 5, []string{""}},
		{"one two three", 20, []string{"one two three"}},
		{"one two three", 7, []string{"one two", "three"}},
		{"one two three", 3, []string{"one", "two", "thr", "ee"}},
		{"abcdefghij", 4, []string{"abcd", "efgh", "ij"}},
		{"日本語のタイトル", 6, []string{"日本語", "のタイ", "トル"}},
		{"a  b", 10, []string{"a  b"}},
	}
	for _, tt := range tests {
		got := wrap(tt.in, tt.width)
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("wrap(%q, %d) (-want +got):\n%s", tt.in, tt.width, diff)
		}
	}
}

func TestOptionErrors(t *testing.T) {
	s, ss := load(t, "qcon-ny-2019.yaml")
	for _, opt := range []Options{{View: "calendar"}, {Format: "html"}, {Columns: "speaker"}, {Width: 10}} {
		if err := Write(&strings.Builder{}, s, ss, opt); err == nil {
			t.Errorf("Write with %+v: no error", opt)
		}
	}
}

// TestTextFitsWidth: every line of text output fits the width, for widths
// at which the columns' minimums fit.
func TestTextFitsWidth(t *testing.T) {
	for _, name := range []string{"qcon-ny-2019.yaml", "csv/tricky.yaml"} {
		s, ss := load(t, name)
		for _, view := range []string{ViewList, ViewGrid} {
			for width := 60; width <= 160; width += 7 {
				out := render(t, s, ss, Options{View: view, Width: width})
				for i, line := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
					if w := twwidth.Width(line); w > width {
						t.Errorf("%s %s width %d: line %d is %d wide: %q", name, view, width, i+1, w, line)
					}
				}
			}
			// Too narrow for the minimums: wider than asked, but whole.
			out := render(t, s, ss, Options{View: view, Width: MinWidth})
			if !strings.Contains(out, "09:") && !strings.Contains(out, "10:") {
				t.Errorf("%s %s at the minimum width lost its rows:\n%s", name, view, out)
			}
		}
	}
}

// TestTextASCII: borders are ASCII unless Unicode is asked for.
func TestTextASCII(t *testing.T) {
	s, ss := load(t, "qcon-ny-2019.yaml")
	for _, view := range []string{ViewList, ViewGrid} {
		out := render(t, s, ss, Options{View: view})
		for _, line := range strings.Split(out, "\n") {
			if strings.HasPrefix(line, "+") && strings.Trim(line, "+-") != "" {
				t.Errorf("%s: non-ASCII border %q", view, line)
			}
		}
		uni := render(t, s, ss, Options{View: view, Unicode: true})
		if !strings.Contains(uni, "─") {
			t.Errorf("%s with Unicode has no box drawing:\n%s", view, uni)
		}
	}
}

// cells splits a Markdown table row as GFM does: at pipes not preceded by a
// backslash.
func cells(line string) []string {
	var out []string
	var cur strings.Builder
	for i := 0; i < len(line); i++ {
		if line[i] == '\\' && i+1 < len(line) {
			cur.WriteByte(line[i])
			cur.WriteByte(line[i+1])
			i++
			continue
		}
		if line[i] == '|' {
			out = append(out, cur.String())
			cur.Reset()
			continue
		}
		cur.WriteByte(line[i])
	}
	return append(out, cur.String())
}

// TestMarkdownRows: the list view has one table row per session and every
// row has as many cells as the header; the grid has one row per slot.
func TestMarkdownRows(t *testing.T) {
	for _, name := range []string{"qcon-ny-2019.yaml", "csv/tricky.yaml"} {
		s, ss := load(t, name)
		for _, view := range []string{ViewList, ViewGrid} {
			out := render(t, s, ss, Options{View: view, Format: FormatMarkdown})
			rows, ncells := 0, 0
			for _, line := range strings.Split(out, "\n") {
				if !strings.HasPrefix(line, "|") {
					ncells = 0
					continue
				}
				c := cells(line)
				if ncells == 0 {
					ncells = len(c)
					continue
				}
				if len(c) != ncells {
					t.Errorf("%s %s: row with %d cells, header has %d: %q", name, view, len(c), ncells, line)
				}
				if !strings.HasPrefix(line, "|:-") {
					rows++
				}
			}
			if view == ViewList && rows != len(ss) {
				t.Errorf("%s list: %d rows, want one per session (%d)", name, rows, len(ss))
			}
			if view == ViewGrid && rows < len(ss)/2 {
				t.Errorf("%s grid: %d rows for %d sessions", name, rows, len(ss))
			}
		}
	}
}

func TestGridSpans(t *testing.T) {
	s, ss := load(t, "csv/tricky.yaml")
	out := render(t, s, ss, Options{View: ViewGrid, Format: FormatMarkdown})
	// "minus" runs 10:00-11:30 in Saal 1: its own slot, then continued in
	// the slots until 11:30.
	for _, want := range []string{
		"| 10:00-10:15 | -1+2 (@SUM(A1))",
		"| 10:15-11:00 | (continued)",
		"| 11:00-11:30 | (continued)",
		"| 11:30-11:45 |  ",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("grid lacks %q:\n%s", want, out)
		}
	}
	// By track: the columns are the tracks.
	out = render(t, s, ss, Options{View: ViewGrid, Format: FormatMarkdown, Columns: ColumnsTrack})
	if !strings.Contains(out, `| Time        | Data \| Formulas`) {
		t.Errorf("grid by track lacks the track columns:\n%s", out)
	}
}

func TestUntimed(t *testing.T) {
	tr := &schedule.Track{ID: "t", Name: "T"}
	loc := time.UTC
	timed := &schedule.Session{ID: "a", Title: "Timed", Track: tr, Room: "R",
		Start: time.Date(2026, 1, 1, 9, 0, 0, 0, loc), End: time.Date(2026, 1, 1, 10, 0, 0, 0, loc)}
	untimed := &schedule.Session{ID: "b", Title: "Untimed", Track: tr, Room: "R", Status: "cancelled"}
	s := &schedule.Schedule{Tracks: []*schedule.Track{tr}, Location: loc}
	list := render(t, s, []*schedule.Session{timed, untimed}, Options{})
	if !strings.Contains(list, "T, unscheduled") || !strings.Contains(list, "| --   | Untimed [cancelled]") {
		t.Errorf("list:\n%s", list)
	}
	grid := render(t, s, []*schedule.Session{timed, untimed}, Options{View: ViewGrid})
	if !strings.Contains(grid, "1 session(s) without times not shown.") {
		t.Errorf("grid:\n%s", grid)
	}
	if got := render(t, s, nil, Options{}); got != "" {
		t.Errorf("no sessions: %q", got)
	}
}

// FuzzWrite: any title renders without error; text lines fit a width that
// leaves room for the columns; Markdown rows keep their cell count.
func FuzzWrite(f *testing.F) {
	for _, seed := range []string{"", "a|b", `a\|b`, "x\ny", "日本語のタイトル", "\x1b[2J", "*_`<[~#&amp;", "\\"} {
		f.Add(seed, seed)
	}
	f.Fuzz(func(t *testing.T, title, speaker string) {
		tr := &schedule.Track{ID: "t", Name: title}
		loc := time.UTC
		ss := []*schedule.Session{
			{ID: "a", Title: title, Track: tr, Room: speaker, Speakers: []schedule.Person{{Name: speaker}},
				Start: time.Date(2026, 1, 1, 9, 0, 0, 0, loc), End: time.Date(2026, 1, 1, 10, 0, 0, 0, loc)},
			{ID: "b", Title: speaker, Track: tr, Room: "R",
				Start: time.Date(2026, 1, 1, 9, 30, 0, 0, loc), End: time.Date(2026, 1, 1, 11, 0, 0, 0, loc)},
		}
		s := &schedule.Schedule{Tracks: []*schedule.Track{tr}, Location: loc}
		for _, view := range []string{ViewList, ViewGrid} {
			md := render(t, s, ss, Options{View: view, Format: FormatMarkdown})
			n := 0
			for _, line := range strings.Split(md, "\n") {
				if strings.HasPrefix(line, "|") {
					if c := len(cells(line)); n == 0 {
						n = c
					} else if c != n {
						t.Fatalf("%s: row with %d cells, header %d: %q", view, c, n, line)
					}
				} else {
					n = 0
				}
			}
			render(t, s, ss, Options{View: view, Width: 100})
		}
	})
}

func BenchmarkListText(b *testing.B) {
	s, ss := load(b, "csv/tricky.yaml")
	for b.Loop() {
		var sb strings.Builder
		if err := Write(&sb, s, ss, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

func TestGridZeroDuration(t *testing.T) {
	tr := &schedule.Track{ID: "t", Name: "T"}
	loc := time.UTC
	at := func(h, m int) time.Time { return time.Date(2026, 1, 1, h, m, 0, 0, loc) }
	ss := []*schedule.Session{
		{ID: "a", Title: "Talk", Track: tr, Room: "R", Start: at(9, 0), End: at(10, 0)},
		{ID: "b", Title: "Point", Track: tr, Room: "S", Start: at(9, 30), End: at(9, 30)},
		{ID: "c", Title: "Last", Track: tr, Room: "S", Start: at(10, 0), End: at(10, 0)},
	}
	s := &schedule.Schedule{Tracks: []*schedule.Track{tr}, Location: loc}
	got := render(t, s, ss, Options{View: ViewGrid, Format: FormatMarkdown})
	for _, want := range []string{"| 09:00-09:30 | Talk", "| 09:30-10:00 | (continued) | Point", "| 10:00-10:00 |             | Last"} {
		if !strings.Contains(got, want) {
			t.Errorf("grid lacks %q:\n%s", want, got)
		}
	}
}
