package html

import (
	"bytes"
	"cmp"
	_ "embed"
	"fmt"
	"html/template"
	"io"
	"net/url"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/schedkit/schedkit/internal/lazyregexp"
	"github.com/schedkit/schedkit/internal/slug"
	"github.com/schedkit/schedkit/schedule"
)

// Options control the page. The zero value gives a page with the
// conference's name as title, no feed links and no favourites.
type Options struct {
	// Title is the page's title and main heading; "" means the conference
	// name.
	Title string
	// Version is schedkit's version, named in the generator meta element
	// and in the PRODID of the in-page .ics; "" means "devel".
	Version string
	// Feeds are the calendar feeds published beside the page, linked in
	// this order; nil means none.
	Feeds []Feed
	// XMLURL is the absolute http(s) URL of a frab schedule.xml published
	// with the page; "" means none.
	XMLURL string
	// Event describes a session as the published iCalendar feeds do; it
	// returns false for a session the feeds leave out. nil means the page
	// has no favourites: no stars, no download, no script data.
	Event func(*schedule.Session) (Event, bool)
	// Stamp is the DTSTAMP and LAST-MODIFIED of the events of the in-page
	// .ics: the feeds' stamp, so that the file does not depend on when it
	// is downloaded. The zero time means the Unix epoch.
	Stamp time.Time
	// PlainText turns an abstract, which may be an HTML fragment (frab,
	// pretalx), into the plain text the page shows; nil shows abstracts
	// as written. Either way the text is escaped, never rendered as HTML.
	PlainText func(string) string
}

// Feed is a calendar feed the page links to.
type Feed struct {
	// Name is what the link says: a track's name, or the whole schedule.
	Name string
	// Track is the feed's track, whose colour the link shows; nil for the
	// feed of every session.
	Track *schedule.Track
	// URL is the absolute http or https URL of the .ics file; the
	// subscribe link is the same with the scheme webcal.
	URL string
}

// Event is the content of a session's VEVENT in the published feeds, text
// values cleaned but not escaped. The page's script writes it into the
// .ics of starred sessions (see the package documentation).
type Event struct {
	UID string
	// Start is DTSTART; End is DTEND, zero when the event has none.
	Start, End                          time.Time
	Summary, Location, Description, URL string // "" when the event has none
	Categories                          []string
	Status                              string // CONFIRMED, TENTATIVE or CANCELLED
	Transparent                         bool   // TRANSP:TRANSPARENT
}

var (
	//go:embed page.tmpl
	pageTemplate string
	//go:embed page.css
	pageCSS string
	//go:embed page.js
	pageJS string

	// tmpl is parsed at the first Write, not at every start-up of a
	// program that links this package.
	tmpl = sync.OnceValue(func() *template.Template {
		return template.Must(template.New("page").Parse(pageTemplate))
	})
)

// maxDayHours bounds the time axis of one day's grid: a session running
// longer (a typo exported with --force, or a hackathon) is drawn to the
// end of the axis, its text giving the real end.
const maxDayHours = 24

// Write renders sessions of s (as schedule.Filter.Select returns them) as
// one page to w. The output is built in memory and written at once.
func Write(w io.Writer, s *schedule.Schedule, sessions []*schedule.Session, opt Options) error {
	p, err := build(s, sessions, opt)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	buf.Grow(4096 + 2048*len(sessions))
	if err := tmpl().Execute(&buf, p); err != nil {
		return fmt.Errorf("html: %w", err)
	}
	_, err = w.Write(buf.Bytes())
	return err
}

// -- the page model: what the template shows, computed here --

type page struct {
	Title, Generator string
	ConfURL          string // http(s) only
	Zone             string // "America/New_York (EDT, UTC−04:00)"
	Days             []*day
	Unscheduled      []*box
	Feeds            []feedLink
	XMLURL           string
	Favourites       bool
	Data             *island
	CSS              template.CSS
	JS               template.JS
}

type feedLink struct {
	Name, URL string
	Webcal    template.URL // the URL with the scheme webcal, which html/template would not let through
	Colour    string       // track colour class, "" for the whole schedule
}

// day is one day's grid: column 1 holds the hours, row 1 the room names.
type day struct {
	ID, Date, Title string
	Cols, Rows      int // lanes of all rooms; time rows
	Unit            int // minutes per row
	Wide            bool
	Rooms           []*room
	Hours           []hour
}

type room struct {
	Name     string
	Col      int  // first grid column
	Lanes    int  // columns it spans
	Spanning bool // the sessions without a room, spanning every room column
	Sessions []*box
}

type hour struct {
	Row      int
	Label    string // "10:00"
	DateTime string
}

type box struct {
	ID, TitleID       string
	Title, Subtitle   string
	Lang              string
	Start, End        string // "10:35"; End has " (+1 day)" when it ends on a later day
	StartISO, EndISO  string
	Speakers          []schedule.Person
	Room, Track       string
	Colour            string // track colour class
	Kind, Status      string // "Keynote", "Cancelled"; "" for a talk, a confirmed one
	Break, Cancelled  bool
	Abstract          string
	URL               string // http(s) only
	Links             []schedule.Link
	Tags              []string
	Language          string
	UID               string // "" without favourites or when the feeds leave it out
	Col, Lane, R0, R1 int    // grid column, row span [R0, R1)
	HasDetails, Timed bool
	Span              bool // a session without a room spanning every room column
	Affiliations      bool // a speaker has an affiliation
	start, end        time.Time
	roomKey           string
	first             int // index in s.Sessions, for stable order
	hasRoom           bool
}

// island is the JSON data the favourites script reads.
type island struct {
	Key    string      `json:"-"`      // localStorage key, in an attribute: read without parsing the data
	Name   string      `json:"name"`   // calendar name of the .ics
	File   string      `json:"file"`   // download file name
	ProdID string      `json:"prodid"` // PRODID
	Stamp  string      `json:"stamp"`  // DTSTAMP, LAST-MODIFIED
	Events []islandEvt `json:"events"`
}

type islandEvt struct {
	UID         string   `json:"uid"`
	Start       string   `json:"start"`
	End         string   `json:"end,omitempty"`
	Summary     string   `json:"summary"`
	Location    string   `json:"location,omitempty"`
	Description string   `json:"description,omitempty"`
	URL         string   `json:"url,omitempty"`
	Categories  []string `json:"categories,omitempty"`
	Status      string   `json:"status"`
	Transparent bool     `json:"transparent,omitempty"`
}

// utcStamp is the RFC 5545 §3.3.5 UTC form.
func utcStamp(t time.Time) string { return t.UTC().Format("20060102T150405Z") }

var versionUnsafe = lazyregexp.New(`[^A-Za-z0-9.+_~-]+`)

func build(s *schedule.Schedule, sessions []*schedule.Session, opt Options) (*page, error) {
	loc := s.Loc()
	version := cmp.Or(versionUnsafe.ReplaceAllString(opt.Version, ""), "devel")
	p := &page{
		Title:     cmp.Or(strings.TrimSpace(opt.Title), strings.TrimSpace(s.Conference.Name), "Timetable"),
		Generator: "schedkit " + version,
		ConfURL:   httpURL(s.Conference.URL),
		XMLURL:    httpURL(opt.XMLURL),
		CSS:       template.CSS(pageCSS),
	}
	if opt.XMLURL != "" && p.XMLURL == "" {
		return nil, fmt.Errorf("html: the schedule.xml URL %q is not an absolute http or https URL", opt.XMLURL)
	}
	colours := trackColours(s)
	for _, f := range opt.Feeds {
		u := httpURL(f.URL)
		if u == "" {
			return nil, fmt.Errorf("html: the feed URL %q is not an absolute http or https URL", f.URL)
		}
		p.Feeds = append(p.Feeds, feedLink{Name: f.Name, URL: u, Webcal: template.URL("webcal" + u[strings.Index(u, ":"):]), Colour: colours[f.Track]})
	}

	// Boxes, in the order given; rooms in the order of the registry, then
	// of the file, as the tables and frab apps show them.
	index := make(map[*schedule.Session]int, len(s.Sessions))
	for i, x := range s.Sessions {
		index[x] = i
	}
	roomOrder := s.RoomOrder()
	used := map[string]bool{}
	var boxes []*box
	if opt.Event != nil {
		p.Favourites = true
		p.Data = &island{
			Key:    "schedkit:starred:" + s.Conference.ID,
			Name:   p.Title + " – starred",
			File:   cmp.Or(slug.Make(cmp.Or(s.Conference.ID, p.Title)), "schedule") + "-starred.ics",
			ProdID: "-//schedkit//schedkit " + version + " timetable page//EN",
			Stamp:  utcStamp(cmp.Or(opt.Stamp, time.Unix(0, 0))),
			Events: []islandEvt{},
		}
		p.JS = template.JS(pageJS)
	}
	for _, x := range sessions {
		b := newBox(x, loc, colours, opt.PlainText, used)
		b.first = index[x]
		if opt.Event != nil {
			if ev, ok := opt.Event(x); ok && ev.UID != "" {
				b.UID = ev.UID
				p.Data.Events = append(p.Data.Events, islandEvent(ev))
			}
		}
		boxes = append(boxes, b)
	}

	byDay := map[schedule.Date][]*box{}
	var dates []schedule.Date
	for _, b := range boxes {
		if !b.Timed {
			p.Unscheduled = append(p.Unscheduled, b)
			continue
		}
		d := s.DayOf(b.start.In(loc)).Date
		if _, ok := byDay[d]; !ok {
			dates = append(dates, d)
		}
		byDay[d] = append(byDay[d], b)
	}
	slices.SortFunc(dates, func(a, b schedule.Date) int { return strings.Compare(a.String(), b.String()) })
	for _, d := range dates {
		p.Days = append(p.Days, layoutDay(d, byDay[d], loc, roomOrder))
	}
	p.Zone = zoneText(loc, boxes)
	return p, nil
}

// newBox is the page's view of session x.
func newBox(x *schedule.Session, loc *time.Location, colours map[*schedule.Track]string, plain func(string) string, used map[string]bool) *box {
	id := slug.Unique(used, "s-"+cmp.Or(slug.Make(x.ID), "session"))
	b := &box{
		ID: id, TitleID: id + "-t",
		Title:     cmp.Or(oneLine(x.Title), oneLine(x.ID), "(untitled)"),
		Subtitle:  strings.TrimSpace(text(x.Subtitle)),
		Lang:      langTag(x.Language),
		Language:  oneLine(x.Language),
		Room:      oneLine(x.Room),
		Track:     oneLine(x.TrackName()),
		Colour:    colours[x.Track],
		Kind:      kindLabel(x.Type),
		Status:    statusLabel(x.Status),
		Break:     x.IsBreak(),
		Cancelled: x.Status == "cancelled",
		URL:       httpURL(x.URL),

		roomKey: schedule.NameKey(x.Room),
		hasRoom: strings.TrimSpace(x.Room) != "",
	}
	for _, sp := range x.Speakers {
		if n := oneLine(sp.Name); n != "" {
			b.Speakers = append(b.Speakers, schedule.Person{Name: n, Affiliation: oneLine(sp.Affiliation)})
		}
	}
	abstract := x.Abstract
	if plain != nil {
		abstract = plain(abstract)
	}
	b.Abstract = strings.TrimSpace(text(abstract))
	for _, t := range x.Tags {
		if t = oneLine(t); t != "" {
			b.Tags = append(b.Tags, t)
		}
	}
	for _, l := range x.Links {
		if u := httpURL(l.URL); u != "" {
			b.Links = append(b.Links, schedule.Link{Title: cmp.Or(oneLine(l.Title), u), URL: u})
		}
	}
	b.Affiliations = slices.ContainsFunc(b.Speakers, func(p schedule.Person) bool { return p.Affiliation != "" })
	b.HasDetails = b.Subtitle != "" || b.Abstract != "" || b.URL != "" || len(b.Links) > 0 || len(b.Tags) > 0 ||
		b.Language != "" || b.Affiliations
	if x.Timed() {
		b.Timed = true
		b.start, b.end = x.Start.In(loc), x.End.In(loc)
		if b.end.Before(b.start) { // only with --force: shown as it is, drawn as a point
			b.end = b.start
		}
		b.Start, b.StartISO = b.start.Format("15:04"), isoTime(b.start)
		b.End, b.EndISO = x.End.In(loc).Format("15:04")+dayNote(b.start, x.End.In(loc)), isoTime(x.End.In(loc))
	}
	return b
}

func islandEvent(ev Event) islandEvt {
	e := islandEvt{UID: ev.UID, Start: utcStamp(ev.Start), Summary: ev.Summary, Location: ev.Location,
		Description: ev.Description, URL: ev.URL, Categories: ev.Categories, Status: ev.Status, Transparent: ev.Transparent}
	if !ev.End.IsZero() {
		e.End = utcStamp(ev.End)
	}
	return e
}

// layoutDay places the boxes of one day on its grid.
func layoutDay(d schedule.Date, bs []*box, loc *time.Location, roomOrder map[string]int) *day {
	first := bs[0].start
	for _, b := range bs {
		if b.start.Before(first) {
			first = b.start
		}
	}
	// The axis starts at the first session's local hour, and ends at the
	// last end, at most maxDayHours later.
	t0 := first.Truncate(time.Minute).Add(-time.Duration(first.Minute()) * time.Minute)
	limit := t0.Add(maxDayHours * time.Hour)
	tEnd := t0
	for _, b := range bs {
		if e := clamp(b.end, t0, limit); e.After(tEnd) {
			tEnd = e
		}
	}
	minutes := func(t time.Time) int {
		return int(clamp(t, t0, limit).Sub(t0) / time.Minute)
	}
	unit := 60
	for _, b := range bs {
		unit = gcd(unit, gcd(minutes(b.start), minutes(b.end)))
	}
	// At worst a row per minute: 1440 rows for the longest axis.
	unit = max(unit, 1)
	rows := max(1, (minutes(tEnd)+unit-1)/unit)
	for _, b := range bs {
		b.R0 = minutes(b.start)/unit + 2
		b.R1 = max(b.R0+1, (minutes(b.end)+unit-1)/unit+2)
		b.R1 = min(b.R1, rows+2)
		b.R0 = min(b.R0, b.R1-1)
	}

	dy := &day{
		ID:    "day-" + d.String(),
		Date:  d.String(),
		Title: time.Date(d.Year, d.Month, d.Day, 12, 0, 0, 0, time.UTC).Format("Monday 2 January 2006"),
		Rows:  rows,
		Unit:  unit,
	}
	for h := t0; h.Before(tEnd) || h.Equal(t0); h = h.Add(time.Hour) {
		dy.Hours = append(dy.Hours, hour{Row: minutes(h)/unit + 2, Label: h.In(loc).Format("15:04"), DateTime: isoTime(h.In(loc))})
	}

	// Rooms in RoomOrder; the sessions without a room form one group.
	groups := map[string]*room{}
	var rooms []*room
	var roomless *room
	for _, b := range bs {
		if !b.hasRoom {
			if roomless == nil {
				roomless = &room{Name: "All rooms"}
			}
			roomless.Sessions = append(roomless.Sessions, b)
			continue
		}
		r, ok := groups[b.roomKey]
		if !ok {
			r = &room{Name: b.Room}
			groups[b.roomKey] = r
			rooms = append(rooms, r)
		}
		r.Sessions = append(r.Sessions, b)
	}
	slices.SortStableFunc(rooms, func(a, b *room) int {
		return cmp.Compare(roomOrder[a.Sessions[0].roomKey], roomOrder[b.Sessions[0].roomKey])
	})
	byTime := func(a, b *box) int {
		return cmp.Or(cmp.Compare(a.R0, b.R0), cmp.Compare(a.R1, b.R1), cmp.Compare(a.first, b.first))
	}
	for _, r := range rooms {
		slices.SortStableFunc(r.Sessions, byTime)
	}
	if roomless != nil {
		slices.SortStableFunc(roomless.Sessions, byTime)
		// The sessions without a room span the room columns when none of
		// them overlaps a session in a room, or another of them.
		roomless.Spanning = len(rooms) > 0 && !overlapsAny(roomless.Sessions, roomless.Sessions)
		for _, r := range rooms {
			if roomless.Spanning && overlapsAny(roomless.Sessions, r.Sessions) {
				roomless.Spanning = false
			}
		}
		rooms = append([]*room{roomless}, rooms...)
	}
	col := 2
	for _, r := range rooms {
		r.Col = col
		if r.Spanning {
			for _, b := range r.Sessions {
				b.Col, b.Span = 2, true
			}
			continue
		}
		r.Lanes = lanes(r.Sessions)
		for _, b := range r.Sessions {
			b.Col = col + b.Lane
		}
		col += r.Lanes
	}
	dy.Cols = col - 2
	for _, r := range rooms {
		if r.Spanning {
			r.Lanes = dy.Cols
		}
	}
	dy.Rooms = rooms
	dy.Wide = dy.Cols > 6
	return dy
}

// clamp returns t within [lo, hi].
func clamp(t, lo, hi time.Time) time.Time {
	switch {
	case t.Before(lo):
		return lo
	case t.After(hi):
		return hi
	}
	return t
}

// lanes assigns each box (sorted by rows) the first lane free at its start
// and returns the number of lanes: 1 unless boxes overlap.
func lanes(bs []*box) int {
	var ends []int // per lane, the row after its last box
	for _, b := range bs {
		lane := slices.IndexFunc(ends, func(e int) bool { return e <= b.R0 })
		if lane < 0 {
			lane = len(ends)
			ends = append(ends, 0)
		}
		b.Lane = lane
		ends[lane] = b.R1
	}
	return len(ends)
}

// overlapsAny reports whether a box of as shares a row with a different box
// of bs.
func overlapsAny(as, bs []*box) bool {
	for _, a := range as {
		for _, b := range bs {
			if a != b && a.R0 < b.R1 && b.R0 < a.R1 {
				return true
			}
		}
	}
	return false
}

func gcd(a, b int) int {
	for b != 0 {
		a, b = b, a%b
	}
	return a
}

// trackColours gives each track of s a colour class, in track order,
// repeating after ten.
func trackColours(s *schedule.Schedule) map[*schedule.Track]string {
	out := make(map[*schedule.Track]string, len(s.Tracks))
	for i, t := range s.Tracks {
		out[t] = fmt.Sprintf("c%d", i%10)
	}
	return out
}

// zoneText names the conference zone with the abbreviations and offsets its
// sessions' times have: "Europe/Berlin (CET, UTC+01:00; CEST, UTC+02:00)".
func zoneText(loc *time.Location, bs []*box) string {
	var seen []string
	for _, b := range bs {
		if !b.Timed {
			continue
		}
		for _, t := range []time.Time{b.start, b.end} {
			name, off := t.Zone()
			o := fmt.Sprintf("UTC%s%02d:%02d", sign(off), abs(off)/3600, abs(off)%3600/60)
			if isLetters(name) {
				o = name + ", " + o
			}
			if !slices.Contains(seen, o) {
				seen = append(seen, o)
			}
		}
	}
	if len(seen) == 0 {
		return loc.String()
	}
	return loc.String() + " (" + strings.Join(seen, "; ") + ")"
}

func sign(off int) string {
	if off < 0 {
		return "\u2212"
	}
	return "+"
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

func isLetters(s string) bool {
	return s != "" && !strings.ContainsFunc(s, func(r rune) bool { return (r < 'A' || r > 'Z') && (r < 'a' || r > 'z') })
}

// isoTime is a valid global date and time string (HTML Living Standard
// §2.3.5.8) for a <time datetime>: local time with its offset.
func isoTime(t time.Time) string { return t.Format("2006-01-02T15:04Z07:00") }

// dayNote is " (+1 day)" when b falls on a later local date than a.
func dayNote(a, b time.Time) string {
	ya, ma, da := a.Date()
	yb, mb, db := b.Date()
	n := int(time.Date(yb, mb, db, 0, 0, 0, 0, time.UTC).Sub(time.Date(ya, ma, da, 0, 0, 0, 0, time.UTC)) / (24 * time.Hour))
	switch {
	case n == 1:
		return " (+1 day)"
	case n > 1:
		return fmt.Sprintf(" (+%d days)", n)
	}
	return ""
}

// httpURL returns u when it is an absolute http or https URL, else "":
// nothing else is linked (no javascript:, no data:).
func httpURL(u string) string {
	u = strings.TrimSpace(u)
	p, err := url.Parse(u)
	if err != nil || (p.Scheme != "http" && p.Scheme != "https") || p.Host == "" {
		return ""
	}
	return u
}

var bcp47 = lazyregexp.New(`^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$`)

// langTag returns a session's language as a lang attribute value, or "" when
// it is not a BCP 47 tag.
func langTag(s string) string {
	s = strings.TrimSpace(s)
	if bcp47.MatchString(s) {
		return s
	}
	return ""
}

// oneLine puts s on one line: white-space runs become one space, control
// characters are dropped (see text).
func oneLine(s string) string { return strings.Join(strings.Fields(text(s)), " ") }

// text drops the characters the HTML Living Standard makes parse errors in
// text (§13.2.2: control characters other than white space, U+0000
// included) and turns CRLF, CR and the Unicode line and paragraph
// separators into LF; html/template escapes the rest.
func text(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\r' || r == '\u2028' || r == '\u2029':
			return '\n'
		case r == '\n' || r == '\t':
			return r
		case r < ' ' || r >= 0x7f && r < 0xa0:
			return -1
		}
		return r
	}, s)
}

var kinds = map[string]string{
	"keynote": "Keynote", "workshop": "Workshop", "panel": "Panel", "break": "Break",
	"open-space": "Open space",
}

func kindLabel(t string) string { return kinds[t] }

func statusLabel(s string) string {
	switch s {
	case "cancelled":
		return "Cancelled"
	case "tentative":
		return "Tentative"
	}
	return ""
}
