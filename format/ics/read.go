package ics

import (
	"bytes"
	"cmp"
	"fmt"
	"github.com/schedkit/schedkit/internal/slug"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"golang.org/x/text/encoding/charmap"

	"github.com/schedkit/schedkit/internal/lazyregexp"
	"github.com/schedkit/schedkit/schedule"
)

// -- content lines (RFC 5545 §3.1) --

// prop is one unfolded content line.
type prop struct {
	line   int // the physical line it starts on
	name   string
	params map[string][]string
	value  string // raw value, UTF-8, escapes not yet undone
}

func (p *prop) param(name string) string {
	if v := p.params[name]; len(v) > 0 {
		return v[0]
	}
	return ""
}

type component struct {
	name  string
	line  int
	props []*prop
	subs  []*component
}

func (c *component) first(name string) *prop {
	for _, p := range c.props {
		if p.name == name {
			return p
		}
	}
	return nil
}

func (c *component) all(name string) []*prop {
	var out []*prop
	for _, p := range c.props {
		if p.name == name {
			out = append(out, p)
		}
	}
	return out
}

type reader struct {
	file  string
	opt   schedule.LoadOptions
	diags []schedule.Diagnostic

	// unknown lists the TZIDs that name no zone loadTZID knows, in the
	// order of their first use, with that use.
	unknown []*prop
	// vtimezones maps the TZIDs that VTIMEZONEs define to their lines.
	vtimezones map[string]int
	// unknownLoc is the zone times with an unknown TZID are read in
	// (--timezone); nil when not given.
	unknownLoc *time.Location
	// noZone is set when the zone of some times cannot be determined:
	// Read then returns no schedule.
	noZone bool
}

func (r *reader) add(id string, line int, format string, args ...any) {
	r.diags = append(r.diags, schedule.Diag(id, r.pos(line), format, args...))
}

func (r *reader) pos(line int) schedule.Pos {
	if line == 0 {
		return schedule.Pos{File: r.file}
	}
	return schedule.Pos{File: r.file, Line: line, Column: 1}
}

// logical is an unfolded line as bytes and the physical line it starts on.
type logical struct {
	line int
	b    []byte
}

// unfold splits data into physical lines (CRLF or LF) and joins
// continuation lines, as bytes (RFC 5545 §3.1).
func (r *reader) unfold(data []byte) []logical {
	var out []logical
	n := 0
	for len(data) > 0 {
		n++
		var l []byte
		if i := bytes.IndexByte(data, '\n'); i >= 0 {
			l, data = data[:i], data[i+1:]
		} else {
			l, data = data, nil
		}
		l = bytes.TrimSuffix(l, []byte("\r"))
		if len(l) > 0 && (l[0] == ' ' || l[0] == '\t') {
			if len(out) == 0 {
				r.add(schedule.RuleSyntax, n, "the file starts with a continuation line (a line starting with a space)")
				continue
			}
			last := &out[len(out)-1]
			last.b = append(last.b, l[1:]...)
			continue
		}
		if len(bytes.TrimSpace(l)) == 0 {
			continue // blank lines are not allowed, but harmless
		}
		out = append(out, logical{line: n, b: append([]byte(nil), l...)})
	}
	return out
}

// parseLine splits a content line into name, parameters and value
// (RFC 5545 §3.1: name *(";" param) ":" value). Parameter values may be
// DQUOTEd; RFC 6868 ^-escapes are decoded.
func (r *reader) parseLine(l logical) (*prop, bool) {
	b := l.b
	i := 0
	for i < len(b) && (isNameByte(b[i])) {
		i++
	}
	if i == 0 || i == len(b) || (b[i] != ';' && b[i] != ':') {
		r.add(schedule.RuleSyntax, l.line, "not an iCalendar content line (NAME[;PARAM=VALUE]:VALUE): %.40q", b)
		return nil, false
	}
	p := &prop{line: l.line, name: strings.ToUpper(string(b[:i])), params: map[string][]string{}}
	for i < len(b) && b[i] == ';' {
		i++
		j := i
		for j < len(b) && isNameByte(b[j]) {
			j++
		}
		if j == i || j >= len(b) || b[j] != '=' {
			r.add(schedule.RuleSyntax, l.line, "%s: malformed parameter (want NAME=VALUE)", p.name)
			return nil, false
		}
		pname := strings.ToUpper(string(b[i:j]))
		i = j + 1
		for {
			var v string
			if i < len(b) && b[i] == '"' {
				k := bytes.IndexByte(b[i+1:], '"')
				if k < 0 {
					r.add(schedule.RuleSyntax, l.line, "%s: unterminated quoted parameter %s", p.name, pname)
					return nil, false
				}
				v = string(b[i+1 : i+1+k])
				i += k + 2
			} else {
				k := i
				for k < len(b) && b[k] != ';' && b[k] != ':' && b[k] != ',' {
					k++
				}
				v = string(b[i:k])
				i = k
			}
			p.params[pname] = append(p.params[pname], caret(v))
			if i < len(b) && b[i] == ',' {
				i++
				continue
			}
			break
		}
	}
	if i >= len(b) || b[i] != ':' {
		r.add(schedule.RuleSyntax, l.line, "%s: missing ':' before the value", p.name)
		return nil, false
	}
	val := b[i+1:]
	switch cs := strings.ToUpper(p.param("CHARSET")); cs {
	case "ISO-8859-1", "LATIN1", "ISO_8859-1":
		val, _ = charmap.ISO8859_1.NewDecoder().Bytes(val)
	case "WINDOWS-1252", "CP1252":
		val, _ = charmap.Windows1252.NewDecoder().Bytes(val)
	}
	if at := schedule.InvalidUTF8(val); at >= 0 {
		r.add(schedule.RuleSyntax, l.line, "%s: invalid UTF-8 (byte 0x%02x) in the value; it is replaced by U+FFFD", p.name, val[at])
		val = bytes.ToValidUTF8(val, []byte("\uFFFD"))
	}
	p.value = string(val)
	return p, true
}

func isNameByte(c byte) bool {
	return c == '-' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9'
}

// caret decodes RFC 6868 parameter escapes: ^n, ^' and ^^.
func caret(s string) string {
	if !strings.Contains(s, "^") {
		return s
	}
	return strings.NewReplacer("^n", "\n", "^N", "\n", "^'", `"`, "^^", "^").Replace(s)
}

// parse builds the component tree.
func (r *reader) parse(data []byte) []*component {
	var roots []*component
	var stack []*component
	for _, l := range r.unfold(data) {
		p, ok := r.parseLine(l)
		if !ok {
			continue
		}
		switch p.name {
		case "BEGIN":
			c := &component{name: strings.ToUpper(strings.TrimSpace(p.value)), line: p.line}
			if len(stack) == 0 {
				if c.name != "VCALENDAR" {
					r.add(schedule.RuleSyntax, p.line, "BEGIN:%s outside a VCALENDAR", c.name)
				}
				roots = append(roots, c)
			} else {
				top := stack[len(stack)-1]
				top.subs = append(top.subs, c)
			}
			stack = append(stack, c)
		case "END":
			name := strings.ToUpper(strings.TrimSpace(p.value))
			if len(stack) == 0 {
				r.add(schedule.RuleSyntax, p.line, "END:%s without BEGIN:%s", name, name)
				continue
			}
			top := stack[len(stack)-1]
			if top.name != name {
				// Close up to the matching BEGIN, if any.
				k := slices.IndexFunc(stack, func(c *component) bool { return c.name == name })
				if k < 0 {
					r.add(schedule.RuleSyntax, p.line, "END:%s does not match BEGIN:%s (line %d)", name, top.name, top.line)
					continue
				}
				r.add(schedule.RuleSyntax, p.line, "END:%s closes BEGIN:%s (line %d), which has no END", name, top.name, top.line)
				stack = stack[:k+1]
			}
			stack = stack[:len(stack)-1]
		default:
			if len(stack) == 0 {
				r.add(schedule.RuleSyntax, p.line, "%s outside BEGIN:VCALENDAR … END:VCALENDAR", p.name)
				continue
			}
			top := stack[len(stack)-1]
			top.props = append(top.props, p)
		}
	}
	for _, c := range stack {
		r.add(schedule.RuleSyntax, c.line, "BEGIN:%s has no END:%s", c.name, c.name)
	}
	return roots
}

// -- values --

// splitList splits a TEXT list value at unescaped commas (RFC 5545 §3.1.1).
func splitList(s string) []string {
	var out []string
	start := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\\':
			i++
		case ',':
			out = append(out, s[start:i])
			start = i + 1
		}
	}
	return append(out, s[start:])
}

// when is a parsed DATE or DATE-TIME value.
type when struct {
	date    schedule.Date
	min     int  // minutes after midnight
	sec     int  // seconds
	isDate  bool // VALUE=DATE
	utc     bool // ends in Z
	tzid    string
	loc     *time.Location // set when tzid names a zone
	unknown bool           // tzid names no zone loadTZID knows
	present bool
}

var dtRE = lazyregexp.New(`^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})(Z?))?$`)

func (r *reader) parseWhen(p *prop) (when, bool) {
	v := strings.TrimSpace(p.value)
	m := dtRE.FindStringSubmatch(v)
	if m == nil {
		r.add(schedule.RuleBadValue, p.line, "%s %q is not a DATE (YYYYMMDD) or DATE-TIME (YYYYMMDDTHHMMSS[Z])", p.name, v)
		return when{}, false
	}
	y, _ := strconv.Atoi(m[1])
	mo, _ := strconv.Atoi(m[2])
	d, _ := strconv.Atoi(m[3])
	w := when{date: schedule.Date{Year: y, Month: time.Month(mo), Day: d}, present: true}
	if t := time.Date(y, time.Month(mo), d, 12, 0, 0, 0, time.UTC); t.Day() != d || t.Month() != time.Month(mo) || mo == 0 {
		r.add(schedule.RuleBadValue, p.line, "%s %q is not a valid date", p.name, v)
		return when{}, false
	}
	if m[4] == "" {
		w.isDate = true
		return w, true
	}
	if strings.EqualFold(p.param("VALUE"), "DATE") {
		r.add(schedule.RuleBadValue, p.line, "%s has VALUE=DATE but a DATE-TIME value %q", p.name, v)
		return when{}, false
	}
	h, _ := strconv.Atoi(m[4])
	mi, _ := strconv.Atoi(m[5])
	s, _ := strconv.Atoi(m[6])
	if h > 23 || mi > 59 || s > 60 {
		r.add(schedule.RuleBadValue, p.line, "%s %q is not a valid time of day", p.name, v)
		return when{}, false
	}
	w.min, w.sec, w.utc = h*60+mi, min(s, 59), m[7] == "Z"
	w.tzid = strings.TrimSpace(p.param("TZID"))
	if w.tzid != "" && w.utc {
		r.add(schedule.RuleZoneMismatch, p.line, "%s has TZID=%s on a UTC time (ending in Z), which RFC 5545 §3.3.5 forbids; read as UTC", p.name, w.tzid)
		w.tzid = ""
	}
	if w.tzid != "" {
		loc, name, err := loadTZID(w.tzid)
		if err != nil {
			// Reported by zone, which knows whether --timezone says
			// what the TZID stands for.
			w.unknown = true
			if !slices.ContainsFunc(r.unknown, func(q *prop) bool { return strings.TrimSpace(q.param("TZID")) == w.tzid }) {
				r.unknown = append(r.unknown, p)
			}
			return w, true
		}
		w.loc, w.tzid = loc, name
	}
	return w, true
}

// windowsZones maps the Windows zone names Outlook and Exchange write as
// TZID to IANA names: the "001" (main territory) entries of CLDR's
// windowsZones.xml for the zones conferences are most often held in.
var windowsZones = map[string]string{
	"UTC":                             "UTC",
	"GMT Standard Time":               "Europe/London",
	"Greenwich Standard Time":         "Atlantic/Reykjavik",
	"W. Europe Standard Time":         "Europe/Berlin",
	"Central Europe Standard Time":    "Europe/Budapest",
	"Central European Standard Time":  "Europe/Warsaw",
	"Romance Standard Time":           "Europe/Paris",
	"E. Europe Standard Time":         "Europe/Chisinau",
	"FLE Standard Time":               "Europe/Kiev",
	"GTB Standard Time":               "Europe/Bucharest",
	"Turkey Standard Time":            "Europe/Istanbul",
	"Russian Standard Time":           "Europe/Moscow",
	"Israel Standard Time":            "Asia/Jerusalem",
	"Egypt Standard Time":             "Africa/Cairo",
	"South Africa Standard Time":      "Africa/Johannesburg",
	"Arabian Standard Time":           "Asia/Dubai",
	"India Standard Time":             "Asia/Calcutta",
	"SE Asia Standard Time":           "Asia/Bangkok",
	"Singapore Standard Time":         "Asia/Singapore",
	"China Standard Time":             "Asia/Shanghai",
	"Taipei Standard Time":            "Asia/Taipei",
	"Korea Standard Time":             "Asia/Seoul",
	"Tokyo Standard Time":             "Asia/Tokyo",
	"W. Australia Standard Time":      "Australia/Perth",
	"AUS Eastern Standard Time":       "Australia/Sydney",
	"E. Australia Standard Time":      "Australia/Brisbane",
	"New Zealand Standard Time":       "Pacific/Auckland",
	"Hawaiian Standard Time":          "Pacific/Honolulu",
	"Alaskan Standard Time":           "America/Anchorage",
	"Pacific Standard Time":           "America/Los_Angeles",
	"US Mountain Standard Time":       "America/Phoenix",
	"Mountain Standard Time":          "America/Denver",
	"Central Standard Time":           "America/Chicago",
	"Central Standard Time (Mexico)":  "America/Mexico_City",
	"Canada Central Standard Time":    "America/Regina",
	"Eastern Standard Time":           "America/New_York",
	"Atlantic Standard Time":          "America/Halifax",
	"E. South America Standard Time":  "America/Sao_Paulo",
	"Argentina Standard Time":         "America/Buenos_Aires",
	"SA Pacific Standard Time":        "America/Bogota",
	"Pacific SA Standard Time":        "America/Santiago",
	"Newfoundland Standard Time":      "America/St_Johns",
	"Central America Standard Time":   "America/Guatemala",
	"Venezuela Standard Time":         "America/Caracas",
	"W. Central Africa Standard Time": "Africa/Lagos",
	"E. Africa Standard Time":         "Africa/Nairobi",
	"Morocco Standard Time":           "Africa/Casablanca",
}

// loadTZID loads an IANA zone, also from a prefixed TZID such as
// "/mozilla.org/20070129_1/Europe/Berlin" or a Windows zone name such as
// "W. Europe Standard Time" (see windowsZones).
func loadTZID(tzid string) (*time.Location, string, error) {
	loc, err := schedule.LoadLocation(tzid)
	if err == nil {
		return loc, tzid, nil
	}
	if name, ok := windowsZones[tzid]; ok {
		if l, e := schedule.LoadLocation(name); e == nil {
			return l, name, nil
		}
	}
	for i := 0; i < len(tzid); i++ {
		if tzid[i] == '/' && i+1 < len(tzid) {
			name := tzid[i+1:]
			if !strings.Contains(name, "/") {
				break
			}
			if l, e := schedule.LoadLocation(name); e == nil {
				return l, name, nil
			}
		}
	}
	return nil, "", err
}

var durRE = lazyregexp.New(`^([+-])?P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$`)

// parseDuration parses an RFC 5545 §3.3.6 duration into nominal days and
// an exact duration.
func parseDuration(s string) (days int, d time.Duration, ok bool) {
	s = strings.TrimSpace(s)
	m := durRE.FindStringSubmatch(s)
	if m == nil || m[1] == "-" || s == "P" || strings.HasSuffix(s, "T") {
		return 0, 0, false
	}
	n := func(k int) int {
		v, _ := strconv.Atoi(m[k])
		return v
	}
	if n(2) > 10000 || n(3) > 100000 || n(4) > 1000000 || n(5) > 100000000 || n(6) > 1000000000 {
		return 0, 0, false
	}
	days = 7*n(2) + n(3)
	d = time.Duration(n(4))*time.Hour + time.Duration(n(5))*time.Minute + time.Duration(n(6))*time.Second
	return days, d, true
}

// -- events to sessions --

// event is a VEVENT with its times parsed, before the zone is known.
type event struct {
	c            *component
	start, end   when
	startP, endP *prop
	durP         *prop
	durDays      int
	dur          time.Duration
	hasDur       bool
	rid          when  // RECURRENCE-ID
	ridP         *prop // nil: not an override
	replaces     bool  // an override that replaces its master (see overrides)
}

func (ev *event) uid() string {
	if p := ev.c.first("UID"); p != nil {
		return strings.TrimSpace(p.value)
	}
	return ""
}

// Read reads an .ics file. It reports every problem as a diagnostic and
// returns nil when the data holds no VCALENDAR at all, and when the zone of
// the schedule or of some of its times cannot be determined (see zone): a
// schedule in a zone made up would put every session at the wrong time.
func Read(file string, data []byte, opt schedule.LoadOptions) (*schedule.Schedule, []schedule.Diagnostic) {
	r := &reader{file: file, opt: opt}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if i := bytes.IndexByte(data, 0); i >= 0 {
		r.add(schedule.RuleSyntax, 1+bytes.Count(data[:i], []byte("\n")), "NUL byte: this is a binary file, not iCalendar")
		return nil, r.diags
	}
	roots := r.parse(data)
	var cals []*component
	for _, c := range roots {
		if c.name == "VCALENDAR" {
			cals = append(cals, c)
		}
	}
	if len(cals) == 0 {
		r.add(schedule.RuleSyntax, 1, "no BEGIN:VCALENDAR found: this is not an iCalendar file")
		return nil, r.diags
	}
	sc := r.build(cals)
	if r.noZone {
		return nil, r.diags
	}
	return sc, r.diags
}

func (r *reader) build(cals []*component) *schedule.Schedule {
	sc := &schedule.Schedule{File: r.file, Policy: schedule.DefaultPolicy(), Location: time.UTC}
	var name, xwrtz string
	var xwrtzLine int
	var events []*event
	for _, cal := range cals {
		for _, k := range []string{"X-WR-CALNAME", "NAME"} {
			if p := cal.first(k); p != nil && name == "" {
				name = unescapeText(p.value)
			}
		}
		if p := cal.first("X-WR-TIMEZONE"); p != nil && xwrtz == "" {
			xwrtz, xwrtzLine = strings.TrimSpace(unescapeText(p.value)), p.line
		}
		for _, c := range cal.subs {
			switch c.name {
			case "VEVENT":
				events = append(events, r.event(c))
			case "VTIMEZONE":
				if p := c.first("TZID"); p != nil {
					if r.vtimezones == nil {
						r.vtimezones = map[string]int{}
					}
					if id := strings.TrimSpace(p.value); r.vtimezones[id] == 0 {
						r.vtimezones[id] = c.line
					}
				}
			}
		}
	}
	if name == "" {
		name = strings.TrimSuffix(filepath.Base(r.file), filepath.Ext(r.file))
		if name == "" || name == "." || strings.HasPrefix(name, "<") {
			name = "Calendar"
		}
	}
	sc.Conference = schedule.Conference{Name: name, ID: cmp.Or(slug.Make(name), "calendar"), Pos: r.pos(cals[0].line)}
	r.zone(sc, events, xwrtz, xwrtzLine)
	events = r.overrides(events, sc.Location)

	tracks := map[string]*schedule.Track{}
	trackIDs := map[string]bool{}
	track := func(name string, line int) *schedule.Track {
		key := schedule.NameKey(name)
		if t, ok := tracks[key]; ok {
			return t
		}
		id := slug.Unique(trackIDs, cmp.Or(slug.Make(name), "track"))
		t := &schedule.Track{ID: id, Name: name, Pos: r.pos(line), IDPos: r.pos(line)}
		tracks[key] = t
		sc.AddTrack(t)
		return t
	}
	for _, ev := range events {
		s, trackName, trackLine := r.session(sc, ev)
		switch {
		case trackName != "":
		case s.Room != "":
			trackName, trackLine = s.Room, s.At("room").Line
		default:
			trackName, trackLine = name, cals[0].line
		}
		t := track(trackName, trackLine)
		if s.ID == "" {
			s.ID, s.ImplicitID = t.ID+"-"+cmp.Or(slug.Make(s.Title), "event"), true
			r.add(schedule.RuleImplicitId, ev.c.line, "event %q has no UID; using id %q, which changes when the title does", s.Title, s.ID)
		}
		sc.AddSession(t, s)
	}
	for _, t := range sc.Tracks {
		rooms, dates := map[string]bool{}, map[string]bool{}
		for _, s := range t.Sessions {
			rooms[s.Room] = true
			if s.Timed() {
				dates[s.Start.Format("2006-01-02")] = true
			} else {
				dates[""] = true
			}
		}
		if len(rooms) == 1 {
			t.Room = t.Sessions[0].Room
		}
		if len(dates) == 1 && !dates[""] && len(t.Sessions) > 0 {
			t.Date = t.Sessions[0].Start.Format("2006-01-02")
		}
	}
	return sc
}

func (r *reader) event(c *component) *event {
	ev := &event{c: c}
	if p := c.first("DTSTART"); p != nil {
		ev.startP = p
		ev.start, _ = r.parseWhen(p)
	} else {
		r.add(schedule.RuleRequired, c.line, "VEVENT has no DTSTART (RFC 5545 §3.6.1)")
	}
	if p := c.first("DTEND"); p != nil {
		ev.endP = p
		ev.end, _ = r.parseWhen(p)
	}
	if p := c.first("DURATION"); p != nil {
		ev.durP = p
		if days, d, ok := parseDuration(p.value); ok {
			ev.durDays, ev.dur, ev.hasDur = days, d, true
		} else {
			r.add(schedule.RuleBadValue, p.line, "DURATION %q is not an RFC 5545 duration such as PT50M, PT1H30M or P1D", strings.TrimSpace(p.value))
		}
	}
	for _, k := range []string{"RRULE", "RDATE"} {
		if p := c.first(k); p != nil {
			r.add(schedule.RuleBadValue, p.line, "%s: recurring events are not expanded; only the first occurrence is read", k)
		}
	}
	if p := c.first("RECURRENCE-ID"); p != nil {
		ev.ridP = p
		ev.rid, _ = r.parseWhen(p)
	}
	return ev
}

// overrides applies RECURRENCE-ID overrides (RFC 5545 §3.8.4.4): a VEVENT
// with the UID of another and a RECURRENCE-ID that is that one's DTSTART
// replaces it, in its place, as calendar clients show only the override.
// An override of another instance (of an RRULE, which is not expanded)
// stays an event of its own, with the recurrence time in its id.
func (r *reader) overrides(events []*event, loc *time.Location) []*event {
	masters := map[string]int{} // UID → index of its event without RECURRENCE-ID
	for i, ev := range events {
		if uid := ev.uid(); uid != "" && ev.ridP == nil {
			if _, ok := masters[uid]; !ok {
				masters[uid] = i
			}
		}
	}
	out := slices.Clone(events)
	replaced := map[int]bool{}
	for i, ev := range events {
		m, ok := masters[ev.uid()]
		if ev.ridP == nil || !ev.rid.present || !ok || !events[m].start.present {
			continue
		}
		rid, ok1 := r.instant(ev.rid, nil, loc, "")
		start, ok2 := r.instant(events[m].start, nil, loc, "")
		if !ok1 || !ok2 || !rid.Equal(start) {
			continue
		}
		ev.replaces = true
		if !replaced[m] {
			// A second override of the same instance keeps its place;
			// Validate reports the two as a duplicate-id.
			replaced[m] = true
			out[m], out[i] = ev, nil
		}
	}
	return slices.DeleteFunc(out, func(ev *event) bool { return ev == nil })
}

// zone picks the schedule's zone: X-WR-TIMEZONE, else the TZID all events
// share, else --timezone.
func (r *reader) zone(sc *schedule.Schedule, events []*event, xwrtz string, xline int) {
	var tzids []string
	count := map[string]int{}
	firstLine := map[string]int{}
	for _, ev := range events {
		for _, w := range []struct {
			w when
			p *prop
		}{{ev.start, ev.startP}, {ev.end, ev.endP}} {
			if w.w.loc != nil {
				if count[w.w.tzid] == 0 {
					tzids = append(tzids, w.w.tzid)
					firstLine[w.w.tzid] = w.p.line
				}
				count[w.w.tzid]++
			}
		}
	}
	var tz string
	line := 0
	what := ""
	switch {
	case xwrtz != "":
		if _, name, err := loadTZID(xwrtz); err == nil {
			tz, line, what = name, xline, "X-WR-TIMEZONE"
		} else {
			r.add(schedule.RuleBadValue, xline, "X-WR-TIMEZONE %q is not an IANA time zone name", xwrtz)
		}
	}
	if tz == "" && len(tzids) == 1 {
		tz, line, what = tzids[0], firstLine[tzids[0]], "TZID"
	}
	if tz == "" && len(tzids) > 1 && r.opt.Timezone == "" {
		best := tzids[0]
		for _, id := range tzids {
			if count[id] > count[best] {
				best = id
			}
		}
		tz, line, what = best, firstLine[best], "TZID"
		r.add(schedule.RuleZoneMismatch, firstLine[best], "events use several TZIDs (%s); using %s, the most used, as the schedule's zone (pass --timezone to choose)",
			strings.Join(tzids, ", "), best)
	}
	tz, conflict := schedule.ChooseZone(tz, r.opt.Timezone, "the file's "+what)
	r.unknownZones()
	switch {
	case tz == "" && len(r.unknown) > 0:
		r.noZone = true // unknownZones said to pass --timezone
		return
	case tz == "":
		none := "no X-WR-TIMEZONE, no TZID"
		if xwrtz != "" {
			none = "X-WR-TIMEZONE is not a zone, no TZID"
		}
		r.add(schedule.RuleRequired, 1, "the calendar names no time zone (%s): pass --timezone with the conference's IANA zone, such as --timezone Europe/Paris", none)
		r.noZone = true
		return
	case conflict != "":
		r.add(schedule.RuleZoneMismatch, line, "%s", conflict)
	}
	loc, err := schedule.LoadLocation(tz)
	if err != nil {
		r.add(schedule.RuleBadValue, line, "time zone: %v", err)
		r.noZone = true
		return
	}
	sc.Conference.TimeZone, sc.Location = tz, loc
}

// unknownZones reports the TZIDs that are neither IANA nor Windows zone
// names, such as one only a VTIMEZONE defines: their times are read in the
// --timezone zone, with a zone-mismatch warning, and without --timezone they
// cannot be read. VTIMEZONE rules are not interpreted.
func (r *reader) unknownZones() {
	if len(r.unknown) == 0 {
		return
	}
	if r.opt.Timezone != "" {
		if loc, err := schedule.LoadLocation(r.opt.Timezone); err == nil {
			r.unknownLoc = loc
		}
	}
	for _, p := range r.unknown {
		tzid := strings.TrimSpace(p.param("TZID"))
		what := fmt.Sprintf("%s: TZID %q is not an IANA or Windows time zone name", p.name, tzid)
		if line, ok := r.vtimezones[tzid]; ok {
			what += fmt.Sprintf(", and its VTIMEZONE (line %d) is not interpreted", line)
		} else {
			what += " and no VTIMEZONE defines it (VTIMEZONEs are not interpreted anyway)"
		}
		if r.unknownLoc != nil {
			r.add(schedule.RuleZoneMismatch, p.line, "%s; its times are read in --timezone %s", what, r.opt.Timezone)
			continue
		}
		r.add(schedule.RuleRequired, p.line, "%s: pass --timezone with the IANA zone %s stands for, such as --timezone Europe/Paris", what, tzid)
		r.noZone = true
	}
}

// instant resolves a parsed time to an instant, reporting a DST gap or
// repeat at p (nil: quietly).
func (r *reader) instant(w when, p *prop, loc *time.Location, title string) (time.Time, bool) {
	switch {
	case w.utc:
		h, m := w.min/60, w.min%60
		return time.Date(w.date.Year, w.date.Month, w.date.Day, h, m, w.sec, 0, time.UTC).In(loc), true
	case w.isDate:
		t, _ := schedule.ResolveWall(w.date, 0, loc)
		return t, true
	}
	zl := loc
	switch {
	case w.loc != nil:
		zl = w.loc
	case w.unknown && r.unknownLoc == nil:
		return time.Time{}, false // reported by unknownZones
	case w.unknown:
		zl = r.unknownLoc
	}
	t, kind := schedule.ResolveWall(w.date, w.min, zl)
	if rule, msg := schedule.WallProblem(t, kind, w.date, w.min, zl); rule != "" && p != nil {
		r.add(rule, p.line, "event %q: %s %s", title, p.name, msg)
	}
	if kind == schedule.WallGap {
		return time.Time{}, false
	}
	return t.Add(time.Duration(w.sec) * time.Second).In(loc), true
}

var idUnsafe = strings.NewReplacer(" ", "-", "\t", "-", "/", "-", "\\", "-", "\n", "-")

func (r *reader) session(sc *schedule.Schedule, ev *event) (s *schedule.Session, trackName string, trackLine int) {
	c := ev.c
	s = &schedule.Session{Pos: r.pos(c.line), Type: schedule.TypeTalk, Status: schedule.StatusConfirmed}
	set := func(field string, p *prop) { s.SetPos(field, r.pos(p.line)) }
	if p := c.first("SUMMARY"); p != nil {
		s.Title = unescapeText(p.value)
		set("title", p)
	}
	if s.Title == "" {
		s.Title = "(untitled)"
		r.add(schedule.RuleRequired, c.line, "VEVENT has no SUMMARY; its title is %q", s.Title)
	}
	if p := c.first("UID"); p != nil {
		if uid := strings.TrimSpace(p.value); uid != "" {
			s.ID = idUnsafe.Replace(uid)
			if ev.ridP != nil && !ev.replaces {
				s.ID += "-" + idUnsafe.Replace(strings.TrimSpace(ev.ridP.value))
			} else {
				// Kept, so that exporting the schedule as a feed gives
				// subscribers the same events; an override of one
				// occurrence is an event of its own, with a UID of its own.
				s.UID = uid
			}
			set("id", p)
		}
	}
	if p := c.first("LOCATION"); p != nil {
		s.Room = strings.ReplaceAll(unescapeText(p.value), "\n", ", ")
		set("room", p)
	}
	var cats []string
	for _, p := range c.all("CATEGORIES") {
		for _, v := range splitList(p.value) {
			if v = strings.ReplaceAll(unescapeText(v), "\n", " "); v != "" && !slices.Contains(cats, v) {
				cats = append(cats, v)
			}
		}
		if trackLine == 0 {
			trackLine = p.line
			set("track", p)
		}
	}
	if len(cats) > 0 {
		trackName = cats[0]
	}
	if len(cats) > 1 {
		s.Tags = cats[1:]
	}
	if p := c.first("DESCRIPTION"); p != nil {
		s.Abstract = unescapeText(p.value)
		set("abstract", p)
	}
	if p := c.first("URL"); p != nil {
		s.URL = strings.TrimSpace(p.value)
		set("url", p)
	}
	r.speakersFromDescription(s)
	if p := c.first("STATUS"); p != nil {
		switch strings.ToUpper(strings.TrimSpace(p.value)) {
		case "TENTATIVE":
			s.Status = schedule.StatusTentative
		case "CANCELLED":
			s.Status = schedule.StatusCancelled
		}
	}
	if p := c.first("TRANSP"); p != nil && strings.EqualFold(strings.TrimSpace(p.value), "TRANSPARENT") {
		s.Type = schedule.TypeBreak
	}
	if ev.start.isDate {
		s.Type = schedule.TypeOther
	}

	r.times(s, ev, sc.Location)
	return s, trackName, trackLine
}

// times sets the session's start and end from DTSTART and DTEND or
// DURATION (RFC 5545 §3.6.1), resolved in loc unless they name their zone.
func (r *reader) times(s *schedule.Session, ev *event, loc *time.Location) {
	set := func(field string, p *prop) { s.SetPos(field, r.pos(p.line)) }
	if !ev.start.present {
		return
	}
	set("start", ev.startP)
	start, ok := r.instant(ev.start, ev.startP, loc, s.Title)
	if !ok {
		return
	}
	var end time.Time
	switch {
	case ev.end.present:
		set("end", ev.endP)
		if ev.end.isDate != ev.start.isDate {
			r.add(schedule.RuleBadValue, ev.endP.line, "DTEND is a %s but DTSTART a %s; they must have the same value type (RFC 5545 §3.8.2.2)", kind(ev.end), kind(ev.start))
		}
		end, ok = r.instant(ev.end, ev.endP, loc, s.Title)
		if !ok {
			return
		}
		if ev.hasDur {
			if e2 := addDur(start, ev); !e2.Equal(end) {
				r.add(schedule.RuleDurationMismatch, ev.durP.line, "event %q has both DTEND and DURATION (RFC 5545 §3.6.1 allows one), and they disagree; using DTEND", s.Title)
			}
		}
	case ev.hasDur:
		set("end", ev.durP)
		end = addDur(start, ev)
	case ev.start.isDate:
		end = addDur(start, &event{durDays: 1}) // RFC 5545 §3.6.1: one day
		set("end", ev.startP)
	case ev.durP != nil:
		return // the bad DURATION is reported
	default:
		end = start // RFC 5545 §3.6.1: a zero-length event; Validate reports it
		set("end", ev.startP)
	}
	s.Start, s.End = start, end
}

func kind(w when) string {
	if w.isDate {
		return "DATE"
	}
	return "DATE-TIME"
}

// addDur adds a parsed DURATION: days are nominal (same wall-clock time),
// the rest exact (RFC 5545 §3.3.6).
func addDur(start time.Time, ev *event) time.Time {
	return start.AddDate(0, 0, ev.durDays).Add(ev.dur)
}
