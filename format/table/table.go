// Package table renders a schedule as tables for people: a text
// table for terminals and print, or a GitHub Flavored Markdown table (GFM
// 0.29, "Tables" extension) for wikis and READMEs. It draws with
// github.com/olekukonko/tablewriter (v1 API).
//
// # Views
//
// List (the default): one table per track and day, in track order then
// date order, with the columns Time, Title, Speakers, Room; a cancelled or
// tentative session has " [cancelled]" or " [tentative]" after its title.
// A session that ends on another day than it starts has the end's day
// offset after its time ("23:00-01:00 +1d", "10:00-12:00 +2d"); one that
// ends at midnight ends at "24:00".
//
// Grid: one table per day, like a printed program. Rows are time slots —
// the intervals between consecutive start and end times of that day's
// sessions, leaving out intervals in which nothing runs — and columns are
// rooms (or tracks, Options.Columns). Every day has the same columns in
// the same order, a room without sessions that day keeping its place:
// rooms in the order of the room registry, then of first appearance in
// the file (schedule.Schedule.RoomOrder), tracks in the file's order; only
// rooms of the sessions shown are columns. A session
// fills every slot it overlaps: its title and speakers in the first, and
// Continued in the others; a session of no duration shows in the slot it
// starts. A session running past midnight shows on every day it runs, so
// its room never looks free: on its first day its title is followed by
// "(until 12:00 +2d)" (the end, with its day offset), and on each later day
// it fills the slots from 00:00, the first with Continued before its title
// (and "(until …)" again if it goes on). A slot that ends at midnight ends
// at "24:00".
//
// A grid too wide for Options.Width, its room columns GridMinColumn cells
// wide (or narrower where everything in them is), is split by rooms into
// the fewest grids that fit, the rooms in order and shared out evenly,
// into the same groups every day: each is a complete grid, the time
// column and its own slots, titled "Saturday 2025-02-01 (2 of 6)"; one
// whose rooms have nothing that day has a header and a note. Markdown
// grids are split as the text would be.
//
// Days are local dates in the conference zone: of the session start (list),
// of every day a session runs on (grid); frab's day_change is not applied
// (--day, schedule.Filter, selects by conference day, so a night session
// selected with the day before is shown under its own date).
// Sessions without resolved times are listed in a last "unscheduled" table
// (list) or left out with a note (grid).
//
// # Text
//
// Titles, names and rooms are written on one line each: runs of white space
// (newlines included) become one space, control characters and bidi
// controls are shown escaped (\x1b, \u202e) and other format characters
// dropped, so nothing in a title can move the cursor, colour a terminal or
// reorder what is shown. Columns
// are sized to fit Options.Width display cells (East Asian wide characters
// count two, ambiguous-width ones one, whatever the locale, so that the
// output is the same everywhere); long titles, speaker lists and rooms are
// word-wrapped onto several lines of the cell, and a word longer than its
// column is broken. To fit, columns give up width in steps: titles,
// speakers and rooms down to 8 cells, then the time wraps at its spaces,
// then titles, speakers and rooms down to 4 cells, headers wrapping too
// (the grid's room columns stop at GridMinColumn: the grid is split
// instead). So both views fit every Width from MinWidth on. Borders are
// ASCII (+-|) unless Options.Unicode is set.
//
// # Markdown
//
// Each table has a heading ("## Track, Tuesday 2019-06-25") and one table
// row per session (list) or slot (grid). tablewriter neither escapes cells
// nor keeps them on one line, so this package does: every cell is one line,
// and the characters \ ` * _ [ ] < | ~ # are backslash-escaped, as is & when
// it could start an entity, so cell text renders literally (a pipe never
// splits a cell; no HTML, links or emphasis come from the data). Markdown
// tables are not wrapped: Width only decides how a grid is split.
package table

import (
	"bufio"
	"bytes"
	"cmp"
	"fmt"
	"github.com/schedkit/schedkit/internal/visible"
	"io"
	"math"
	"reflect"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode"

	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/pkg/twcache"
	"github.com/olekukonko/tablewriter/pkg/twwidth"
	"github.com/olekukonko/tablewriter/renderer"
	"github.com/olekukonko/tablewriter/tw"
	"github.com/schedkit/schedkit/schedule"
)

// Views, formats and grid column kinds.
const (
	ViewList = "list"
	ViewGrid = "grid"

	FormatText     = "text"
	FormatMarkdown = "markdown"

	ColumnsRoom  = "room"
	ColumnsTrack = "track"
)

// DefaultWidth is the text width when Options.Width is 0.
const DefaultWidth = 100

// MinWidth is the smallest Options.Width accepted. Both views fit it
// whatever the data: the grid then has one room (or track) to a grid.
const MinWidth = 40

// Continued fills the grid slots after the first of a session.
const Continued = "(continued)"

// Options control the output. The zero value is a list view as ASCII text,
// DefaultWidth wide.
type Options struct {
	View    string // ViewList ("" means the same) or ViewGrid
	Format  string // FormatText ("" means the same) or FormatMarkdown
	Width   int    // text width in display cells (Markdown: splits grids only); 0 means DefaultWidth
	Unicode bool   // text: box-drawing borders instead of ASCII
	Columns string // grid columns: ColumnsRoom ("" means the same) or ColumnsTrack
}

func (o *Options) check() error {
	o.View = cmp.Or(o.View, ViewList)
	o.Format = cmp.Or(o.Format, FormatText)
	o.Columns = cmp.Or(o.Columns, ColumnsRoom)
	o.Width = cmp.Or(o.Width, DefaultWidth)
	switch {
	case o.View != ViewList && o.View != ViewGrid:
		return fmt.Errorf("view %q: use list or grid", o.View)
	case o.Format != FormatText && o.Format != FormatMarkdown:
		return fmt.Errorf("format %q: use text or markdown", o.Format)
	case o.Columns != ColumnsRoom && o.Columns != ColumnsTrack:
		return fmt.Errorf("columns %q: use room or track", o.Columns)
	case o.Width < MinWidth:
		return fmt.Errorf("width %d: at least %d", o.Width, MinWidth)
	}
	return nil
}

var narrow sync.Once

// Write renders sessions (sorted by start, as schedule.Filter.Select
// returns them) of s to w. Output is built in memory and written at once.
func Write(w io.Writer, s *schedule.Schedule, sessions []*schedule.Session, opt Options) error {
	if err := opt.check(); err != nil {
		return err
	}
	// tablewriter guesses East Asian widths from the locale; pin them so the
	// output does not depend on LANG.
	narrow.Do(func() { twwidth.SetOptions(twwidth.Options{}) })
	loc := s.Loc()
	var tables []table
	if opt.View == ViewGrid {
		tables = gridTables(s, sessions, opt)
	} else {
		tables = listTables(loc, sessions)
	}
	// One tablewriter.Table for all tables, Reset between them, with a
	// small stringer cache (cells are strings; no stringer is used): NewTable
	// and Reset allocate a 10,240-entry cache, which for the thousand tables
	// of 100,000 sessions was 1.3 s of 9 s.
	tbl := newTable(opt)
	bw := bufio.NewWriterSize(w, 64<<10)
	var b strings.Builder
	for i, t := range tables {
		b.Reset()
		if i > 0 {
			b.WriteString("\n")
		}
		if err := t.render(&b, tbl, opt); err != nil {
			return err
		}
		if _, err := bw.WriteString(b.String()); err != nil {
			return err
		}
	}
	return bw.Flush()
}

// tableWriter is the tablewriter.Table of one Write and the buffer it
// renders into.
type tableWriter struct {
	*tablewriter.Table
	buf *bytes.Buffer
}

// newTable returns the table that draws every table of a Write in the
// format of opt: headers keep their case, cells are left-aligned, and
// tablewriter never wraps (cells come wrapped or escaped).
func newTable(opt Options) tableWriter {
	cfg := tablewriter.Config{
		Header: tw.CellConfig{
			Formatting: tw.CellFormatting{AutoFormat: tw.Off},
			Alignment:  tw.CellAlignment{Global: tw.AlignLeft},
		},
		Row: tw.CellConfig{Alignment: tw.CellAlignment{Global: tw.AlignLeft}},
	}
	opts := []tablewriter.Option{
		tablewriter.WithConfig(cfg),
		tablewriter.WithRowAutoWrap(tw.WrapNone),
		tablewriter.WithHeaderAutoWrap(tw.WrapNone),
		tablewriter.WithStringerCacheCustom(twcache.NewLRU[reflect.Type, reflect.Value](16)),
	}
	if opt.Format == FormatMarkdown {
		opts = append(opts, tablewriter.WithRenderer(renderer.NewMarkdown()))
	} else {
		style := tw.StyleASCII
		if opt.Unicode {
			style = tw.StyleLight
		}
		opts = append(opts,
			tablewriter.WithRenderer(renderer.NewBlueprint(tw.Rendition{Symbols: tw.NewSymbols(style)})),
			tablewriter.WithTrimSpace(tw.Off))
	}
	buf := new(bytes.Buffer)
	return tableWriter{tablewriter.NewTable(buf, opts...), buf}
}

// table is one titled table: cells are plain text (cleaned, one line);
// rendering wraps (text) or escapes (Markdown) them.
type table struct {
	title  string
	header []string
	// fixed are columns that keep their natural width (the time column);
	// the others share what is left.
	fixed map[int]bool
	// weights share the remaining width among the flexible columns.
	weights map[int]int
	// floor, when not 0, is the narrowest a flexible column gets (unless
	// its content is narrower): GridMinColumn in a grid.
	floor int
	rows  [][]string
	note  string
}

func (t table) render(b *strings.Builder, tbl tableWriter, opt Options) error {
	if opt.Format == FormatMarkdown {
		return t.renderMarkdown(b, tbl)
	}
	return t.renderText(b, tbl, opt)
}

func (t table) renderText(b *strings.Builder, tbl tableWriter, opt Options) error {
	for _, line := range wrap(t.title, opt.Width) {
		b.WriteString(line)
		b.WriteString("\n")
	}
	if len(t.header) > 0 {
		widths := t.widths(opt.Width)
		err := t.draw(b, tbl,
			func(j int, c string) string { return strings.Join(wrap(c, widths[j]), "\n") })
		if err != nil {
			return err
		}
	}
	for _, line := range wrap(t.note, opt.Width) {
		if line != "" {
			b.WriteString(line)
			b.WriteString("\n")
		}
	}
	return nil
}

func (t table) renderMarkdown(b *strings.Builder, tbl tableWriter) error {
	b.WriteString("## ")
	b.WriteString(escapeMarkdown(t.title))
	b.WriteString("\n\n")
	if len(t.header) > 0 {
		err := t.draw(b, tbl, func(_ int, c string) string { return escapeMarkdown(c) })
		if err != nil {
			return err
		}
	}
	if t.note != "" {
		if len(t.header) > 0 {
			b.WriteString("\n")
		}
		b.WriteString(escapeMarkdown(t.note))
		b.WriteString("\n")
	}
	return nil
}

// draw renders the header and rows with tbl into b, each cell (of column
// j) turned into what the renderer should print by cell: wrapped lines for
// text, escaped text for Markdown.
func (t table) draw(b *strings.Builder, tbl tableWriter, cell func(j int, c string) string) error {
	rows := make([][]string, len(t.rows))
	for i, row := range t.rows {
		rows[i] = make([]string, len(row))
		for j, c := range row {
			rows[i][j] = cell(j, c)
		}
	}
	header := make([]any, len(t.header))
	for j, h := range t.header {
		header[j] = cell(j, h)
	}
	tbl.Reset()
	tbl.buf.Reset()
	tbl.Header(header...)
	if err := tbl.Bulk(rows); err != nil {
		return fmt.Errorf("table: %w", err)
	}
	if err := tbl.Render(); err != nil {
		return fmt.Errorf("table: %w", err)
	}
	b.Write(tbl.buf.Bytes())
	return nil
}

// floorWidth is the narrowest a flexible column gets (or its natural width
// when that is less): at 4 cells every table of the list view fits
// MinWidth.
const floorWidth = 4

// widths sizes the columns to fit total display cells, giving up space in
// steps until the table fits (limits): first the flexible columns shrink
// from their natural width, the widest (relative to its weight) first,
// down to 8 cells (or their header's width, when wider); then the fixed
// columns (the time) wrap at their spaces, down to their longest word;
// then the flexible columns shrink further, down to floorWidth, their
// headers wrapping too. A grid's room columns stop at GridMinColumn
// instead: gridTables has split the grid so that they fit.
func (t table) widths(total int) []int {
	natural, soft, hard := t.limits()
	n := len(natural)
	avail := total - borders(n)
	w := slices.Clone(natural)
	shrink := func(fixed bool, minimum []int) {
		for sum(w) > avail {
			best := -1
			for j := range w {
				if t.fixed[j] != fixed || w[j] <= minimum[j] {
					continue
				}
				if best < 0 || w[j]*weightOf(t.weights, best) > w[best]*weightOf(t.weights, j) {
					best = j
				}
			}
			if best < 0 {
				return
			}
			w[best]--
		}
	}
	shrink(false, soft)
	shrink(true, hard)
	shrink(false, hard) // if still too wide, the table overflows
	return w
}

// borders is the width of the borders and padding of n columns:
// | c | c | c |, 3 cells per column plus the last border.
func borders(n int) int { return 3*n + 1 }

// limits are the widths widths works with, per column: natural, the
// widest cell or header; soft, how far the first step shrinks it; hard,
// how far it shrinks at most. A fixed column (the time) wraps at its
// spaces: soft is natural, hard its longest word. A flexible one shrinks
// to 8 cells or its header's width, then to floorWidth; in a grid
// (t.floor set) to t.floor at once, and no further.
func (t table) limits() (natural, soft, hard []int) {
	n := len(t.header)
	natural = make([]int, n)
	word := make([]int, n) // the longest word of the column
	for j, h := range t.header {
		natural[j] = max(1, twwidth.Width(h))
		word[j] = longestWord(h)
	}
	for _, r := range t.rows {
		for j, c := range r {
			natural[j] = max(natural[j], twwidth.Width(c))
			word[j] = max(word[j], longestWord(c))
		}
	}
	soft = make([]int, n)
	hard = make([]int, n)
	for j := range n {
		switch {
		case t.fixed[j]:
			soft[j], hard[j] = natural[j], max(1, word[j])
		case t.floor > 0:
			soft[j] = min(natural[j], t.floor)
			hard[j] = soft[j]
		default:
			soft[j] = min(natural[j], max(8, twwidth.Width(t.header[j])))
			hard[j] = min(natural[j], floorWidth)
		}
	}
	return natural, soft, hard
}

// longestWord is the display width of the widest space-separated word of s.
func longestWord(s string) int {
	n := 0
	for _, f := range strings.Split(s, " ") {
		n = max(n, twwidth.Width(f))
	}
	return n
}

func weightOf(m map[int]int, j int) int {
	if v, ok := m[j]; ok {
		return v
	}
	return 1
}

func sum(xs []int) int {
	s := 0
	for _, x := range xs {
		s += x
	}
	return s
}

// wrap breaks s into lines of at most width display cells at spaces, and
// inside words longer than width.
func wrap(s string, width int) []string {
	if s == "" {
		return []string{""}
	}
	var lines []string
	var line strings.Builder
	lw := 0
	flush := func() {
		lines = append(lines, line.String())
		line.Reset()
		lw = 0
	}
	for _, word := range strings.Split(s, " ") {
		ww := twwidth.Width(word)
		if lw > 0 && lw+1+ww <= width {
			line.WriteByte(' ')
			line.WriteString(word)
			lw += 1 + ww
			continue
		}
		if lw > 0 {
			flush()
		}
		for ww > width {
			// Break the word at the last rune that fits.
			cut, cw := 0, 0
			for i, r := range word {
				rw := twwidth.Width(string(r))
				if cw+rw > width && i > 0 {
					break
				}
				cut, cw = i+len(string(r)), cw+rw
			}
			lines = append(lines, word[:cut])
			word = word[cut:]
			// What is left is ww less the width cut: measuring the rest
			// again after each cut made a 640 KB word take 11 s.
			ww -= cw
		}
		ww = twwidth.Width(word)
		line.WriteString(word)
		lw = ww
	}
	flush()
	return lines
}

// clean puts s on one line: white-space runs (line breaks and separators
// included) become one space, other control characters (ESC, …) and the
// bidi controls are shown escaped (\x1b, \u202e: visible.Escape), other
// format characters (soft hyphens, …) are dropped, ends trimmed.
func clean(s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		switch {
		case unicode.IsSpace(r):
			space = true
		case !visible.Unsafe(r) && (unicode.IsControl(r) || unicode.Is(unicode.Cf, r)):
		default:
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			if visible.Unsafe(r) {
				b.WriteString(visible.Escape(string(r)))
			} else {
				b.WriteRune(r)
			}
		}
	}
	return b.String()
}

// escapeMarkdown backslash-escapes what CommonMark/GFM would read as markup
// in a table cell or heading. Input is already clean (one line).
func escapeMarkdown(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch c {
		case '\\', '`', '*', '_', '[', ']', '<', '|', '~', '#':
			b.WriteByte('\\')
		case '&':
			if i+1 < len(s) && (isAlnum(s[i+1]) || s[i+1] == '#') {
				b.WriteByte('\\')
			}
		}
		b.WriteByte(c)
	}
	return b.String()
}

func isAlnum(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// -- views --

func dayTitle(t time.Time) string { return t.Format("Monday 2006-01-02") }

func clock(t time.Time) string { return t.Format("15:04") }

// midnight is the start of t's local day (in t's location).
func midnight(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, t.Location())
}

// nextMidnight is the start of the local day after t's.
func nextMidnight(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d+1, 0, 0, 0, 0, t.Location())
}

// dayOffset is " +Nd" when b falls N calendar days after a (" -Nd" before
// it), in their locations, and "" on the same day.
func dayOffset(a, b time.Time) string {
	ya, ma, da := a.Date()
	yb, mb, db := b.Date()
	n := int(time.Date(yb, mb, db, 0, 0, 0, 0, time.UTC).Sub(time.Date(ya, ma, da, 0, 0, 0, 0, time.UTC)) / (24 * time.Hour))
	if n == 0 {
		return ""
	}
	return fmt.Sprintf(" %+dd", n)
}

// until is the end b of something that starts at a: its clock time, with
// its day offset when b is not on a's day ("12:00", "01:00 +1d"). An end
// at a midnight after a is "24:00" of the day before: "24:00", "24:00 +1d".
func until(a, b time.Time) string {
	if b.After(a) && b.Equal(midnight(b)) {
		return "24:00" + dayOffset(a, b.Add(-time.Nanosecond))
	}
	return clock(b) + dayOffset(a, b)
}

// span is the time from a to b: "10:00-12:00", "23:00-01:00 +1d",
// "22:00-24:00", "10:00-12:00 +2d".
func span(a, b time.Time) string { return clock(a) + "-" + until(a, b) }

func titleOf(ss *schedule.Session) string {
	t := clean(ss.Title)
	if ss.Status == schedule.StatusCancelled || ss.Status == schedule.StatusTentative {
		t += " [" + ss.Status + "]"
	}
	return t
}

func speakersOf(ss *schedule.Session) string {
	names := make([]string, 0, len(ss.Speakers))
	for _, p := range ss.Speakers {
		names = append(names, clean(p.Name))
	}
	return strings.Join(names, ", ")
}

func trackTitle(t *schedule.Track) string {
	if t == nil {
		return schedule.NoTrackName
	}
	return cmp.Or(clean(t.Name), clean(t.ID))
}

// listTables is the list view: per track (in order of first appearance)
// and day, sessions in the order given.
func listTables(loc *time.Location, sessions []*schedule.Session) []table {
	type key struct {
		track *schedule.Track
		day   string
	}
	var order []*schedule.Track
	seen := map[*schedule.Track]bool{}
	groups := map[key][]*schedule.Session{}
	var days = map[*schedule.Track][]string{}
	for _, ss := range sessions {
		if !seen[ss.Track] {
			seen[ss.Track] = true
			order = append(order, ss.Track)
		}
		day := ""
		if ss.Timed() {
			day = ss.Start.In(loc).Format(time.DateOnly)
		}
		k := key{ss.Track, day}
		if _, ok := groups[k]; !ok {
			days[ss.Track] = append(days[ss.Track], day)
		}
		groups[k] = append(groups[k], ss)
	}
	var out []table
	for _, tr := range order {
		for _, day := range days[tr] {
			ss := groups[key{tr, day}]
			t := table{
				header:  []string{"Time", "Title", "Speakers", "Room"},
				fixed:   map[int]bool{0: true},
				weights: map[int]int{1: 5, 2: 3, 3: 2},
			}
			if day == "" {
				t.title = trackTitle(tr) + ", unscheduled"
			} else {
				t.title = trackTitle(tr) + ", " + dayTitle(ss[0].Start.In(loc))
			}
			for _, s := range ss {
				when := "--"
				if s.Timed() {
					when = span(s.Start.In(loc), s.End.In(loc))
				}
				t.rows = append(t.rows, []string{when, titleOf(s), speakersOf(s), clean(s.Room)})
			}
			out = append(out, t)
		}
	}
	return out
}

// piece is the part of a session that falls on one day of the grid: all
// of it, or, for a session running past midnight, the part up to midnight
// on its first day and from midnight on the following days.
type piece struct {
	s        *schedule.Session
	day      time.Time // local midnight of the piece's day
	from, to time.Time // the part of the session on that day
}

// maxGridDays bounds the days one session is drawn on in the grid: a
// session of years (a typo, exported with --force; duration-max reports
// it) shows its end on its first day, "(until … +3650d)", and continues on
// this many days at most instead of filling thousands of grids.
const maxGridDays = 31

// pieces cuts the timed session ss at local midnights. A session that ends
// at or before midnight (or before it starts, with --force) is one piece;
// one is cut into maxGridDays pieces at most.
func pieces(loc *time.Location, ss *schedule.Session) []piece {
	start, end := ss.Start.In(loc), ss.End.In(loc)
	out := []piece{{s: ss, day: midnight(start), from: start, to: end}}
	for len(out) < maxGridDays {
		last := &out[len(out)-1]
		next := nextMidnight(last.day)
		if !end.After(next) {
			return out
		}
		last.to = next
		out = append(out, piece{s: ss, day: next, from: next, to: end})
	}
	if last := &out[len(out)-1]; end.After(nextMidnight(last.day)) {
		last.to = nextMidnight(last.day) // cut off at maxGridDays
	}
	return out
}

// GridMinColumn is the narrowest a room (or track) column of a text grid
// gets, unless everything in it is narrower: at 14 display cells titles
// wrap between words (in FOSDEM 2025's titles one word in a hundred is
// longer). A grid that does not fit Options.Width with its columns that
// narrow is split by rooms into several grids (gridTables).
const GridMinColumn = 14

// gridColumn is a room (or track) column of the grid: key identifies it
// (a room's NameKey, a track's id), name is its header.
type gridColumn struct{ key, name string }

// gridTables is the grid view: per day, slots × rooms (or tracks). A
// session running past midnight shows on every day it runs.
//
// Every day has the same columns in the same order (gridColumns): a room
// without sessions that day keeps its place, empty, so that a room is
// found in the same place on every day. When the columns do not fit
// opt.Width at GridMinColumn cells, each day's grid is split by rooms
// into the same groups every day (splitColumns), each a complete grid of
// its rooms with its own time slots, titled "Saturday 2025-02-01 (2 of
// 6)". Markdown grids are split as the text would be: --width decides.
func gridTables(s *schedule.Schedule, sessions []*schedule.Session, opt Options) []table {
	loc := s.Loc()
	var days []string
	byDay := map[string][]piece{}
	var timed []*schedule.Session
	for _, ss := range sessions {
		if !ss.Timed() {
			continue
		}
		timed = append(timed, ss)
		for _, p := range pieces(loc, ss) {
			d := p.day.Format(time.DateOnly)
			if _, ok := byDay[d]; !ok {
				days = append(days, d)
			}
			byDay[d] = append(byDay[d], p)
		}
	}
	slices.Sort(days)
	cols, keyOf := gridColumns(s, timed, opt.Columns)
	out := make([]table, 0, len(days))
	for _, d := range days {
		out = append(out, gridTable(byDay[d][0].day, byDay[d], cols, keyOf))
	}
	if groups := splitColumns(out, opt.Width); len(groups) > 1 {
		what := "rooms"
		if opt.Columns == ColumnsTrack {
			what = "tracks"
		}
		out = out[:0:0]
		for _, d := range days {
			for i, g := range groups {
				part := cols[g[0]:g[1]]
				in := map[string]bool{}
				for _, c := range part {
					in[c.key] = true
				}
				var ps []piece
				for _, p := range byDay[d] {
					if in[keyOf(p.s)] {
						ps = append(ps, p)
					}
				}
				t := gridTable(byDay[d][0].day, ps, part, keyOf)
				t.title += fmt.Sprintf(" (%d of %d)", i+1, len(groups))
				if len(t.rows) == 0 {
					t.note = "Nothing scheduled in these " + what + " this day."
				}
				out = append(out, t)
			}
		}
	}
	if untimed := len(sessions) - len(timed); untimed > 0 {
		note := fmt.Sprintf("%d session(s) without times not shown.", untimed)
		if len(out) == 0 {
			out = append(out, table{title: "Unscheduled", note: note})
		} else {
			last := &out[len(out)-1]
			last.note = strings.TrimSpace(last.note + " " + note)
		}
	}
	return out
}

// gridColumns are the columns of every day's grid, the rooms (or tracks)
// of the sessions ss in the order readers know from the file: rooms in
// the order of the room registry, then of first appearance in the file
// (Schedule.RoomOrder); tracks in the order of s.Tracks. Columns not in s
// (sessions built without it) come last, in order of first use in ss.
// keyOf is the column key of a session.
func gridColumns(s *schedule.Schedule, ss []*schedule.Session, columns string) (cols []gridColumn, keyOf func(*schedule.Session) string) {
	var rank func(*schedule.Session) (int, bool)
	name := func(ss *schedule.Session) string { return cmp.Or(clean(ss.Room), "No room") }
	if columns == ColumnsTrack {
		keyOf = (*schedule.Session).TrackID
		name = func(ss *schedule.Session) string { return trackTitle(ss.Track) }
		rank = func(ss *schedule.Session) (int, bool) {
			i := slices.Index(s.Tracks, ss.Track)
			return i, i >= 0
		}
	} else {
		keyOf = func(ss *schedule.Session) string { return schedule.NameKey(ss.Room) }
		order := s.RoomOrder()
		rank = func(ss *schedule.Session) (int, bool) {
			i, ok := order[schedule.NameKey(ss.Room)]
			return i, ok
		}
	}
	ranks := map[string]int{}
	for _, x := range ss {
		k := keyOf(x)
		if _, ok := ranks[k]; ok {
			continue
		}
		r, ok := rank(x)
		if !ok {
			r = math.MaxInt
		}
		ranks[k] = r
		cols = append(cols, gridColumn{k, name(x)})
	}
	// Stable: columns of the same rank (not in s) stay in order of use.
	slices.SortStableFunc(cols, func(a, b gridColumn) int { return cmp.Compare(ranks[a.key], ranks[b.key]) })
	return cols, keyOf
}

// splitColumns groups the room (or track) columns of the day grids full,
// which all have the same columns, into as few grids as fit width, each
// column as narrow as its limits allow on its widest day (GridMinColumn,
// or less when its content is narrower) and the time column repeated in
// each: shared out evenly, in order, when that fits, else as many to a
// grid as fit, in order. Each group is a range [lo, hi) of column indexes
// after the time column; a grid of one room always counts as fitting.
func splitColumns(full []table, width int) [][2]int {
	if len(full) == 0 {
		return nil
	}
	n := len(full[0].header) - 1
	hard := make([]int, n+1)
	for _, t := range full {
		_, _, h := t.limits()
		for j := range hard {
			hard[j] = max(hard[j], h[j])
		}
	}
	// Each room column costs its width and 3 cells of border and padding.
	room := width - borders(1) - hard[0]
	cost := func(lo, hi int) int {
		c := 0
		for j := lo; j < hi; j++ {
			c += hard[1+j] + 3
		}
		return c
	}
	var greedy [][2]int
	for lo := 0; lo < n; {
		hi := lo + 1
		for hi < n && cost(lo, hi+1) <= room {
			hi++
		}
		greedy = append(greedy, [2]int{lo, hi})
		lo = hi
	}
	g := len(greedy)
	if g <= 1 {
		return greedy
	}
	even := make([][2]int, g)
	lo := 0
	for i := range even {
		hi := lo + n/g
		if i < n%g {
			hi++
		}
		if hi-lo > 1 && cost(lo, hi) > room {
			return greedy
		}
		even[i] = [2]int{lo, hi}
		lo = hi
	}
	return even
}

// gridCell is what the first slot of piece p shows: the title and
// speakers, after Continued when the session began on an earlier day, and
// "(until 12:00 +2d)" when it goes on past this day.
func gridCell(p piece) string {
	cell := titleOf(p.s)
	if sp := speakersOf(p.s); sp != "" {
		cell += " (" + sp + ")"
	}
	if !p.from.Equal(p.s.Start) {
		cell = Continued + " " + cell
	}
	if end := p.s.End.In(p.day.Location()); end.After(p.to) {
		cell += " (until " + until(p.day, end) + ")"
	}
	return cell
}

// gridTable is the grid of day (a local midnight) made of the pieces ps of
// the sessions that run on it: a row per time slot in which something
// runs, and after the time the columns cols, keyOf telling a session's. A
// slot that ends at the next midnight ends at "24:00" (span).
func gridTable(day time.Time, ps []piece, cols []gridColumn, keyOf func(*schedule.Session) string) table {
	index := make(map[string]int, len(cols))
	header := make([]string, 1, 1+len(cols))
	header[0] = "Time"
	for i, c := range cols {
		index[c.key] = 1 + i
		header = append(header, c.name)
	}
	// Slot boundaries: every start and end of the day's pieces.
	var bounds []time.Time
	for _, p := range ps {
		bounds = append(bounds, p.from, p.to)
	}
	slices.SortFunc(bounds, func(a, b time.Time) int { return a.Compare(b) })
	bounds = slices.CompactFunc(bounds, func(a, b time.Time) bool { return a.Equal(b) })
	t := table{
		title:   dayTitle(day),
		header:  header,
		fixed:   map[int]bool{0: true},
		weights: map[int]int{},
		floor:   GridMinColumn,
	}
	// The last bound starts a slot only for a session of no duration.
	for i := range bounds {
		from, to := bounds[i], bounds[i]
		if i+1 < len(bounds) {
			to = bounds[i+1]
		}
		row := make([]string, len(header))
		busy := false
		for _, p := range ps {
			// A session of no duration shows in the slot it starts.
			point := p.from.Equal(p.to) && p.from.Equal(from)
			if !point && (!p.from.Before(to) || !p.to.After(from)) {
				continue
			}
			busy = true
			c := index[keyOf(p.s)]
			cell := Continued
			if !p.from.Before(from) {
				cell = gridCell(p)
			}
			if row[c] != "" {
				row[c] += " / "
			}
			row[c] += cell
		}
		if !busy {
			continue
		}
		row[0] = span(from, to)
		t.rows = append(t.rows, row)
	}
	return t
}
