// Package page reads the plain text of a conference program web page — the
// text a browser's "select all, copy" gives — into a schedule.
//
// There is no standard for such text; the reader follows the shape of
// conference track pages such as QCon's:
//
//	Track: Microservices / Serverless (Patterns & Practices)
//	Location: Broadway Ballroom North, 6th fl.
//	Day of week: Tuesday
//	<track introduction>
//	Track Host: Susanne Kaiser
//	<host role and bio>
//	10:35am - 11:25am
//	<title>
//	<abstract paragraphs>
//	Bernd Rücker, Co-Founder and Chief Technologist @Camunda
//	...
//	2019 Tracks
//	Monday, 24 June
//	Tuesday, 25 June
//
// Recognised lines:
//
//   - Headers "Name: value", case-insensitive: Track; Location, Room or
//     Venue; Day of week, Day or Date; Track Host or Host; Time zone or
//     Timezone (an IANA name); Conference or Event; Speaker or Speakers.
//     A Track header starts a new track, so one page may hold several.
//     Location inside a session sets that session's room.
//   - Time ranges: "10:35am - 11:25am", "1:40 pm – 2:30 pm", "10:35–11:25",
//     "10.35 to 11.25", with any dash (- – — ‐ ‑ −), "to" or "~". Text after
//     the range on the same line is the title; otherwise the next line is.
//     A range with one am/pm marker applies it to the other time so that
//     the session is shorter than 12 hours. An end before the start means
//     the session runs past midnight. A zone abbreviation after the range
//     ("EDT", "(CET)", "ET", "UTC+2") is checked against the zone, and a
//     zone-mismatch warning reports one that disagrees; it never picks the
//     zone, since abbreviations are ambiguous (IST, CST).
//   - Dated days: "Tuesday, 25 June", "Tuesday, June 25, 2019",
//     "Tue 25 Jun 2019", "2019-06-25". The year is the line's own, or that
//     of the heading line just above a list of days ("2019 Tracks"). A dated
//     day followed by time ranges is a day heading and dates the sessions
//     below it; otherwise it belongs to the page's list of days, against
//     which a "Day of week:" header is matched.
//   - Speaker lines, the last lines of a session: "Name, Role @Company" or
//     "Name, Affiliation" (the speaker's affiliation is everything after
//     the first comma), where the name is two to five capitalised words
//     (lower-case particles such as "van" or "de" allowed) and the rest is
//     not a sentence. A session may have none ("Presentation details to
//     follow." is abstract text).
//
// Every other line is kept: lines inside a session are its abstract, lines
// outside any session (the track introduction, the host's role and bio) are
// the track's description. Nothing is dropped.
//
// The date of each session comes from its day heading, else its track's
// Day header matched against the list of days, else LoadOptions.Date
// (--date). The zone is the page's Time zone header, else
// LoadOptions.Timezone (--timezone); a page that gives neither is an error
// naming --timezone.
//
// Session ids are derived from the track's id and the title's slug, with
// -2, -3, … for a repeated title. They are stable for a given page, and they
// are not marked implicit: no implicit-id warning is reported, because
// `schedkit import` writes them out explicitly, which pins them. The
// conference name is the Conference header, else the name of the page's
// only track, else the file name without its extension; the conference id
// (and so calendar UIDs) is its slug.
//
// Anything the reader could read more than one way is a text-ambiguous
// warning at its line, saying which reading was taken.
package page

import (
	"bytes"
	"cmp"
	"fmt"
	"github.com/schedkit/schedkit/internal/slug"
	"path/filepath"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/schedkit/schedkit/internal/lazyregexp"
	"github.com/schedkit/schedkit/schedule"
)

// line is one line of the page.
type line struct {
	n    int    // 1-based line number
	raw  string // the line without its line ending
	text string // trimmed, with non-breaking spaces as spaces
	// blankBefore reports that a blank line precedes this one.
	blankBefore bool
}

// col returns the 1-based character column of the first occurrence of sub
// in the line, or 1.
func (l line) col(sub string) int {
	i := strings.Index(l.raw, sub)
	if i < 0 {
		return 1
	}
	return 1 + utf8.RuneCountInString(l.raw[:i])
}

type dayCtx struct {
	text string // the header value, or the day heading line
	pos  schedule.Pos
	// date is set for a heading or a header that gives a full date.
	date    schedule.Date
	weekday time.Weekday
	hasWD   bool
	// resolved date, set by resolveDates; zero when none could be found.
	resolved schedule.Date
	done     bool
}

type sessState struct {
	rng        rangeInfo
	rangeLine  line
	titleLine  *line
	title      string
	body       []line
	speakers   []line // explicit Speaker: headers
	room       string
	roomPos    schedule.Pos
	day        *dayCtx
	trackState *trackState
}

type trackState struct {
	name     string
	pos      schedule.Pos
	room     string
	roomPos  schedule.Pos
	host     string
	desc     []line
	sessions []*sessState
}

type reader struct {
	file  string
	opt   schedule.LoadOptions
	diags []schedule.Diagnostic

	lines    []line
	tracks   []*trackState
	preamble []line
	days     []datedDay // the page's list of dated days
	confName string
	zone     string
	zonePos  schedule.Pos
	hasAMPM  bool // some range on the page uses am/pm
	// yearCache holds headingYear by line index.
	yearCache map[int]int
}

func (r *reader) add(id string, p schedule.Pos, format string, args ...any) {
	r.diags = append(r.diags, schedule.Diag(id, p, format, args...))
}

func (r *reader) pos(l line, col int) schedule.Pos {
	return schedule.Pos{File: r.file, Line: l.n, Column: col}
}

// Read reads a program page. It reports every problem as a diagnostic and
// returns nil when the data is not text at all (invalid UTF-8, NUL
// bytes), holds no session, or when neither the page nor --timezone names
// a usable time zone.
func Read(file string, data []byte, opt schedule.LoadOptions) (*schedule.Schedule, []schedule.Diagnostic) {
	r := &reader{file: file, opt: opt}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if i := bytes.IndexByte(data, 0); i >= 0 {
		r.add(schedule.RuleSyntax, schedule.OffsetPos(file, data, i), "NUL byte: this is a binary file, not the text of a program page")
		return nil, r.diags
	}
	if i := schedule.InvalidUTF8(data); i >= 0 {
		r.add(schedule.RuleSyntax, schedule.OffsetPos(file, data, i), "invalid UTF-8 (byte 0x%02x); save the page text as UTF-8", data[i])
		return nil, r.diags
	}
	r.split(string(data))
	r.scan()
	if len(r.tracks) == 0 || !r.anySession() {
		r.add(schedule.RuleSyntax, schedule.Pos{File: file, Line: 1, Column: 1},
			"no session found: a program page needs time ranges such as \"10:35am - 11:25am\" or \"10:35–11:25\", each followed by a title line")
		return nil, r.diags
	}
	s := r.build()
	if s.Conference.TimeZone == "" {
		// No zone, or not a zone: a schedule in a made-up UTC would put
		// every session hours off (the .ics reader does the same).
		return nil, r.diags
	}
	return s, r.diags
}

func (r *reader) anySession() bool {
	for _, t := range r.tracks {
		if len(t.sessions) > 0 {
			return true
		}
	}
	return false
}

var spaceReplacer = strings.NewReplacer("\u00a0", " ", "\u202f", " ", "\u2009", " ", "\t", " ")

func (r *reader) split(text string) {
	blank := false
	n := 0
	for raw := range strings.Lines(text) {
		n++
		raw = strings.TrimRight(raw, "\r\n")
		t := strings.TrimSpace(spaceReplacer.Replace(raw))
		t = strings.TrimFunc(t, func(c rune) bool { return unicode.IsSpace(c) || c == '\ufeff' || unicode.Is(unicode.Cf, c) })
		if t == "" {
			blank = true
			continue
		}
		r.lines = append(r.lines, line{n: n, raw: raw, text: t, blankBefore: blank})
		blank = false
	}
}

// -- headers --

var headerRE = lazyregexp.New(`(?i)^(track host|host|track|location|room|venue|day of week|day|date|time ?zone|conference|event|speakers?)\s*:\s*(.*)$`)

func headerKey(k string) string {
	switch strings.ToLower(strings.Join(strings.Fields(k), " ")) {
	case "track host", "host":
		return "host"
	case "track":
		return "track"
	case "location", "room", "venue":
		return "room"
	case "day of week", "day", "date":
		return "day"
	case "time zone", "timezone":
		return "zone"
	case "conference", "event":
		return "conference"
	case "speaker", "speakers":
		return "speaker"
	}
	return ""
}

// scanState is where scan is: the current track, session and day.
type scanState struct {
	cur  *trackState
	sess *sessState
	day  *dayCtx
}

// track returns the current track, starting an untitled one at l when
// there is none yet.
func (r *reader) track(st *scanState, l line) *trackState {
	if st.cur == nil {
		st.cur = r.newTrack("", r.pos(l, 1))
	}
	return st.cur
}

func (r *reader) newTrack(name string, p schedule.Pos) *trackState {
	t := &trackState{name: name, pos: p}
	r.tracks = append(r.tracks, t)
	return t
}

// header applies the header line l, "Name: val" with Name's headerKey key.
// It reports false for a Speaker: header outside a titled session, which is
// then read as text.
func (r *reader) header(st *scanState, l line, key, val string) bool {
	p := r.pos(l, l.col(val))
	switch key {
	case "track":
		st.cur = r.newTrack(val, p)
		st.sess = nil
	case "room":
		if st.sess != nil {
			st.sess.room, st.sess.roomPos = val, p
		} else {
			t := r.track(st, l)
			t.room, t.roomPos = val, p
		}
	case "day":
		st.day = r.dayHeader(val, p)
		st.sess = nil
	case "host":
		t := r.track(st, l)
		t.host = val
		t.desc = append(t.desc, l)
		st.sess = nil
	case "zone":
		r.zone, r.zonePos = val, p
	case "conference":
		r.confName = val
	case "speaker":
		if st.sess == nil || st.sess.title == "" {
			return false
		}
		for part := range strings.SplitSeq(val, ";") {
			if part = strings.TrimSpace(part); part != "" {
				sl := l
				sl.text = part
				st.sess.speakers = append(st.sess.speakers, sl)
			}
		}
	default:
		return false
	}
	return true
}

// scan walks the lines once and groups them into tracks and sessions.
func (r *reader) scan() {
	st := &scanState{}
	for i, l := range r.lines {
		if m := headerRE.FindStringSubmatch(l.text); m != nil && m[2] != "" && r.header(st, l, headerKey(m[1]), strings.TrimSpace(m[2])) {
			continue
		}
		if rg, ok := parseRange(l.text); ok {
			if rg.startMer != "" || rg.endMer != "" {
				r.hasAMPM = true
			}
			t := r.track(st, l)
			st.sess = &sessState{rng: rg, rangeLine: l, day: st.day, trackState: t}
			if rg.rest != "" {
				st.sess.title = rg.rest
				ll := l
				st.sess.titleLine = &ll
			}
			t.sessions = append(t.sessions, st.sess)
			continue
		}
		if d, ok := r.parseDatedDay(l); ok {
			// A heading when a time range follows before the next dated day;
			// else an entry of the list of days.
			if r.rangeFollows(i) {
				st.day = &dayCtx{text: l.text, pos: r.pos(l, 1), date: d.date, weekday: d.weekday, hasWD: d.hasWD}
				st.sess = nil
				continue
			}
			r.days = append(r.days, d)
			continue
		}
		if r.isDayListHeading(i) {
			continue
		}
		switch {
		case st.sess != nil && st.sess.title == "":
			st.sess.title = l.text
			ll := l
			st.sess.titleLine = &ll
		case st.sess != nil:
			st.sess.body = append(st.sess.body, l)
		case st.cur != nil:
			st.cur.desc = append(st.cur.desc, l)
		default:
			r.preamble = append(r.preamble, l)
		}
	}
}

// rangeFollows reports whether a time range comes after line i before the
// next dated day.
func (r *reader) rangeFollows(i int) bool {
	for _, l := range r.lines[i+1:] {
		if _, ok := parseRange(l.text); ok {
			return true
		}
		if _, ok := r.parseDatedDayQuiet(l); ok {
			return false
		}
	}
	return false
}

// -- times --

type rangeInfo struct {
	start, end       int // minutes after midnight, am/pm not yet applied
	startH, endH     int
	startMer, endMer string // "a", "p" or ""
	startCol, endCol int    // byte offsets in the text
	rest             string
	// zone is a zone abbreviation after the range ("EDT", "(CET)", "ET",
	// "UTC+2"); it is checked against the zone, never used to pick one.
	zone string
}

const clockPat = `(\d{1,2})(?:[:.h](\d{2}))?(?:\s*([aApP])\.?\s?[mM](?:\.|\b))?`

var rangeRE = lazyregexp.New(`^` + clockPat + `\s*(?:-|–|—|‐|‑|−|~|to|until|bis)\s*` + clockPat + `(?:(?:\s*[:|·•]\s*|\s+[-–—]\s+|\s+)(.*))?$`)

func parseRange(text string) (rangeInfo, bool) {
	if text == "" || text[0] < '0' || text[0] > '9' {
		return rangeInfo{}, false
	}
	m := rangeRE.FindStringSubmatchIndex(text)
	if m == nil {
		return rangeInfo{}, false
	}
	g := func(k int) string {
		if m[2*k] < 0 {
			return ""
		}
		return text[m[2*k]:m[2*k+1]]
	}
	var ri rangeInfo
	for k, dst := range []struct {
		h, mi *int
		mer   *string
		col   *int
	}{{&ri.startH, &ri.start, &ri.startMer, &ri.startCol}, {&ri.endH, &ri.end, &ri.endMer, &ri.endCol}} {
		base := 1 + 3*k
		h, _ := strconv.Atoi(g(base))
		mi := 0
		if g(base+1) != "" {
			mi, _ = strconv.Atoi(g(base + 1))
		}
		mer := strings.ToLower(g(base + 2))
		if g(base+1) == "" && mer == "" {
			return rangeInfo{}, false // a bare number is not a time
		}
		if mi > 59 || (mer == "" && h > 23) || (mer != "" && (h < 1 || h > 12)) {
			return rangeInfo{}, false
		}
		*dst.h, *dst.mi, *dst.mer, *dst.col = h, mi, mer, m[2*base]
	}
	ri.rest = strings.TrimSpace(g(7))
	if first, rest, _ := strings.Cut(ri.rest, " "); zoneAbbrRE.MatchString(first) {
		ri.zone, ri.rest = strings.Trim(first, "():"), strings.TrimLeft(strings.TrimSpace(rest), ":|·•-–— ")
	}
	return ri, true
}

// zoneAbbrRE matches the zone abbreviations pages write after times; a
// closed list, so that a title starting with an acronym ("AI Safety")
// stays a title.
var zoneAbbrRE = lazyregexp.New(`^\(?(?:UTC|GMT|ET|EST|EDT|CT|CST|CDT|MT|MST|MDT|PT|PST|PDT|AKST|AKDT|HST|WET|WEST|CET|CEST|EET|EEST|BST|IST|MSK|JST|KST|AEST|AEDT|ACST|ACDT|AWST|NZST|NZDT|SGT|HKT|(?:UTC|GMT)[+-]\d{1,2}(?::?\d{2})?)\)?:?$`)

// zoneAgrees reports whether an abbreviation written on the page names
// the zone t is in: "EDT" for EDT, "ET" for EST or EDT, "UTC+2" for +02:00.
func zoneAgrees(abbr string, t time.Time) bool {
	name, off := t.Zone()
	switch {
	case abbr == name:
		return true
	case len(abbr) == 2 && len(name) == 3 && abbr[0] == name[0] && abbr[1] == name[2]:
		return true // ET, PT, CT, MT
	case strings.HasPrefix(abbr, "UTC") || strings.HasPrefix(abbr, "GMT"):
		sign, hm := abbr[3], strings.ReplaceAll(abbr[4:], ":", "")
		h, m := hm, "0"
		if len(hm) > 2 {
			h, m = hm[:len(hm)-2], hm[len(hm)-2:]
		}
		hh, _ := strconv.Atoi(h)
		mm, _ := strconv.Atoi(m)
		want := hh*3600 + mm*60
		if sign == '-' {
			want = -want
		}
		return want == off
	}
	return false
}

func apply(h, mi int, mer string) int {
	if mer == "" {
		return h*60 + mi
	}
	h %= 12
	if mer == "p" {
		h += 12
	}
	return h*60 + mi
}

// clocks returns the start and end in minutes after midnight, applying a
// lone am/pm marker to the other time.
func (r *reader) clocks(s *sessState, prevEnd int) (start, end int) {
	rg := s.rng
	sm, em := rg.startMer, rg.endMer
	switch {
	case sm != "" && em != "":
	case sm == "" && em != "" && rg.startH <= 12:
		// The start takes whichever marker makes the session shorter than 12h.
		sm = em
		if e, st := apply(rg.endH, rg.end, em), apply(rg.startH, rg.start, sm); st > e {
			sm = other(em)
		}
	case em == "" && sm != "" && rg.endH <= 12:
		em = sm
		if e, st := apply(rg.endH, rg.end, em), apply(rg.startH, rg.start, sm); e < st {
			em = other(sm)
		}
	case sm == "" && em == "" && r.hasAMPM && rg.startH >= 1 && rg.startH < 12 && prevEnd >= 0:
		// A 12-hour page with a range without markers: read as 24-hour
		// unless that puts it before the previous session of the track.
		st := apply(rg.startH, rg.start, "")
		reading := "24-hour, " + schedule.FormatClock(st)
		if st < prevEnd && st+12*60 >= prevEnd {
			sm, em = "p", "p"
			if rg.endH == 12 {
				em = "p"
			}
			reading = "pm, " + schedule.FormatClock(apply(rg.startH, rg.start, "p")) + ", after the previous session"
		}
		r.add(schedule.RuleTextAmbiguous, r.pos(s.rangeLine, s.rangeLine.col(s.rangeLine.text)),
			"time range %q has no am/pm on a page that uses am/pm; read as %s", s.rangeLine.text, reading)
	}
	return apply(rg.startH, rg.start, sm), apply(rg.endH, rg.end, em)
}

func other(m string) string {
	if m == "a" {
		return "p"
	}
	return "a"
}

// -- dates --

type datedDay struct {
	date    schedule.Date // Year 0 when the line gives none and no heading does
	weekday time.Weekday
	hasWD   bool
	line    line
}

var (
	weekdays = map[string]time.Weekday{
		"sunday": time.Sunday, "monday": time.Monday, "tuesday": time.Tuesday, "wednesday": time.Wednesday,
		"thursday": time.Thursday, "friday": time.Friday, "saturday": time.Saturday,
		"sun": time.Sunday, "mon": time.Monday, "tue": time.Tuesday, "tues": time.Tuesday, "wed": time.Wednesday,
		"thu": time.Thursday, "thur": time.Thursday, "thurs": time.Thursday, "fri": time.Friday, "sat": time.Saturday,
	}
	months = map[string]time.Month{}
)

func init() {
	for m := time.January; m <= time.December; m++ {
		name := strings.ToLower(m.String())
		months[name] = m
		months[name[:3]] = m
	}
	months["sept"] = time.September
}

const (
	wdPat    = `(?i:(sunday|monday|tuesday|wednesday|thursday|friday|saturday|sun|mon|tues?|wed|thu(?:rs?)?|fri|sat)\.?)`
	monthPat = `(?i:(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.?)`
)

var (
	// Tuesday, 25 June [2019]
	dayDMY = lazyregexp.New(`^(?:` + wdPat + `,?\s+)?(\d{1,2})(?:st|nd|rd|th)?\.?\s+` + monthPat + `(?:,?\s+(\d{4}))?$`)
	// Tuesday, June 25[, 2019]
	dayMDY = lazyregexp.New(`^(?:` + wdPat + `,?\s+)?` + monthPat + `\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?$`)
	// [Tuesday,] 2019-06-25
	dayISO  = lazyregexp.New(`^(?:` + wdPat + `,?\s+)?(\d{4})-(\d{2})-(\d{2})$`)
	wdOnly  = lazyregexp.New(`^` + wdPat + `$`)
	yearRE  = lazyregexp.New(`\b((?:19|20)\d{2})\b`)
	sentEnd = lazyregexp.New(`[.!?]$`)
)

// parseDayText parses a date with optional weekday. Year is 0 when absent.
func parseDayText(s string) (d datedDay, ok bool) {
	s = strings.TrimSpace(s)
	if len(s) > 40 {
		return d, false // the longest form, "Wednesday, September 30th, 2026", is shorter
	}
	if m := dayISO.FindStringSubmatch(s); m != nil {
		dt, err := schedule.ParseDate(m[2] + "-" + m[3] + "-" + m[4])
		if err != nil {
			return d, false
		}
		d.date = dt
		if m[1] != "" {
			d.weekday, d.hasWD = weekdays[strings.ToLower(m[1])], true
		}
		return d, true
	}
	var wd, dd, mm, yy string
	if m := dayDMY.FindStringSubmatch(s); m != nil {
		wd, dd, mm, yy = m[1], m[2], m[3], m[4]
	} else if m := dayMDY.FindStringSubmatch(s); m != nil {
		wd, mm, dd, yy = m[1], m[2], m[3], m[4]
	} else {
		return d, false
	}
	day, _ := strconv.Atoi(dd)
	mon := months[strings.ToLower(strings.TrimSuffix(mm, "."))]
	if day < 1 || day > 31 || mon == 0 {
		return d, false
	}
	year := 0
	if yy != "" {
		year, _ = strconv.Atoi(yy)
	}
	d.date = schedule.Date{Year: year, Month: mon, Day: day}
	if wd != "" {
		d.weekday, d.hasWD = weekdays[strings.ToLower(strings.TrimSuffix(wd, "."))], true
	}
	return d, true
}

func (r *reader) parseDatedDayQuiet(l line) (datedDay, bool) {
	d, ok := parseDayText(l.text)
	d.line = l
	return d, ok
}

// parseDatedDay parses a dated-day line; a missing year comes from the
// heading line above the list ("2019 Tracks").
func (r *reader) parseDatedDay(l line) (datedDay, bool) {
	d, ok := r.parseDatedDayQuiet(l)
	if !ok {
		return d, false
	}
	if d.date.Year == 0 {
		d.date.Year = r.headingYear(l)
	}
	if d.date.Year != 0 && !validDate(d.date) {
		r.add(schedule.RuleTextAmbiguous, r.pos(l, 1), "%q is not a date in %d; ignored", l.text, d.date.Year)
		return d, false
	}
	return d, true
}

func validDate(d schedule.Date) bool {
	t := time.Date(d.Year, d.Month, d.Day, 12, 0, 0, 0, time.UTC)
	return t.Day() == d.Day && t.Month() == d.Month
}

// headingYear returns the year of the heading of the list of days that l
// belongs to: the nearest line above l that is not a dated day, when it is
// short and names a year. 0 means none.
func (r *reader) headingYear(l line) int {
	idx := r.index(l)
	if y, ok := r.yearCache[idx]; ok {
		return y
	}
	y := 0
	if j := idx - 1; j >= 0 {
		if _, ok := parseDayText(r.lines[j].text); ok {
			y = r.headingYear(r.lines[j]) // the same list: cached, so linear
		} else if h := r.lines[j].text; isHeading(h) {
			if m := yearRE.FindStringSubmatch(h); m != nil {
				y, _ = strconv.Atoi(m[1])
			}
		}
	}
	if r.yearCache == nil {
		r.yearCache = map[int]int{}
	}
	r.yearCache[idx] = y
	return y
}

func isHeading(s string) bool {
	return utf8.RuneCountInString(s) <= 40 && !sentEnd.MatchString(s) && !strings.Contains(s, ":")
}

// isDayListHeading reports whether line i heads a list of dated days.
func (r *reader) isDayListHeading(i int) bool {
	if i+1 >= len(r.lines) || !isHeading(r.lines[i].text) {
		return false
	}
	if _, ok := parseDayText(r.lines[i+1].text); !ok {
		return false
	}
	return !r.rangeFollows(i + 1)
}

func (r *reader) index(l line) int {
	lo, hi := 0, len(r.lines)
	for lo < hi {
		m := (lo + hi) / 2
		if r.lines[m].n < l.n {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

// dayHeader reads the value of a Day / Day of week / Date header.
func (r *reader) dayHeader(val string, p schedule.Pos) *dayCtx {
	dc := &dayCtx{text: val, pos: p}
	if m := wdOnly.FindStringSubmatch(val); m != nil {
		dc.weekday, dc.hasWD = weekdays[strings.ToLower(m[1])], true
		return dc
	}
	if d, ok := parseDayText(val); ok {
		if d.date.Year != 0 {
			dc.date = d.date
			if !validDate(d.date) {
				r.add(schedule.RuleBadValue, p, "%q is not a date", val)
				dc.date = schedule.Date{}
			}
		}
		dc.weekday, dc.hasWD = d.weekday, d.hasWD
		if d.date.Year == 0 {
			// Day and month without a year: the list of days, or --date, gives it.
			dc.date = schedule.Date{Month: d.date.Month, Day: d.date.Day}
		}
		return dc
	}
	r.add(schedule.RuleTextAmbiguous, p, "day %q is neither a weekday nor a date; sessions below it are dated by --date", val)
	return dc
}

// resolve finds the date of a day context, reporting trouble once.
func (r *reader) resolve(dc *dayCtx, optDate schedule.Date, hasOpt bool) schedule.Date {
	if dc.done {
		return dc.resolved
	}
	dc.done = true
	var got schedule.Date
	var found bool
	switch {
	case dc.date.Year != 0:
		got, found = dc.date, true
	case dc.date.Month != 0: // day and month only
		for _, d := range r.days {
			if d.date.Year != 0 && d.date.Month == dc.date.Month && d.date.Day == dc.date.Day {
				got, found = d.date, true
				break
			}
		}
		if !found && hasOpt {
			got, found = schedule.Date{Year: optDate.Year, Month: dc.date.Month, Day: dc.date.Day}, true
		}
	case dc.hasWD:
		var match []datedDay
		for _, d := range r.days {
			if d.date.Year != 0 && dayOf(d.date) == dc.weekday {
				match = append(match, d)
			}
		}
		if len(match) > 0 {
			got, found = match[0].date, true
			if len(match) > 1 {
				r.add(schedule.RuleTextAmbiguous, dc.pos, "%s matches %d days of the page's list (%s and %s); using %s (line %d)",
					dc.text, len(match), match[0].line.text, match[1].line.text, match[0].date, match[0].line.n)
			}
		}
	}
	if !found {
		if hasOpt {
			dc.resolved = optDate
			if dc.hasWD && dayOf(optDate) != dc.weekday {
				r.add(schedule.RuleTextAmbiguous, dc.pos, "--date %s is a %s, but the page says %s; using %s", optDate, dayOf(optDate), dc.text, optDate)
			}
			return optDate
		}
		r.add(schedule.RuleRequired, dc.pos, "cannot tell the date of day %q: the page has no dated list of days with that day; pass --date YYYY-MM-DD", dc.text)
		return schedule.Date{}
	}
	if !validDate(got) {
		r.add(schedule.RuleBadValue, dc.pos, "%q is not a date in %d", dc.text, got.Year)
		return schedule.Date{}
	}
	if dc.hasWD && dayOf(got) != dc.weekday {
		r.add(schedule.RuleTextAmbiguous, dc.pos, "%s is a %s, but the page says %q; using the date %s", got, dayOf(got), dc.text, got)
	}
	if hasOpt && optDate != got {
		r.add(schedule.RuleTextAmbiguous, dc.pos, "--date %s contradicts the page's date %s; using the page's", optDate, got)
	}
	dc.resolved = got
	return got
}

func dayOf(d schedule.Date) time.Weekday {
	return time.Date(d.Year, d.Month, d.Day, 12, 0, 0, 0, time.UTC).Weekday()
}

// -- speakers --

var particles = map[string]bool{
	"de": true, "van": true, "von": true, "der": true, "den": true, "da": true, "di": true, "du": true,
	"del": true, "della": true, "la": true, "le": true, "bin": true, "al": true, "dos": true, "das": true,
	"ten": true, "ter": true, "y": true, "e": true, "zu": true,
}

// nameWords reports whether s is a person's name: two to five words, each
// capitalised (initials allowed) or a lower-case particle, the last
// capitalised.
func nameWords(s string) bool {
	ws := strings.Fields(s)
	if len(ws) < 2 || len(ws) > 5 {
		return false
	}
	for i, w := range ws {
		first, _ := utf8.DecodeRuneInString(w)
		if particles[w] && i > 0 && i < len(ws)-1 {
			continue
		}
		if !unicode.IsUpper(first) {
			return false
		}
		for _, c := range w {
			if !unicode.IsLetter(c) && !strings.ContainsRune(".'’-", c) {
				return false
			}
		}
	}
	return true
}

// speakerLine parses "Name, Affiliation", "Name @Company" or a bare name.
// bare reports a line that is only a name, which could also be text.
func speakerLine(s string) (p schedule.Person, bare, ok bool) {
	if utf8.RuneCountInString(s) > 160 {
		return p, false, false
	}
	if name, aff, found := strings.Cut(s, ","); found {
		name, aff = strings.TrimSpace(name), strings.TrimSpace(aff)
		if !nameWords(name) || aff == "" || sentEnd.MatchString(aff) || strings.Contains(aff, ". ") || strings.HasSuffix(aff, ":") {
			return p, false, false
		}
		return schedule.Person{Name: name, Affiliation: aff}, false, true
	}
	if name, co, found := strings.Cut(s, " @"); found && nameWords(strings.TrimSpace(name)) && strings.TrimSpace(co) != "" {
		return schedule.Person{Name: strings.TrimSpace(name), Affiliation: "@" + strings.TrimSpace(co)}, false, true
	}
	if nameWords(s) && utf8.RuneCountInString(s) <= 40 {
		return schedule.Person{Name: s}, true, true
	}
	return p, false, false
}

// -- building the schedule --

func (r *reader) build() *schedule.Schedule {
	sc := &schedule.Schedule{File: r.file, Policy: schedule.DefaultPolicy(), Location: time.UTC}
	name := r.confName
	if name == "" && len(r.tracks) == 1 {
		// A page of one track that names no conference (the seed page):
		// the track names the schedule and its calendars, and so its
		// calendar UIDs stay the same when the file is renamed.
		name = r.tracks[0].name
	}
	if name == "" {
		name = strings.TrimSuffix(filepath.Base(r.file), filepath.Ext(r.file))
		if name == "" || name == "." || strings.HasPrefix(name, "<") {
			name = "Program"
		}
	}
	sc.Conference = schedule.Conference{Name: name, ID: slug.Make(name), Pos: schedule.Pos{File: r.file, Line: 1, Column: 1}}
	if sc.Conference.ID == "" {
		sc.Conference.ID = "program"
	}
	r.zoneOf(sc)

	optDate, hasOpt := schedule.Date{}, false
	if r.opt.Date != "" {
		if d, err := schedule.ParseDate(r.opt.Date); err == nil {
			optDate, hasOpt = d, true
		}
	}
	noDate := false
	// Ids are unique in the schedule: a repeated title gets -2, -3, …, and
	// a derived id that another session already has does too.
	trackIDs, ids := map[string]bool{}, map[string]bool{}
	for ti, ts := range r.tracks {
		t := &schedule.Track{Name: ts.name, Room: ts.room, Host: ts.host, Pos: ts.pos, IDPos: ts.pos}
		if t.Name == "" {
			t.Name = "Program"
			if len(r.tracks) > 1 {
				t.Name = fmt.Sprintf("Track %d", ti+1)
			}
		}
		t.ID = slug.Unique(trackIDs, cmp.Or(slug.Make(t.Name), fmt.Sprintf("track-%d", ti+1)))
		desc := ts.desc
		if ti == 0 {
			desc = append(append([]line{}, r.preamble...), desc...)
		}
		t.Description = paragraphs(desc)
		sc.AddTrack(t)
		prevEnd := -1
		var dates []string
		var prevDay *dayCtx
		for _, ss := range ts.sessions {
			if ss.day != prevDay {
				prevEnd, prevDay = -1, ss.day // a new day: no previous session
			}
			s := r.session(sc, t, ss, ids, &prevEnd, optDate, hasOpt, &noDate)
			sc.AddSession(t, s)
			if s.Timed() {
				dates = append(dates, s.Start.Format("2006-01-02"))
			}
		}
		if len(dates) > 0 && allSame(dates) {
			t.Date = dates[0]
		}
	}
	return sc
}

func allSame(ss []string) bool {
	for _, s := range ss[1:] {
		if s != ss[0] {
			return false
		}
	}
	return true
}

func (r *reader) zoneOf(sc *schedule.Schedule) {
	tz, conflict := schedule.ChooseZone(r.zone, r.opt.Timezone, "the page's time zone")
	switch {
	case tz == "":
		r.add(schedule.RuleRequired, schedule.Pos{File: r.file, Line: 1, Column: 1},
			"the page names no time zone: pass --timezone with the conference's IANA zone, such as --timezone America/New_York")
		return
	case conflict != "":
		r.add(schedule.RuleZoneMismatch, r.zonePos, "%s", conflict)
	}
	loc, err := schedule.LoadLocation(tz)
	if err != nil {
		p := r.zonePos
		if r.zone == "" {
			p = schedule.Pos{File: r.file, Line: 1, Column: 1}
		}
		r.add(schedule.RuleBadValue, p, "time zone: %v", err)
		return
	}
	sc.Conference.TimeZone, sc.Location = tz, loc
}

var (
	openSpaceRE = lazyregexp.New(`(?i)\bopen[ -]?space\b`)
	keynoteRE   = lazyregexp.New(`(?i)^keynote\b|\bkeynote$`)
	breakRE     = lazyregexp.New(`(?i)^(lunch|lunch break|break|coffee|coffee break|tea break|breakfast|morning break|afternoon break|registration|networking break)$`)
	workshopRE  = lazyregexp.New(`(?i)^workshop\b`)
	panelRE     = lazyregexp.New(`(?i)^panel\b|\bpanel( discussion)?$`)
)

func sessionType(title string) string {
	switch {
	case openSpaceRE.MatchString(title):
		return schedule.TypeOpenSpace
	case keynoteRE.MatchString(title):
		return schedule.TypeKeynote
	case breakRE.MatchString(title):
		return schedule.TypeBreak
	case workshopRE.MatchString(title):
		return schedule.TypeWorkshop
	case panelRE.MatchString(title):
		return schedule.TypePanel
	}
	return schedule.TypeTalk
}

func (r *reader) session(sc *schedule.Schedule, t *schedule.Track, ss *sessState, ids map[string]bool, prevEnd *int,
	optDate schedule.Date, hasOpt bool, noDate *bool) *schedule.Session {
	rl := ss.rangeLine
	s := &schedule.Session{Pos: r.pos(rl, rl.col(rl.text)), Status: schedule.StatusConfirmed, Room: t.Room}
	s.SetPos("start", r.pos(rl, 1+utf8.RuneCountInString(rl.text[:ss.rng.startCol])+rl.col(rl.text)-1))
	s.SetPos("end", r.pos(rl, 1+utf8.RuneCountInString(rl.text[:ss.rng.endCol])+rl.col(rl.text)-1))
	if ss.titleLine != nil {
		s.Title = ss.title
		s.SetPos("title", r.pos(*ss.titleLine, ss.titleLine.col(ss.title)))
		s.SetPos("id", s.At("title"))
	} else {
		r.add(schedule.RuleRequired, s.Pos, "time range %q has no title line after it", rl.text)
		s.Title = "Untitled " + rl.text
	}
	if ss.room != "" {
		s.Room = ss.room
		s.SetPos("room", ss.roomPos)
	} else if ss.trackState.room != "" {
		s.SetPos("room", ss.trackState.roomPos)
	}
	s.Type = sessionType(s.Title)
	s.ID = slug.Unique(ids, t.ID+"-"+cmp.Or(slug.Make(s.Title), "session"))

	body := r.speakers(s, ss)
	s.Abstract = paragraphs(body)
	if len(body) > 0 {
		s.SetPos("abstract", r.pos(body[0], body[0].col(body[0].text)))
	}

	// Date and times.
	var date schedule.Date
	if ss.day != nil {
		s.SetPos("date", ss.day.pos)
		date = r.resolve(ss.day, optDate, hasOpt)
	} else if hasOpt {
		date = optDate
	} else if !*noDate {
		*noDate = true
		r.add(schedule.RuleRequired, s.Pos, "the page names no date (no \"Day of week:\" or dated day heading before this session): pass --date YYYY-MM-DD")
	}
	start, end := r.clocks(ss, *prevEnd)
	*prevEnd = end
	if end < start {
		*prevEnd = end + 24*60
	}
	if date.IsZero() {
		return s
	}
	st, ok1 := r.wall(date, start, sc.Location, s.At("start"), s.Title, "start")
	endDate := date
	if end < start {
		endDate = date.AddDays(1)
	}
	en, ok2 := r.wall(endDate, end, sc.Location, s.At("end"), s.Title, "end")
	if ok1 && ok2 {
		s.Start, s.End = st, en
		if z := ss.rng.zone; z != "" && !zoneAgrees(z, st) {
			name, _ := st.Zone()
			r.add(schedule.RuleZoneMismatch, s.Pos, "time range %q says %s, but %s %s in %s is %s; using %s",
				rl.text, z, date, schedule.FormatClock(start), sc.Location, name, sc.Location)
		}
	}
	return s
}

// speakers sets the session's speakers: from its Speaker: headers, else
// from the speaker lines that end its body. It returns the rest of the
// body, the abstract.
func (r *reader) speakers(s *schedule.Session, ss *sessState) []line {
	body := ss.body
	for _, l := range ss.speakers {
		if p, _, ok := speakerLine(l.text); ok {
			s.Speakers = append(s.Speakers, p)
		} else {
			name, aff, _ := strings.Cut(l.text, ",")
			s.Speakers = append(s.Speakers, schedule.Person{Name: strings.TrimSpace(name), Affiliation: strings.TrimSpace(aff)})
		}
		if !s.Has("speakers") {
			s.SetPos("speakers", r.pos(l, l.col(l.text)))
		}
	}
	if len(ss.speakers) == 0 {
		cut := len(body)
		for cut > 0 {
			if _, _, ok := speakerLine(body[cut-1].text); !ok {
				break
			}
			cut--
		}
		for i := cut; i < len(body); i++ {
			p, bare, _ := speakerLine(body[i].text)
			if bare {
				r.add(schedule.RuleTextAmbiguous, r.pos(body[i], body[i].col(body[i].text)),
					"%q ends the session like a speaker line but has no affiliation; read as speaker %q with none", body[i].text, p.Name)
			}
			s.Speakers = append(s.Speakers, p)
			if i == cut {
				s.SetPos("speakers", r.pos(body[i], body[i].col(body[i].text)))
			}
		}
		for _, l := range body[:cut] {
			if p, bare, ok := speakerLine(l.text); ok && !bare {
				r.add(schedule.RuleTextAmbiguous, r.pos(l, l.col(l.text)),
					"%q looks like a speaker line (%s, %s) but abstract text follows it; kept in the abstract", l.text, p.Name, p.Affiliation)
			}
		}
		body = body[:cut]
	}
	return body
}

func (r *reader) wall(d schedule.Date, min int, loc *time.Location, p schedule.Pos, title, field string) (time.Time, bool) {
	t, kind := schedule.ResolveWall(d, min, loc)
	if rule, msg := schedule.WallProblem(t, kind, d, min, loc); rule != "" {
		r.add(rule, p, "session %q: %s %s", title, field, msg)
	}
	return t, kind != schedule.WallGap
}

// paragraphs joins lines: a blank line between two lines starts a new
// paragraph ("\n\n"), otherwise the lines are joined with "\n".
func paragraphs(ls []line) string {
	var b strings.Builder
	for i, l := range ls {
		if i > 0 {
			if l.blankBefore {
				b.WriteString("\n\n")
			} else {
				b.WriteString("\n")
			}
		}
		b.WriteString(l.text)
	}
	return b.String()
}
