package html

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/schedkit/schedkit/format/ics"
	"github.com/schedkit/schedkit/schedule"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// load reads a fixture as the CLI does: Load, then the rooms canonicalised
// as Validate leaves them; no validation (the XSS fixture has errors and
// is exported with --force).
func load(t testing.TB, file string) *schedule.Schedule {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	s, diags := schedule.Load(file, data, schedule.LoadOptions{})
	if s == nil {
		t.Fatalf("%s: %v", file, diags)
	}
	schedule.Normalize(s)
	return s
}

// cliOptions are the options `schedkit export html --feeds-base
// https://example.org/ics/` passes (the test may import format/ics; the
// package may not): the feeds' events and the abstracts as plain text.
func cliOptions(s *schedule.Schedule) Options {
	events := ics.Events(s)
	feeds := []Feed{{Name: "All sessions", URL: "https://example.org/ics/all.ics"}}
	for _, t := range s.Tracks {
		feeds = append(feeds, Feed{Name: t.Name, Track: t, URL: "https://example.org/ics/" + t.ID + ".ics"})
	}
	return Options{
		Version: "test", Stamp: ics.DefaultStamp(s), PlainText: ics.PlainText,
		Feeds: feeds, XMLURL: "https://example.org/schedule.xml",
		Event: func(x *schedule.Session) (Event, bool) {
			ev, ok := events[x]
			return Event(ev), ok
		},
	}
}

func render(t testing.TB, s *schedule.Schedule, opt Options) string {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, s, s.Sessions, opt); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

// TestGolden compares the QCon page with testdata/qcon-ny-2019.html. Run
// with -update to rewrite it, then review the diff (and open the file in a
// browser).
func TestGolden(t *testing.T) {
	s := load(t, "../../testdata/qcon-ny-2019.yaml")
	got := render(t, s, cliOptions(s))
	golden := filepath.Join("testdata", "qcon-ny-2019.html")
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(string(want), got); diff != "" {
		t.Errorf("page differs from %s (run with -update, review the diff) (-want +got):\n%s", golden, diff)
	}
}

// TestDeterministic: the same input gives the same bytes, whatever the
// machine's zone (the schedule's zone is used) and map order.
func TestDeterministic(t *testing.T) {
	t.Setenv("TZ", "Pacific/Chatham")
	for _, file := range []string{"../../testdata/qcon-ny-2019.yaml", "../../testdata/html/xss.yaml", "../../testdata/ics/dst-berlin-2024.yaml"} {
		s := load(t, file)
		first := render(t, s, cliOptions(s))
		for range 5 {
			s := load(t, file)
			if got := render(t, s, cliOptions(s)); got != first {
				t.Fatalf("%s: two renderings differ:\n%s", file, cmp.Diff(first, got))
			}
		}
	}
}

// TestEscaping renders the XSS fixture: every payload shows as escaped
// text, no markup of the schedule's reaches the page, and nothing can end
// the JSON data island early.
func TestEscaping(t *testing.T) {
	s := load(t, "../../testdata/html/xss.yaml")
	out := render(t, s, cliOptions(s))
	// The data island apart: between its tags no '<' or '>' at all.
	start := strings.Index(out, `<script type="application/json"`)
	end := start + strings.Index(out[start:], "</script>")
	island := out[strings.Index(out[start:], ">")+start+1 : end]
	if strings.ContainsAny(island, "<>") {
		t.Errorf("the data island holds < or >: %s", island)
	}
	if !strings.Contains(island, `"summary":"\u003cscript\u003ealert(1)\u003c/script\u003e"`) {
		t.Errorf("the island lacks the escaped title: %s", island)
	}
	markup := out[:start] + out[end:]
	for _, bad := range []string{
		"<script>alert", "<img", "<svg", "<iframe", "<b>", "<i>", "<b ", "</style><script>", "<style>body",
	} {
		if strings.Contains(markup, bad) {
			t.Errorf("the page holds %q unescaped", bad)
		}
	}
	for _, shown := range []string{
		"<h1>XSS Conf &lt;script&gt;alert(&#39;conf&#39;)&lt;/script&gt;</h1>",
		">&lt;script&gt;alert(1)&lt;/script&gt;</h4>",
		">&#34;&gt;&lt;img src=x onerror=alert(1)&gt;</h4>",
		`<p class="who">&lt;img src=x onerror=alert(&#39;speaker&#39;)&gt;</p>`,
		`<span>&#34;&gt;&lt;img src=x onerror=alert(&#39;room&#39;)&gt;</span>`,
		"Day two {{template &#34;x&#34;}}",
		"<p>Language: en&#34; onmouseover=&#34;alert(&#39;lang&#39;)</p>",
	} {
		if !strings.Contains(markup, shown) {
			t.Errorf("the page lacks the escaped text %q", shown)
		}
	}
	// The page's own elements only: two scripts (data and favourites), one
	// style element, no event handler attribute (a tag starts only where
	// the page has one: the data's < is &lt;), and the one lang attribute
	// of <html> (the fixture's language is no BCP 47 tag).
	if n := strings.Count(out, "<script"); n != 2 {
		t.Errorf("%d <script> elements, want 2", n)
	}
	if n := strings.Count(out, "<style"); n != 1 {
		t.Errorf("%d <style> elements, want 1", n)
	}
	if m := regexp.MustCompile(`<[a-z][^>]*\s(on[a-z]+|src)=`).FindString(markup); m != "" {
		t.Errorf("an event handler or src attribute: %s", m)
	}
	if n := strings.Count(markup, " lang="); n != 1 {
		t.Errorf("%d lang attributes, want the one of <html>", n)
	}
	// Links: only the absolute http(s) ones (html/template percent-encodes
	// the markup in them), webcal:// subscriptions and fragments.
	for _, m := range regexp.MustCompile(`href="([^"]*)"`).FindAllStringSubmatch(markup, -1) {
		if u := m[1]; !strings.HasPrefix(u, "https://") && !strings.HasPrefix(u, "webcal://") && !strings.HasPrefix(u, "#") {
			t.Errorf("link to %q", u)
		}
	}
}

// TestNoFavourites: without Options.Event the page has no script at all,
// no data and no star.
func TestNoFavourites(t *testing.T) {
	s := load(t, "../../testdata/qcon-ny-2019.yaml")
	out := render(t, s, Options{})
	for _, bad := range []string{"<script", `class="star"`, "data-uid", `id="favourites"`, "Calendars"} {
		if strings.Contains(out, bad) {
			t.Errorf("page without favourites or feeds holds %q", bad)
		}
	}
	if !strings.Contains(out, "<title>QCon New York 2019</title>") {
		t.Error("the title is not the conference name")
	}
	if out := render(t, s, Options{Title: "  Programme  "}); !strings.Contains(out, "<title>Programme</title>") || !strings.Contains(out, "<h1>Programme</h1>") {
		t.Error("Options.Title is not the title")
	}
}

// TestBadURLs: a feed or schedule.xml URL that is not absolute http(s) is
// an error, not a dead or dangerous link.
func TestBadURLs(t *testing.T) {
	s := load(t, "../../testdata/qcon-ny-2019.yaml")
	for _, opt := range []Options{
		{XMLURL: "schedule.xml"},
		{XMLURL: "javascript:alert(1)"},
		{Feeds: []Feed{{Name: "x", URL: "ftp://example.org/x.ics"}}},
	} {
		if err := Write(&bytes.Buffer{}, s, s.Sessions, opt); err == nil {
			t.Errorf("%+v: no error", opt)
		}
	}
}

// place is what TestLayout compares of a box: its day, grid column, lane,
// rows and whether it spans the rooms.
type place struct {
	Title        string
	Day          string
	Col, R0, R1  int
	Span         bool
	Start, End   string
	Unscheduled  bool
	DayCols      int
	DayRows      int
	DayUnit      int
	RoomHeadings string
}

func places(p *page) []place {
	var out []place
	for _, d := range p.Days {
		var heads []string
		for _, r := range d.Rooms {
			heads = append(heads, r.Name)
		}
		for _, r := range d.Rooms {
			for _, b := range r.Sessions {
				out = append(out, place{Title: b.Title, Day: d.Date, Col: b.Col, R0: b.R0, R1: b.R1, Span: b.Span,
					Start: b.Start, End: b.End, DayCols: d.Cols, DayRows: d.Rows, DayUnit: d.Unit, RoomHeadings: strings.Join(heads, "|")})
			}
		}
	}
	for _, b := range p.Unscheduled {
		out = append(out, place{Title: b.Title, Unscheduled: true})
	}
	return out
}

// TestLayout places sessions on the grid: rows of the days' common minutes,
// rooms as columns in file order, lanes for sessions overlapping in one
// room, sessions without a room across the rooms unless they overlap
// one, days shifted by day_change, long sessions cut at 24 hours.
func TestLayout(t *testing.T) {
	berlin, _ := time.LoadLocation("Europe/Berlin")
	at := func(day, hh, mm int) time.Time { return time.Date(2026, 3, day, hh, mm, 0, 0, berlin) }
	type sess struct {
		title, room, typ string
		from, to         time.Time
	}
	tests := []struct {
		name      string
		dayChange string
		rooms     []string // the rooms: registry
		days      []schedule.Day
		sessions  []sess
		want      []place
	}{
		{
			name: "parallel rooms",
			sessions: []sess{
				{"A", "Hall", "", at(28, 10, 0), at(28, 10, 50)},
				{"B", "Lab", "", at(28, 10, 0), at(28, 10, 25)},
				{"C", "Hall", "", at(28, 11, 0), at(28, 11, 30)},
			},
			want: []place{
				{Title: "A", Day: "2026-03-28", Col: 2, R0: 2, R1: 12, Start: "10:00", End: "10:50", DayCols: 2, DayRows: 18, DayUnit: 5, RoomHeadings: "Hall|Lab"},
				{Title: "C", Day: "2026-03-28", Col: 2, R0: 14, R1: 20, Start: "11:00", End: "11:30", DayCols: 2, DayRows: 18, DayUnit: 5, RoomHeadings: "Hall|Lab"},
				{Title: "B", Day: "2026-03-28", Col: 3, R0: 2, R1: 7, Start: "10:00", End: "10:25", DayCols: 2, DayRows: 18, DayUnit: 5, RoomHeadings: "Hall|Lab"},
			},
		},
		{
			name: "overlap in one room: lanes",
			sessions: []sess{
				{"A", "Hall", "", at(28, 9, 0), at(28, 11, 0)},
				{"B", "Hall", "", at(28, 10, 0), at(28, 12, 0)},
				{"C", "Lab", "", at(28, 9, 0), at(28, 10, 0)},
			},
			want: []place{
				{Title: "A", Day: "2026-03-28", Col: 2, R0: 2, R1: 4, Start: "09:00", End: "11:00", DayCols: 3, DayRows: 3, DayUnit: 60, RoomHeadings: "Hall|Lab"},
				{Title: "B", Day: "2026-03-28", Col: 3, R0: 3, R1: 5, Start: "10:00", End: "12:00", DayCols: 3, DayRows: 3, DayUnit: 60, RoomHeadings: "Hall|Lab"},
				{Title: "C", Day: "2026-03-28", Col: 4, R0: 2, R1: 3, Start: "09:00", End: "10:00", DayCols: 3, DayRows: 3, DayUnit: 60, RoomHeadings: "Hall|Lab"},
			},
		},
		{
			name: "a break without a room spans the rooms",
			sessions: []sess{
				{"Talk", "Hall", "", at(28, 9, 0), at(28, 10, 0)},
				{"Talk 2", "Lab", "", at(28, 9, 0), at(28, 10, 0)},
				{"Lunch", "", "break", at(28, 10, 0), at(28, 11, 0)},
			},
			want: []place{
				{Title: "Lunch", Day: "2026-03-28", Col: 2, R0: 3, R1: 4, Span: true, Start: "10:00", End: "11:00", DayCols: 2, DayRows: 2, DayUnit: 60, RoomHeadings: "All rooms|Hall|Lab"},
				{Title: "Talk", Day: "2026-03-28", Col: 2, R0: 2, R1: 3, Start: "09:00", End: "10:00", DayCols: 2, DayRows: 2, DayUnit: 60, RoomHeadings: "All rooms|Hall|Lab"},
				{Title: "Talk 2", Day: "2026-03-28", Col: 3, R0: 2, R1: 3, Start: "09:00", End: "10:00", DayCols: 2, DayRows: 2, DayUnit: 60, RoomHeadings: "All rooms|Hall|Lab"},
			},
		},
		{
			name: "a break without a room during a talk gets a column",
			sessions: []sess{
				{"Talk", "Hall", "", at(28, 9, 0), at(28, 10, 30)},
				{"Lunch", "", "break", at(28, 10, 0), at(28, 11, 0)},
			},
			want: []place{
				{Title: "Lunch", Day: "2026-03-28", Col: 2, R0: 4, R1: 6, Start: "10:00", End: "11:00", DayCols: 2, DayRows: 4, DayUnit: 30, RoomHeadings: "All rooms|Hall"},
				{Title: "Talk", Day: "2026-03-28", Col: 3, R0: 2, R1: 5, Start: "09:00", End: "10:30", DayCols: 2, DayRows: 4, DayUnit: 30, RoomHeadings: "All rooms|Hall"},
			},
		},
		{
			name:      "day_change 04:00: a session at 01:00 belongs to the day before; past midnight stays on its day",
			dayChange: "04:00",
			sessions: []sess{
				{"Party", "Club", "", at(28, 22, 0), at(29, 1, 0)},
				{"Late", "Club", "", at(29, 1, 0), at(29, 2, 0)},
				{"Morning", "Club", "", at(29, 10, 0), at(29, 10, 20)},
			},
			want: []place{
				// 29 March 2026 is the change to summer time in Berlin: 02:00
				// does not exist, so the night has one hour less.
				{Title: "Party", Day: "2026-03-28", Col: 2, R0: 2, R1: 5, Start: "22:00", End: "01:00 (+1 day)", DayCols: 1, DayRows: 4, DayUnit: 60, RoomHeadings: "Club"},
				{Title: "Late", Day: "2026-03-28", Col: 2, R0: 5, R1: 6, Start: "01:00", End: "03:00", DayCols: 1, DayRows: 4, DayUnit: 60, RoomHeadings: "Club"},
				{Title: "Morning", Day: "2026-03-29", Col: 2, R0: 2, R1: 3, Start: "10:00", End: "10:20", DayCols: 1, DayRows: 1, DayUnit: 20, RoomHeadings: "Club"},
			},
		},
		{
			name: "the source's days: a set at 02:00 on a day running 11:00 to 06:00 is on that day, without a day_change",
			days: []schedule.Day{{Date: schedule.Date{Year: 2026, Month: 3, Day: 27}, Start: at(27, 11, 0), End: at(28, 6, 0)}},
			sessions: []sess{
				{"Opening", "Club", "", at(27, 23, 0), at(28, 0, 0)},
				{"DJ set", "Club", "", at(28, 2, 0), at(28, 3, 0)},
			},
			want: []place{
				{Title: "Opening", Day: "2026-03-27", Col: 2, R0: 2, R1: 3, Start: "23:00", End: "00:00 (+1 day)", DayCols: 1, DayRows: 4, DayUnit: 60, RoomHeadings: "Club"},
				{Title: "DJ set", Day: "2026-03-27", Col: 2, R0: 5, R1: 6, Start: "02:00", End: "03:00", DayCols: 1, DayRows: 4, DayUnit: 60, RoomHeadings: "Club"},
			},
		},
		{
			name:  "rooms in the registry's order, not the file's; a room outside it after them",
			rooms: []string{"Lab", "Hall"},
			sessions: []sess{
				{"A", "Hall", "", at(28, 10, 0), at(28, 11, 0)},
				{"B", "Foyer", "", at(28, 10, 0), at(28, 11, 0)},
				{"C", "Lab", "", at(28, 10, 0), at(28, 11, 0)},
			},
			want: []place{
				{Title: "C", Day: "2026-03-28", Col: 2, R0: 2, R1: 3, Start: "10:00", End: "11:00", DayCols: 3, DayRows: 1, DayUnit: 60, RoomHeadings: "Lab|Hall|Foyer"},
				{Title: "A", Day: "2026-03-28", Col: 3, R0: 2, R1: 3, Start: "10:00", End: "11:00", DayCols: 3, DayRows: 1, DayUnit: 60, RoomHeadings: "Lab|Hall|Foyer"},
				{Title: "B", Day: "2026-03-28", Col: 4, R0: 2, R1: 3, Start: "10:00", End: "11:00", DayCols: 3, DayRows: 1, DayUnit: 60, RoomHeadings: "Lab|Hall|Foyer"},
			},
		},
		{
			name: "a session of three days is cut at 24 hours; an untimed one is listed apart",
			sessions: []sess{
				{"Hackathon", "Lab", "", at(28, 12, 0), at(31, 12, 0)},
				{"Short", "Hall", "", at(28, 12, 0), at(28, 13, 0)},
				{"Sometime", "Hall", "", time.Time{}, time.Time{}},
			},
			want: []place{
				{Title: "Hackathon", Day: "2026-03-28", Col: 2, R0: 2, R1: 26, Start: "12:00", End: "12:00 (+3 days)", DayCols: 2, DayRows: 24, DayUnit: 60, RoomHeadings: "Lab|Hall"},
				{Title: "Short", Day: "2026-03-28", Col: 3, R0: 2, R1: 3, Start: "12:00", End: "13:00", DayCols: 2, DayRows: 24, DayUnit: 60, RoomHeadings: "Lab|Hall"},
				{Title: "Sometime", Unscheduled: true},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := &schedule.Schedule{Conference: schedule.Conference{Name: "T", ID: "t", DayChange: tt.dayChange, Days: tt.days}, Location: berlin}
			for _, r := range tt.rooms {
				s.Rooms = append(s.Rooms, schedule.Room{Name: r})
			}
			for i, x := range tt.sessions {
				s.AddSession(nil, &schedule.Session{ID: string(rune('a' + i)), Title: x.title, Room: x.room, Type: x.typ, Start: x.from, End: x.to})
			}
			p, err := build(s, s.Sessions, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, places(p)); diff != "" {
				t.Errorf("layout (-want +got):\n%s", diff)
			}
		})
	}
}

// TestZoneText names the zone with the offsets the sessions have.
func TestZoneText(t *testing.T) {
	for _, tt := range []struct{ file, want string }{
		{"../../testdata/qcon-ny-2019.yaml", "America/New_York (EDT, UTC−04:00)"},
		{"../../testdata/ics/dst-berlin-2024.yaml", "Europe/Berlin (CET, UTC+01:00; CEST, UTC+02:00)"},
	} {
		s := load(t, tt.file)
		p, err := build(s, s.Sessions, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if p.Zone != tt.want {
			t.Errorf("%s: zone %q, want %q", tt.file, p.Zone, tt.want)
		}
	}
}

func TestText(t *testing.T) {
	for _, tt := range []struct{ in, line, text string }{
		{"a\x00b\x1bc\u0085d", "abcd", "abcd"},
		{"one\r\ntwo\rthree\u2028four", "one two three four", "one\ntwo\nthree\nfour"},
		{"  tab\there  ", "tab here", "  tab\there  "},
	} {
		if got := oneLine(tt.in); got != tt.line {
			t.Errorf("oneLine(%q) = %q, want %q", tt.in, got, tt.line)
		}
		if got := text(tt.in); got != tt.text {
			t.Errorf("text(%q) = %q, want %q", tt.in, got, tt.text)
		}
	}
}

// FuzzWrite: any texts and times render without error, escaped (the page
// has as many '<' and '>' as with plain texts: no text opens or closes a
// tag, in the markup or the data island), one box per session, and on the
// grid every box within its day's rows and columns, no two sharing a cell.
func FuzzWrite(f *testing.F) {
	f.Add("<script>alert(1)</script>", `"><img src=x onerror=alert(1)>`, "</script><!--", 0, 50, 30, 45, 10, -20, true)
	f.Add("", "", "", 0, 0, 0, 0, 0, 0, false)
	f.Add("a\x00b\u2028c", "R", "{{.}}", 1430, 120, 1430, 3000, -60, 5, true)
	f.Fuzz(func(t *testing.T, title, room, abstract string, s1, d1, s2, d2, s3, d3 int, roomless bool) {
		loc, _ := time.LoadLocation("Europe/Berlin")
		base := time.Date(2024, 10, 26, 8, 0, 0, 0, loc) // the night before the change to winter time
		at := func(min int) time.Time { return base.Add(time.Duration(min%5000) * time.Minute) }
		sched := func(title, room, abstract string) *schedule.Schedule {
			tr := &schedule.Track{ID: "t", Name: "x" + title}
			s := &schedule.Schedule{Conference: schedule.Conference{Name: "x" + title, ID: "c"}, Location: loc, Tracks: []*schedule.Track{tr}}
			r3 := "x" + room
			if roomless {
				r3 = ""
			}
			for i, x := range []struct {
				room       string
				start, dur int
			}{{"x" + room, s1, d1}, {"Other", s2, d2}, {r3, s3, d3}} {
				s.AddSession(tr, &schedule.Session{
					ID: string(rune('a' + i)), Title: "x" + title, Room: x.room, Abstract: "x" + abstract,
					Speakers: []schedule.Person{{Name: "x" + title, Affiliation: "x" + room}}, Tags: []string{"x" + abstract},
					Language: "x" + room, Start: at(x.start), End: at(x.start + x.dur%3000),
				})
			}
			return s
		}
		events := func(s *schedule.Schedule) Options {
			return Options{Version: "fuzz", Event: func(x *schedule.Session) (Event, bool) {
				return Event{UID: x.ID + "@fuzz", Start: x.Start, End: x.End, Summary: x.Title, Location: x.Room, Description: x.Abstract}, true
			}}
		}
		s := sched(title, room, abstract)
		out := render(t, s, events(s))
		plain := sched("", "", "")
		ref := render(t, plain, events(plain))
		for _, c := range []string{"<", ">"} {
			if got, want := strings.Count(out, c), strings.Count(ref, c); got != want {
				t.Fatalf("%d %q in the page, %d with plain texts: a text became markup", got, c, want)
			}
		}
		if n := strings.Count(out, "<article "); n != 3 {
			t.Fatalf("%d boxes, want 3", n)
		}
		p, err := build(s, s.Sessions, Options{})
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range p.Days {
			var bs []*box
			for _, r := range d.Rooms {
				bs = append(bs, r.Sessions...)
			}
			for i, a := range bs {
				if a.R0 < 2 || a.R1 > d.Rows+2 || a.R0 >= a.R1 || a.Col < 2 || a.Col > d.Cols+1 {
					t.Fatalf("%s: box %s at rows [%d,%d) column %d outside %d rows, %d columns", d.Date, a.ID, a.R0, a.R1, a.Col, d.Rows, d.Cols)
				}
				for _, b := range bs[i+1:] {
					sameCol := a.Col == b.Col || a.Span || b.Span
					if sameCol && a.R0 < b.R1 && b.R0 < a.R1 {
						t.Fatalf("%s: boxes %s [%d,%d) and %s [%d,%d) share column %d", d.Date, a.ID, a.R0, a.R1, b.ID, b.R0, b.R1, a.Col)
					}
				}
			}
		}
	})
}
