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
		// Controls and bidi overrides are shown escaped (hostile-text
		// issue 13.1), other format characters dropped.
		{"red \x1b[31mtext\x1b[0m", `red \x1b[31mtext\x1b[0m`},
		{"bidi \u202eevil", `bidi \u202eevil`},
		{"\x1b[2K\x1b[1A\r~ keynote", `\x1b[2K\x1b[1A ~ keynote`},
		{"isolates \u2066x\u2069, marks \u200e\u200f", `isolates \u2066x\u2069, marks \u200e\u200f`},
		{"line\u2028sep\u0085next", "line sep next"},
		{"soft\u00adhyphen, zwj 👩\u200d💻", "softhyphen, zwj 👩💻"},
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

// multiDay is a schedule with sessions past midnight and over several
// days: a hackathon from Wednesday 10:00 to Friday 12:00 in Hall A, a late
// talk 23:00-01:00 in Hall B, and a talk on each of the three days.
func multiDay(t testing.TB) (*schedule.Schedule, []*schedule.Session) {
	t.Helper()
	loc, err := schedule.LoadLocation("Europe/Berlin")
	if err != nil {
		t.Fatal(err)
	}
	at := func(d, h, m int) time.Time { return time.Date(2024, 5, d, h, m, 0, 0, loc) }
	main := &schedule.Track{ID: "main", Name: "Main"}
	hack := &schedule.Track{ID: "hack", Name: "Hack"}
	s := &schedule.Schedule{Tracks: []*schedule.Track{main, hack}, Location: loc}
	s.Sessions = []*schedule.Session{
		{ID: "opening", Title: "Opening", Track: main, Room: "Hall B", Start: at(1, 9, 0), End: at(1, 10, 0)},
		{ID: "hackathon", Title: "Hackathon", Track: hack, Room: "Hall A", Start: at(1, 10, 0), End: at(3, 12, 0),
			Speakers: []schedule.Person{{Name: "Ada"}}},
		{ID: "late", Title: "Late Night Talk", Track: main, Room: "Hall B", Start: at(1, 23, 0), End: at(2, 1, 0),
			Speakers: []schedule.Person{{Name: "Owl"}}},
		{ID: "morning", Title: "Morning Talk", Track: main, Room: "Hall B", Start: at(2, 9, 0), End: at(2, 10, 0)},
		{ID: "closing", Title: "Closing", Track: main, Room: "Hall B", Start: at(3, 11, 0), End: at(3, 12, 0)},
	}
	return s, schedule.Filter{}.Select(s)
}

// TestTextFitsWidth: every line of text output fits the width, in both
// views, at every width from MinWidth on: a grid too wide is split.
func TestTextFitsWidth(t *testing.T) {
	type fixture struct {
		name     string
		s        *schedule.Schedule
		sessions []*schedule.Session
	}
	var fixtures []fixture
	for _, name := range []string{"qcon-ny-2019.yaml", "csv/tricky.yaml"} {
		s, ss := load(t, name)
		fixtures = append(fixtures, fixture{name, s, ss})
	}
	s, ss := multiDay(t)
	fixtures = append(fixtures, fixture{"multiDay", s, ss})
	for _, f := range fixtures {
		for _, view := range []string{ViewList, ViewGrid} {
			for _, cols := range []string{ColumnsRoom, ColumnsTrack} {
				if view == ViewList && cols == ColumnsTrack {
					continue
				}
				opt := Options{View: view, Columns: cols}
				need := MinWidth
				for width := need; width <= 130; width += 1 + width/90*6 {
					opt.Width = width
					out := render(t, f.s, f.sessions, opt)
					for i, line := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
						if w := twwidth.Width(line); w > width {
							t.Errorf("%s %s by %s, width %d: line %d is %d wide: %q", f.name, view, cols, width, i+1, w, line)
						}
					}
				}
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
	for _, seed := range []string{"", "a|b", `a\|b`, "x\ny", "日本語のタイトル", "\x1b[2J", "*_`<[~#&amp;", "\\",
		"\x1b[2K\x1b[1A\r~ keynote", "evil\u202egnp.exe \u2066x\u2069", "line\u2028sep\u0085", strings.Repeat("w", 5000)} {
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

// TestSpan: the time of a session shows the end's day when it is not the
// start's: "+1d" past midnight, "+2d" two days on; an end at midnight is
// "24:00" of the day before.
func TestSpan(t *testing.T) {
	loc, err := schedule.LoadLocation("Europe/Berlin")
	if err != nil {
		t.Fatal(err)
	}
	at := func(mo time.Month, d, h, m int) time.Time { return time.Date(2024, mo, d, h, m, 0, 0, loc) }
	tests := []struct {
		from, to time.Time
		want     string
	}{
		{at(5, 1, 10, 0), at(5, 1, 12, 0), "10:00-12:00"},
		{at(5, 1, 10, 0), at(5, 3, 12, 0), "10:00-12:00 +2d"},
		{at(5, 1, 23, 0), at(5, 2, 1, 0), "23:00-01:00 +1d"},
		{at(5, 1, 22, 0), at(5, 2, 0, 0), "22:00-24:00"},
		{at(5, 1, 22, 0), at(5, 3, 0, 0), "22:00-24:00 +1d"},
		{at(5, 1, 0, 0), at(5, 2, 0, 0), "00:00-24:00"},
		{at(5, 1, 9, 0), at(5, 1, 9, 0), "09:00-09:00"},
		{at(5, 2, 0, 30), at(5, 1, 23, 30), "00:30-23:30 -1d"}, // end before start (--force)
		{at(3, 30, 23, 0), at(3, 31, 4, 0), "23:00-04:00 +1d"}, // over the DST change
		{at(12, 31, 23, 0), time.Date(2025, 1, 1, 1, 0, 0, 0, loc), "23:00-01:00 +1d"},
	}
	var got, want []string
	for _, tt := range tests {
		got = append(got, span(tt.from, tt.to))
		want = append(want, tt.want)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("span (-want +got):\n%s", diff)
	}
}

// TestMultiDay: the list view shows the end's day; the grid shows a session
// on every day it runs — "(until …)" on its first day, "(continued)" and
// its title from 00:00 on the next — so its room never looks free. The
// rooms are in file order (Hall B first) on every day.
func TestMultiDay(t *testing.T) {
	s, ss := multiDay(t)
	rows := func(out string) []string {
		var rs []string
		for _, line := range strings.Split(out, "\n") {
			if strings.HasPrefix(line, "## ") || strings.HasPrefix(line, "| ") {
				rs = append(rs, strings.Join(strings.Fields(line), " "))
			}
		}
		return rs
	}
	list := rows(render(t, s, ss, Options{Format: FormatMarkdown}))
	wantList := []string{
		"## Main, Wednesday 2024-05-01",
		"| Time | Title | Speakers | Room |",
		"| 09:00-10:00 | Opening | | Hall B |",
		"| 23:00-01:00 +1d | Late Night Talk | Owl | Hall B |",
		"## Main, Thursday 2024-05-02",
		"| Time | Title | Speakers | Room |",
		"| 09:00-10:00 | Morning Talk | | Hall B |",
		"## Main, Friday 2024-05-03",
		"| Time | Title | Speakers | Room |",
		"| 11:00-12:00 | Closing | | Hall B |",
		"## Hack, Wednesday 2024-05-01",
		"| Time | Title | Speakers | Room |",
		"| 10:00-12:00 +2d | Hackathon | Ada | Hall A |",
	}
	if diff := cmp.Diff(wantList, list); diff != "" {
		t.Errorf("list (-want +got):\n%s", diff)
	}
	grid := rows(render(t, s, ss, Options{View: ViewGrid, Format: FormatMarkdown}))
	wantGrid := []string{
		"## Wednesday 2024-05-01",
		"| Time | Hall B | Hall A |",
		"| 09:00-10:00 | Opening | |",
		"| 10:00-23:00 | | Hackathon (Ada) (until 12:00 +2d) |",
		"| 23:00-24:00 | Late Night Talk (Owl) (until 01:00 +1d) | (continued) |",
		"## Thursday 2024-05-02",
		"| Time | Hall B | Hall A |",
		"| 00:00-01:00 | (continued) Late Night Talk (Owl) | (continued) Hackathon (Ada) (until 12:00 +1d) |",
		"| 01:00-09:00 | | (continued) |",
		"| 09:00-10:00 | Morning Talk | (continued) |",
		"| 10:00-24:00 | | (continued) |",
		"## Friday 2024-05-03",
		"| Time | Hall B | Hall A |",
		"| 00:00-11:00 | | (continued) Hackathon (Ada) |",
		"| 11:00-12:00 | Closing | (continued) |",
	}
	if diff := cmp.Diff(wantGrid, grid); diff != "" {
		t.Errorf("grid (-want +got):\n%s", diff)
	}
	// --columns track: the same days, the tracks as columns.
	byTrack := render(t, s, ss, Options{View: ViewGrid, Format: FormatMarkdown, Columns: ColumnsTrack})
	if !strings.Contains(byTrack, "## Friday 2024-05-03") || !strings.Contains(byTrack, "(continued) Hackathon (Ada) |") {
		t.Errorf("grid by track lacks the hackathon's last day:\n%s", byTrack)
	}
}

// TestPiecesBounded: a session of years (a typo, exported with --force) is
// drawn on maxGridDays days at most, each piece within its day.
func TestPiecesBounded(t *testing.T) {
	loc, err := schedule.LoadLocation("Europe/Berlin")
	if err != nil {
		t.Fatal(err)
	}
	ss := &schedule.Session{ID: "x", Title: "X",
		Start: time.Date(2024, 5, 1, 10, 0, 0, 0, loc), End: time.Date(2034, 5, 1, 12, 0, 0, 0, loc)}
	ps := pieces(loc, ss)
	if len(ps) != maxGridDays {
		t.Fatalf("%d pieces, want %d", len(ps), maxGridDays)
	}
	for i, p := range ps {
		if p.from.Before(p.day) || p.to.After(nextMidnight(p.day)) || !p.to.After(p.from) {
			t.Errorf("piece %d: %v–%v is not within its day %v", i, p.from, p.to, p.day)
		}
	}
}

// TestWrapLongWord: a word much longer than the width is cut into pieces
// of the width, measuring the rest by what was cut (issue 14.7: measuring
// it again after each cut made a 640 KB word take 11 s, 60 MB never end).
func TestWrapLongWord(t *testing.T) {
	word := strings.Repeat("abcdefghij", 50_000) // 500 KB, 50,000 pieces of 10
	lines := wrap("x "+word+" y", 10)
	if len(lines) != 50_002 {
		t.Fatalf("%d lines, want 50,002", len(lines))
	}
	if diff := cmp.Diff([]string{"x", "abcdefghij", "abcdefghij"}, lines[:3]); diff != "" {
		t.Errorf("first lines (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"abcdefghij", "y"}, lines[len(lines)-2:]); diff != "" {
		t.Errorf("last lines (-want +got):\n%s", diff)
	}
	wide := wrap(strings.Repeat("日本", 5)+"x", 4) // wide runes: two cells each
	if diff := cmp.Diff([]string{"日本", "日本", "日本", "日本", "日本", "x"}, wide); diff != "" {
		t.Errorf("wide runes (-want +got):\n%s", diff)
	}
}
