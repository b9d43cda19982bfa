package ics

import (
	"bufio"
	"cmp"
	"fmt"
	"github.com/schedkit/schedkit/internal/uuid"
	"io"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	ical "github.com/arran4/golang-ical"
	"github.com/schedkit/schedkit/schedule"
)

// DefaultRefresh is the polling interval a feed suggests to subscribers
// (REFRESH-INTERVAL, X-PUBLISHED-TTL) when Options.Refresh is zero.
const DefaultRefresh = time.Hour

// Revision is what a feed says about the version of one event: its UID,
// SEQUENCE and the time of its last change (LAST-MODIFIED and DTSTAMP).
type Revision struct {
	UID      string
	Sequence int
	Modified time.Time
}

// Options controls one feed.
type Options struct {
	// Version is schedkit's version, written into PRODID.
	Version string
	// Name is the calendar name (X-WR-CALNAME and RFC 7986 NAME); empty
	// means the conference name.
	Name string
	// Refresh is the suggested polling interval; zero means DefaultRefresh.
	Refresh time.Duration
	// Stamp is the LAST-MODIFIED and DTSTAMP of events without a Revision;
	// zero means DefaultStamp of the schedule.
	Stamp time.Time
	// Revisions gives UID, SEQUENCE and modification time per session, as
	// kept by a State. A session it does not list gets the UID it was
	// read with, else UID(conference, session) (the n-th use of a repeated
	// id its own UID, as State.Update gives it), SEQUENCE 0 and Stamp; nil
	// means no session is listed.
	Revisions map[*schedule.Session]Revision
}

// uidSpace is the name space of the UUIDs (RFC 9562 §5.5) made by UID. It is
// itself the version 5 UUID of the URL "https://schedkit.dev/ns/session" in
// the URL name space, and must never change: it is part of every UID.
var uidSpace = uuid.V5(uuid.URLNamespace, "https://schedkit.dev/ns/session")

// UID returns the UID of a session: the name-based (SHA-1, version 5) UUID
// of the conference id and the session id, followed by "@schedkit". The
// same session of the same conference gets the same UID in every feed and
// every export, and no UID carries the ids themselves (RFC 7986 §5.3 asks
// UIDs not to carry identifying data). Changing the conference id or a
// session id changes the UID: calendars then see a new event.
func UID(conferenceID, sessionID string) string {
	return uuid.Format(uuid.V5(uidSpace, conferenceID+"\x00"+sessionID)) + "@schedkit"
}

// DefaultStamp is the modification time of events when neither a state file
// nor SOURCE_DATE_EPOCH gives one: the earliest session start of the
// schedule, in UTC, or the Unix epoch when no session is timed. It depends
// on the schedule only, so the same input always gives the same bytes.
func DefaultStamp(s *schedule.Schedule) time.Time {
	var first time.Time
	for _, ss := range s.Sessions {
		if ss.Timed() && (first.IsZero() || ss.Start.Before(first)) {
			first = ss.Start
		}
	}
	if first.IsZero() {
		return time.Unix(0, 0).UTC()
	}
	return first.UTC().Truncate(time.Second)
}

// Encode writes the sessions as one feed. Sessions are written in
// schedule.SortSessions order; untimed ones are left out.
//
// The calendar's header and VTIMEZONE are golang-ical's; the events are
// written by renderer.event, byte for byte as golang-ical would write them
// (TestEncodeSameAsGolangIcal), without building them in memory first: that
// took 75% of the time of a feed of 100,000 events. A large feed is
// rendered on every core (see writeEvents), to the same bytes.
func Encode(w io.Writer, s *schedule.Schedule, sessions []*schedule.Session, opt Options) error {
	return encodeOn(w, s, sessions, opt, defaultWorkers())
}

// encodeOn is Encode rendering on up to workers goroutines.
func encodeOn(w io.Writer, s *schedule.Schedule, sessions []*schedule.Session, opt Options, workers int) error {
	f, err := newFeed(s, sessions, opt)
	if err != nil {
		return err
	}
	head, err := header(f.cal)
	if err != nil {
		return err
	}
	bw := bufio.NewWriterSize(w, 1<<16)
	bw.Write(head)
	if err := f.writeEvents(bw, workers); err != nil {
		return err
	}
	bw.WriteString("END:VCALENDAR\r\n")
	return bw.Flush()
}

// Calendar builds the feed of the sessions without serializing it.
func Calendar(s *schedule.Schedule, sessions []*schedule.Session, opt Options) (*ical.Calendar, error) {
	f, err := newFeed(s, sessions, opt)
	if err != nil {
		return nil, err
	}
	for _, x := range f.sessions {
		rev, ok := f.revisions[x]
		if !ok {
			// State.Update keys its records by the same UIDs.
			rev = Revision{UID: sessionUID(s, x, f.repeat[x]), Modified: f.stamp}
		}
		addEvent(f.cal, eventOf(x, rev.UID), rev, f.loc, f.local, f.org)
	}
	return f.cal, nil
}

// feed is what is the same for every event of one feed: its calendar
// without events (the header), its sessions, and what their events are
// made with.
type feed struct {
	s         *schedule.Schedule
	cal       *ical.Calendar
	sessions  []*schedule.Session // the timed ones, in SortSessions order
	revisions map[*schedule.Session]Revision
	repeat    map[*schedule.Session]int // see repeats
	stamp     time.Time                 // Modified of an event without a revision
	loc       *time.Location
	local     bool                // times in loc with TZID, where unambiguous
	tzid      string              // ";TZID=loc:" as a DTSTART line has it
	org       *schedule.Organizer // with an address, else nil
	organizer []byte              // the folded ORGANIZER line of org, nil without
}

// newFeed makes the feed of the sessions: the calendar's properties and
// VTIMEZONE, and what each event needs.
func newFeed(s *schedule.Schedule, sessions []*schedule.Session, opt Options) (*feed, error) {
	loc := s.Loc()
	refresh := opt.Refresh
	if refresh <= 0 {
		refresh = DefaultRefresh
	}
	name := opt.Name
	if name == "" {
		name = s.Conference.Name
	}
	name = guardQuotes(Text(name))
	if name == "" {
		name = "schedule"
	}
	version := opt.Version
	if version == "" {
		version = "devel"
	}
	stamp := opt.Stamp
	if stamp.IsZero() {
		stamp = DefaultStamp(s)
	}
	ss := slices.Clone(sessions)
	ss = slices.DeleteFunc(ss, func(x *schedule.Session) bool { return !x.Timed() })
	schedule.SortSessions(ss)

	cal := ical.NewCalendar()
	cal.SetProductId("-//schedkit//schedkit " + paramSafe(version) + "//EN")
	cal.SetCalscale("GREGORIAN")
	org, line := eventOrganizer(s) // with an address: METHOD:PUBLISH and every event's ORGANIZER
	var organizer []byte
	if org != nil {
		cal.SetMethod(ical.MethodPublish)
		organizer = appendFolded(nil, []byte(line))
	}
	cal.SetName(name) // NAME (RFC 7986 §5.1) and X-WR-CALNAME
	dur := isoDuration(refresh)
	cal.SetRefreshInterval(dur)
	cal.SetXPublishedTTL(dur)

	// Local time with TZID needs a VTIMEZONE; write one only when an event
	// uses it (an unused VTIMEZONE is noise that validators flag).
	local := loc.String() != "UTC"
	useTZ := false
	if local {
		for _, x := range ss {
			if !schedule.Ambiguous(x.Start) || x.End.After(x.Start) && !schedule.Ambiguous(x.End) {
				useTZ = true
				break
			}
		}
	}
	if useTZ {
		from, to := yearSpan(s, loc)
		tz, err := VTimezone(loc, from, to)
		if err != nil {
			return nil, err
		}
		cal.SetXWRTimezone(loc.String())
		cal.AddVTimezone(tz)
	}
	return &feed{
		s: s, cal: cal, sessions: ss, revisions: opt.Revisions, repeat: repeats(s), stamp: stamp,
		loc: loc, local: local, tzid: string(appendParam([]byte(";TZID="), loc.String())) + ":",
		org: org, organizer: organizer,
	}, nil
}

// sessionUID is the UID of session x of s, the n-th repeat of its id (0
// for the first use; see repeats): the UID it was read with from a feed,
// else UID of the conference and session ids; a repeat gets a UID of its
// own.
func sessionUID(s *schedule.Schedule, x *schedule.Session, n int) string {
	switch {
	case n > 0:
		return UID(s.Conference.ID, x.ID+"\x00"+strconv.Itoa(n+1))
	case x.UID != "":
		return x.UID // read from a feed (import keeps it as uid:)
	}
	return UID(s.Conference.ID, x.ID)
}

// Event is what the VEVENT of a session says, its TEXT values cleaned by
// Text (and guarded against node-ical by guardQuotes) but not yet escaped: for writers of other formats that must describe
// a session as the feeds do (the timetable page of format/html builds an
// .ics of starred sessions from it, with the same UIDs).
type Event struct {
	UID string
	// Start is DTSTART; End is DTEND, zero when the event has none (a
	// session that does not end after it starts, --force only).
	Start, End                          time.Time
	Summary, Location, Description, URL string // "" when the VEVENT has none
	Categories                          []string
	Status                              string // CONFIRMED, TENTATIVE or CANCELLED
	Transparent                         bool   // TRANSP:TRANSPARENT (a break)
}

// Events returns the Event of every timed session of s as a feed written
// without a State describes it: the UIDs are those Encode gives when
// Options.Revisions does not list a session, also for a repeated id.
func Events(s *schedule.Schedule) map[*schedule.Session]Event {
	repeat := repeats(s)
	out := make(map[*schedule.Session]Event, len(s.Sessions))
	for _, x := range s.Sessions {
		if x.Timed() {
			out[x] = eventOf(x, sessionUID(s, x, repeat[x]))
		}
	}
	return out
}

// eventOf is the Event of the timed session x with the given UID.
func eventOf(x *schedule.Session, uid string) Event {
	// One place for text: the abstract, else the description.
	u := uriValue(x.URL)
	ev := Event{UID: uid, Start: x.Start, Summary: Text(x.Title), Location: Text(x.Room),
		Description: string(appendDescription(nil, x, x.Text(), u)), URL: u, Categories: categories(x),
		Status: string(status(x.Status)), Transparent: x.IsBreak()}
	if x.End.After(x.Start) { // else (only with --force) a zero-length event: DTEND must be later
		ev.End = x.End
	}
	if ev.Summary == "" {
		ev.Summary = cmp.Or(Text(x.ID), "(untitled)")
	}
	ev.Summary, ev.Location, ev.Description = guardQuotes(ev.Summary), guardQuotes(ev.Location), guardQuotes(ev.Description)
	for i, c := range ev.Categories {
		ev.Categories[i] = guardQuotes(c)
	}
	return ev
}

// repeats numbers the sessions of s whose id an earlier session (in file
// order) already has: 1 for the second use, 2 for the third. Only --force
// writes such a schedule (duplicate-id is an error); their events get the
// UID of "id\x00n" for the n-th use instead of sharing one, which clients
// would merge into one event, dropping talks. File order, not the feed's,
// so every feed gives a session the same UID.
func repeats(s *schedule.Schedule) map[*schedule.Session]int {
	seen := make(map[string]int, len(s.Sessions))
	var out map[*schedule.Session]int
	for _, x := range s.Sessions {
		if n := seen[x.ID]; n > 0 {
			if out == nil {
				out = map[*schedule.Session]int{}
			}
			out[x] = n
		}
		seen[x.ID]++
	}
	return out
}

// addEvent adds the VEVENT of ev: times in loc (local with TZID when local
// is set, see setTime), and ORGANIZER when org is not nil.
func addEvent(cal *ical.Calendar, e Event, rev Revision, loc *time.Location, local bool, org *schedule.Organizer) {
	ev := cal.AddEvent(e.UID)
	ev.SetDtStampTime(rev.Modified.UTC())
	ev.SetModifiedAt(rev.Modified.UTC())
	ev.SetSequence(rev.Sequence)
	setTime(ev, ical.ComponentPropertyDtStart, e.Start, loc, local)
	if !e.End.IsZero() {
		setTime(ev, ical.ComponentPropertyDtEnd, e.End, loc, local)
	}
	ev.SetSummary(e.Summary)
	if e.Location != "" {
		ev.SetLocation(e.Location)
	}
	if e.Description != "" {
		ev.SetDescription(e.Description)
	}
	if e.URL != "" {
		ev.SetURL(e.URL)
	}
	ev.SetStatus(ical.ObjectStatus(e.Status))
	if e.Transparent {
		ev.SetTimeTransparency(ical.TransparencyTransparent)
	}
	if org != nil {
		var params []ical.PropertyParameter
		if cn := paramSafe(org.Name); cn != "" {
			params = append(params, ical.WithCN(cn))
		}
		ev.SetOrganizer("mailto:"+org.Email, params...)
	}
	if len(e.Categories) > 0 {
		ev.Components = append(ev.Components, categoriesLine(e.Categories))
	}
}

// categoriesLine is the one CATEGORIES property of an event, its
// categories as a list (RFC 5545 §3.8.1.2, a TEXT list: commas between
// values, a comma inside one escaped as "\,"). One line rather than one
// CATEGORIES per category, which RFC 5545 allows too: khal shows no
// categories for several lines.
//
// golang-ical escapes every comma of a TEXT property, so it cannot write a
// list: addEvent adds the line to the VEVENT as a component of this type,
// which golang-ical serializes after the event's properties (so CATEGORIES
// is the VEVENT's last line), escaped by golang-ical's ToText and folded
// by golang-ical (see SerializeTo).
type categoriesLine []string

func (categoriesLine) UnknownPropertiesIANAProperties() []ical.IANAProperty { return nil }
func (categoriesLine) SubComponents() []ical.Component                      { return nil }

// SerializeTo writes the line as golang-ical writes a property: its value
// is folded as that of TZOFFSETTO, a property golang-ical does not escape
// whose name has as many octets as CATEGORIES and, like it, none of the
// characters golang-ical prefers to fold at.
func (c categoriesLine) SerializeTo(w io.Writer, cfg *ical.SerializationConfiguration) error {
	vs := make([]string, len(c))
	for i, v := range c {
		vs[i] = ical.ToText(v)
	}
	const foldAs = ical.PropertyTzoffsetto
	var b strings.Builder
	p := ical.BaseProperty{IANAToken: string(foldAs), Value: strings.Join(vs, ",")}
	if err := p.SerializeTo(&b, cfg); err != nil {
		return err
	}
	_, err := io.WriteString(w, string(ical.PropertyCategories)+b.String()[len(foldAs):])
	return err
}

// yearSpan returns the first and last year, in loc, of the timed sessions of
// the whole schedule, so that every feed of one export carries the same
// VTIMEZONE.
func yearSpan(s *schedule.Schedule, loc *time.Location) (from, to int) {
	for _, x := range s.Sessions {
		if !x.Timed() {
			continue
		}
		a, b := x.Start.In(loc).Year(), x.End.In(loc).Year()
		if from == 0 || a < from {
			from = a
		}
		if b > to {
			to = b
		}
	}
	if from == 0 {
		from, to = 1970, 1970
	}
	return from, to
}

// setTime writes DTSTART or DTEND: local time with TZID when the wall time
// names the instant uniquely, UTC otherwise (and always for a UTC schedule).
func setTime(ev *ical.VEvent, prop ical.ComponentProperty, t time.Time, loc *time.Location, local bool) {
	t = t.In(loc)
	if local && !schedule.Ambiguous(t) {
		ev.SetProperty(prop, t.Format("20060102T150405"), ical.WithTZID(loc.String()))
		return
	}
	ev.SetProperty(prop, t.UTC().Format("20060102T150405Z"))
}

func status(s string) ical.ObjectStatus {
	switch s {
	case schedule.StatusTentative:
		return ical.ObjectStatusTentative
	case schedule.StatusCancelled:
		return ical.ObjectStatusCancelled
	}
	return ical.ObjectStatusConfirmed
}

func categories(x *schedule.Session) []string {
	var out []string
	add := func(c string) {
		c = Text(strings.ReplaceAll(c, "\n", " "))
		if c != "" && !slices.Contains(out, c) {
			out = append(out, c)
		}
	}
	if !schedule.IsNoTrack(x.Track) {
		// The placeholder of sessions that had no track is not a category.
		add(x.TrackName())
	}
	for _, t := range x.Tags {
		add(t)
	}
	return out
}

// uriValue returns u as the value of a URL property (RFC 5545 §3.8.4.6: a
// URI, RFC 3986): the bytes a URI cannot hold (space and other control
// characters, non-ASCII, " < > \ ^ ` { | } and a % that starts no escape)
// are percent-encoded, so "https://example.org/a b" is written as
// ".../a%20b" rather than left out. It returns "" when u is not an
// absolute URI even so.
func uriValue(u string) string {
	u = strings.TrimSpace(u)
	i := 0
	for i < len(u) && !uriEscaped(u, i) {
		i++
	}
	if i == len(u) {
		return absURL(u) // the common case: nothing to escape, nothing copied
	}
	const hex = "0123456789ABCDEF"
	b := append(make([]byte, 0, len(u)+16), u[:i]...)
	for ; i < len(u); i++ {
		if c := u[i]; uriEscaped(u, i) {
			b = append(b, '%', hex[c>>4], hex[c&0xf])
		} else {
			b = append(b, c)
		}
	}
	return absURL(string(b))
}

// uriEscaped reports whether uriValue percent-encodes u[i].
func uriEscaped(u string, i int) bool {
	c := u[i]
	if c == '%' {
		return !(i+2 < len(u) && isHex(u[i+1]) && isHex(u[i+2]))
	}
	return c <= ' ' || c >= 0x7f || strings.IndexByte(`"<>\^`+"`"+`{|}`, c) >= 0
}

func isHex(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

// absURL returns u when it is an absolute URI (RFC 3986) fit for a URL
// property, else "".
func absURL(u string) string {
	u = strings.TrimSpace(u)
	if strings.IndexByte(u, ':') < 0 {
		// No scheme, so not absolute: what url.Parse would find, without
		// the URL it allocates (most sessions have no URL at all).
		return ""
	}
	return parsedAbsURL(u)
}

// parsedAbsURL is absURL for a trimmed u, decided by url.Parse.
func parsedAbsURL(u string) string {
	p, err := url.Parse(u)
	if err != nil || !p.IsAbs() || strings.ContainsFunc(u, func(r rune) bool { return r <= ' ' || r == 0x7f }) {
		return ""
	}
	if strings.Contains(u, "%") {
		return percentHex.Replace(u)
	}
	return u
}

// eventOrganizer returns the conference's organizer as every event of s
// shows it, and that ORGANIZER content line, unfolded; nil and "" when the
// organizer has no address an ORGANIZER can hold (a name alone is not
// written). The ics state records the line: a change of it changes every
// event.
func eventOrganizer(s *schedule.Schedule) (*schedule.Organizer, string) {
	o := s.Conference.Organizer
	if o == nil || o.Email == "" || strings.ContainsAny(o.Email, ":\r\n\t ") {
		return nil, ""
	}
	return o, string(propValue("ORGANIZER", "CN", paramSafe(o.Name), "mailto:"+o.Email))
}

// paramSafe makes a parameter value (CN) or PRODID part that golang-ical
// writes unchanged: control characters and the characters it would
// backslash-escape (, ; : " \ ') are removed, an apostrophe becomes ’.
func paramSafe(s string) string {
	s = strings.ReplaceAll(Text(s), "'", "’")
	s = strings.Map(func(r rune) rune {
		switch r {
		case ',', ';', ':', '"', '\\', '\n':
			return ' '
		}
		return r
	}, s)
	return strings.Join(strings.Fields(s), " ")
}

// isoDuration formats d as an RFC 5545 §3.3.6 duration (PT1H, PT15M, P1D…),
// to the second.
func isoDuration(d time.Duration) string {
	secs := int64(d / time.Second)
	if secs <= 0 {
		return "PT0S"
	}
	if secs%86400 == 0 {
		return fmt.Sprintf("P%dD", secs/86400)
	}
	var b strings.Builder
	b.WriteString("PT")
	if h := secs / 3600; h > 0 {
		fmt.Fprintf(&b, "%dH", h)
	}
	if m := secs / 60 % 60; m > 0 {
		fmt.Fprintf(&b, "%dM", m)
	}
	if sec := secs % 60; sec > 0 {
		fmt.Fprintf(&b, "%dS", sec)
	}
	return b.String()
}
