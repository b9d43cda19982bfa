package frab

import (
	"cmp"
	"fmt"
	"github.com/schedkit/schedkit/internal/slug"
	"github.com/schedkit/schedkit/internal/uuid"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/schedkit/schedkit/internal/lazyregexp"
	"github.com/schedkit/schedkit/schedule"
)

// value is a scalar read from the source and where it was.
type value struct {
	s   string
	pos schedule.Pos
	ok  bool // present and not null
}

type rawDay struct {
	index, date, start, end value
	pos                     schedule.Pos
}

type rawEvent struct {
	pos      schedule.Pos
	f        map[string]value // id, guid, code, date, start, duration, end, room, title, …
	persons  []schedule.Person
	links    []schedule.Link
	linkPos  []schedule.Pos // where each link is
	attach   []schedule.Link
	day      *rawDay
	roomName string // the enclosing <room name> / rooms key
}

func (e *rawEvent) get(k string) value { return e.f[k] }

// rawDoc is what both syntaxes are read into before the shared build step.
type rawDoc struct {
	file    string
	conf    map[string]value
	confPos schedule.Pos
	days    []*rawDay
	events  []*rawEvent
	diags   []schedule.Diagnostic
	// version is the schedule's <version> ("version" in JSON).
	version value
	// rooms are the room names in the file's order: schedule.json's
	// conference rooms, then the rooms of the days as they first appear.
	rooms []string
}

func (d *rawDoc) add(id string, pos schedule.Pos, format string, args ...any) {
	d.diags = append(d.diags, schedule.Diag(id, pos, format, args...))
}

// eventFields are the event children both readers keep.
var eventFields = []string{"id", "guid", "code", "date", "start", "duration", "end", "room", "title", "subtitle", "track", "type", "language", "abstract", "description", "url",
	"slug", "logo", "feedback_url", "origin_url", "do_not_record", "recording_license"}

// confFields are the conference children both readers keep.
var confFields = []string{"title", "acronym", "start", "end", "day_change", "time_zone_name", "base_url", "url", "timeslot_duration"}

// -- build: raw document → schedule --

type builder struct {
	doc    *rawDoc
	s      *schedule.Schedule
	diags  []schedule.Diagnostic
	loc    *time.Location
	tzName string
	// noZone reports that neither the file nor --timezone determines the
	// zone; build then returns no schedule.
	noZone   bool
	tracks   map[string]*schedule.Track
	trackIDs map[string]bool
}

func (b *builder) add(id string, pos schedule.Pos, format string, args ...any) {
	b.diags = append(b.diags, schedule.Diag(id, pos, format, args...))
}

// parsedDate is a <date> value: an instant when it carries an offset, else
// a wall clock (and maybe only a date).
type parsedDate struct {
	t         time.Time // with offset: the instant; else wall clock in UTC
	hasOffset bool
	hasClock  bool
}

var dateLayouts = []struct {
	layout            string
	offset, withClock bool
}{
	{time.RFC3339, true, true},
	{"2006-01-02T15:04Z07:00", true, true},
	{"2006-01-02 15:04:05Z07:00", true, true},
	{"2006-01-02T15:04:05", false, true},
	{"2006-01-02T15:04", false, true},
	{"2006-01-02", false, false},
}

func parseDate(s string) (parsedDate, error) {
	s = strings.TrimSpace(s)
	for _, l := range dateLayouts {
		if t, err := time.Parse(l.layout, s); err == nil {
			return parsedDate{t: t, hasOffset: l.offset, hasClock: l.withClock}, nil
		}
	}
	return parsedDate{}, fmt.Errorf("%q is not a date-time such as 2025-02-01T09:30:00+01:00", s)
}

var startRE = lazyregexp.New(`^(\d{1,2}):(\d{2})(?::(\d{2}))?$`)

// parseStart parses <start>, HH:MM or HH:MM:SS, into minutes after midnight.
func parseStart(s string) (int, error) {
	m := startRE.FindStringSubmatch(strings.TrimSpace(s))
	if m == nil {
		return 0, fmt.Errorf("start %q is not HH:MM", s)
	}
	h, _ := strconv.Atoi(m[1])
	mi, _ := strconv.Atoi(m[2])
	if h > 23 || mi > 59 {
		return 0, fmt.Errorf("start %q is not a time of day", s)
	}
	return h*60 + mi, nil
}

func build(doc *rawDoc, opt schedule.LoadOptions) (*schedule.Schedule, []schedule.Diagnostic) {
	// schedule.NoTrackID is taken: it is the id of the track of events without one.
	b := &builder{doc: doc, diags: doc.diags, tracks: map[string]*schedule.Track{}, trackIDs: map[string]bool{schedule.NoTrackID: true}}
	s := &schedule.Schedule{File: doc.file, Policy: schedule.DefaultPolicy(), Location: time.UTC}
	s.Policy.Severity = map[string]schedule.Severity{schedule.RuleTrackOverlap: schedule.Off}
	b.s = s
	c := &s.Conference
	c.Pos = doc.confPos
	c.Name = strings.TrimSpace(doc.conf["title"].s)
	if c.Name == "" {
		b.add(schedule.RuleRequired, doc.confPos, "the conference needs a title")
	}
	c.ID = slug.Make(doc.conf["acronym"].s)
	if c.ID == "" {
		c.ID = slug.Make(c.Name)
	}
	if c.ID == "" {
		c.ID = "conference"
	}
	c.URL = strings.TrimSpace(cmp.Or(doc.conf["url"].s, doc.conf["base_url"].s))
	b.zone(opt)
	c.TimeZone, s.Location = b.tzName, b.loc
	if v := doc.conf["day_change"]; v.ok && strings.TrimSpace(v.s) != "" {
		if m, err := parseStart(v.s); err != nil {
			b.add(schedule.RuleBadValue, v.pos, "conference day_change: %v", err)
		} else {
			c.DayChange = schedule.FormatClock(m)
		}
	}
	if c.DayChange == "" {
		c.DayChange = b.dayStartClock()
	}
	c.Days = b.days()
	c.Version = strings.TrimSpace(doc.version.s)
	if v := doc.conf["timeslot_duration"]; v.ok {
		if d, _, _, err := parseDuration(v.s); err == nil && d > 0 {
			c.TimeslotDuration = FormatDuration(d)
		}
	}
	b.roomRegistry()
	personIDs(doc.events)
	for _, e := range doc.events {
		b.event(e)
	}
	if b.noZone {
		return nil, b.diags
	}
	return s, b.diags
}

// roomRegistry fills the schedule's room registry with the rooms the
// events use, in the file's order (schedule.json's conference rooms first,
// then as the events come), one room for spellings that Normalize takes as
// one (the first spelling is the room's name, as without a registry), so
// that writers keep the order: apps show rooms in file order.
func (b *builder) roomRegistry() {
	used := map[string]bool{}
	var rooms []string
	for _, e := range b.doc.events {
		if r := strings.TrimSpace(cmp.Or(e.get("room").s, e.roomName)); r != "" {
			used[r] = true
			rooms = append(rooms, r)
		}
	}
	seen := map[string]bool{}
	for _, name := range append(slices.Clip(b.doc.rooms), rooms...) {
		name = strings.TrimSpace(name)
		if k := schedule.NameKey(name); used[name] && !seen[k] {
			seen[k] = true
			b.s.Rooms = append(b.s.Rooms, schedule.Room{Name: name, Pos: b.doc.confPos})
		}
	}
}

// personIDs drops person ids that do not identify a person: 0 and empty
// (frab's placeholders), and ids given to persons of different names, as
// in schedules merged from several systems (36C3 has five people with id 6).
// Those persons are then compared by name.
func personIDs(events []*rawEvent) {
	names := map[string]string{}
	shared := map[string]bool{}
	for _, e := range events {
		for _, p := range e.persons {
			if p.ID == "" {
				continue
			}
			k := schedule.NameKey(p.Name)
			if n, ok := names[p.ID]; ok && n != k {
				shared[p.ID] = true
			}
			names[p.ID] = k
		}
	}
	for _, e := range events {
		for i := range e.persons {
			if id := e.persons[i].ID; id == "0" || shared[id] {
				e.persons[i].ID = ""
			}
		}
	}
}

// -- the zone --

type evidence struct {
	at      time.Time // the <date> instant
	implied int       // minutes: the UTC offset that makes <start> the wall clock of at
	written int       // minutes: the offset <date> is written in
	pos     schedule.Pos
}

func (b *builder) evidence() []evidence {
	var ev []evidence
	for _, e := range b.doc.events {
		dv, sv := e.get("date"), e.get("start")
		if !dv.ok || !sv.ok {
			continue
		}
		p, err := parseDate(dv.s)
		if err != nil || !p.hasOffset || !p.hasClock {
			continue
		}
		start, err := parseStart(sv.s)
		if err != nil {
			continue
		}
		u := p.t.UTC()
		o := ((start-(u.Hour()*60+u.Minute()))%1440 + 1440) % 1440
		if o > 14*60 {
			o -= 1440
		}
		_, w := p.t.Zone()
		ev = append(ev, evidence{at: p.t, implied: o, written: w / 60, pos: dv.pos})
	}
	return ev
}

// fits counts the evidence loc agrees with.
func fits(loc *time.Location, ev []evidence) int {
	n := 0
	for _, e := range ev {
		if _, off := e.at.In(loc).Zone(); off/60 == e.implied {
			n++
		}
	}
	return n
}

func fmtOffset(min int) string {
	sign := '+'
	if min < 0 {
		sign, min = '-', -min
	}
	return fmt.Sprintf("%c%02d:%02d", sign, min/60, min%60)
}

// offsetZone returns the IANA name of a fixed zone of the given offset.
func offsetZone(min int) (string, bool) {
	switch {
	case min == 0:
		return "UTC", true
	case min%60 != 0:
		return "", false
	case min > 0:
		return fmt.Sprintf("Etc/GMT-%d", min/60), true
	}
	return fmt.Sprintf("Etc/GMT+%d", -min/60), true
}

// commonOffset returns the most frequent implied offset (the smallest on ties).
func commonOffset(ev []evidence) int {
	count := map[int]int{}
	for _, e := range ev {
		count[e.implied]++
	}
	best, bestN := 0, -1
	for o, n := range count {
		if n > bestN || n == bestN && o < best {
			best, bestN = o, n
		}
	}
	return best
}

func (b *builder) zone(opt schedule.LoadOptions) {
	b.loc, b.tzName = time.UTC, "UTC"
	ev := b.evidence()
	tv := b.doc.conf["time_zone_name"]
	named := strings.TrimSpace(tv.s)
	at := tv.pos
	if !tv.ok || named == "" {
		at = b.doc.confPos
	}
	var fileLoc *time.Location
	if named != "" {
		l, err := schedule.LoadLocation(named)
		if err != nil {
			b.add(schedule.RuleBadValue, at, "conference time_zone_name: %v", err)
		} else {
			fileLoc = l
		}
	}
	var optLoc *time.Location
	if opt.Timezone != "" {
		if l, err := schedule.LoadLocation(opt.Timezone); err == nil {
			optLoc = l
		}
	}
	agrees := func(l *time.Location) bool { return len(ev) == 0 || 2*fits(l, ev) >= len(ev) }
	use := func(l *time.Location, name string) { b.loc, b.tzName = l, name }
	switch {
	case fileLoc != nil && agrees(fileLoc):
		use(fileLoc, named)
		if _, conflict := schedule.ChooseZone(named, opt.Timezone, "the file's time_zone_name"); conflict != "" {
			b.add(schedule.RuleZoneMismatch, at, "%s", conflict)
		}
		b.writtenOffsets(ev, at)
		return
	case optLoc != nil:
		if fileLoc != nil {
			b.add(schedule.RuleZoneMismatch, at, "time_zone_name %s contradicts the event times (<start> is the wall clock at %s, e.g. at line %d); using --timezone %s",
				named, fmtOffset(commonOffset(ev)), ev[0].pos.Line, opt.Timezone)
		} else if named == "" && !agrees(optLoc) {
			b.add(schedule.RuleZoneMismatch, at, "--timezone %s contradicts the event times (<start> is the wall clock at %s, e.g. at line %d); using it anyway",
				opt.Timezone, fmtOffset(commonOffset(ev)), ev[0].pos.Line)
		}
		use(optLoc, opt.Timezone)
		return
	}
	// Neither the file nor --timezone decides: the offsets do.
	what := "the file names no time zone (time_zone_name)"
	if named != "" {
		what = fmt.Sprintf("time_zone_name %s contradicts the event times", named)
	}
	if len(ev) == 0 {
		if fileLoc != nil {
			use(fileLoc, named)
			return
		}
		// No offset, no zone: any zone would be made up, and every
		// session would be hours off (as with a zone-less .ics or page).
		b.add(schedule.RuleRequired, at, "%s and no event has a <date> with an offset: pass --timezone with the conference's IANA zone, such as --timezone Europe/Berlin", what)
		b.noZone = true
		return
	}
	o := commonOffset(ev)
	name, ok := offsetZone(o)
	if !ok {
		if fileLoc != nil {
			use(fileLoc, named)
		}
		b.add(schedule.RuleZoneMismatch, at, "%s; the events are at %s, which no fixed IANA zone names; using %s. Pass --timezone to name the zone",
			what, fmtOffset(o), b.tzName)
		return
	}
	l, err := schedule.LoadLocation(name)
	if err != nil {
		return
	}
	use(l, name)
	b.add(schedule.RuleZoneMismatch, at, "%s: <start> is the wall clock at %s (e.g. line %d); using %s from the offsets. Pass --timezone (e.g. Europe/Berlin) to name the real zone",
		what, fmtOffset(o), ev[0].pos.Line, name)
}

// writtenOffsets reports, once, when the <date> offsets are not the zone's
// although the instants agree with it (DebConf 23 writes +00:00 for IST).
func (b *builder) writtenOffsets(ev []evidence, at schedule.Pos) {
	for _, e := range ev {
		_, off := e.at.In(b.loc).Zone()
		if off/60 != e.written && off/60 == e.implied {
			b.add(schedule.RuleZoneMismatch, e.pos, "<date> is written at %s, not at %s (%s); the instants agree with <start> in %s, so that zone is kept",
				fmtOffset(e.written), fmtOffset(off/60), b.tzName, b.tzName)
			return
		}
	}
}

// -- events --

var typeMap = map[string]string{
	"talk": schedule.TypeTalk, "lecture": schedule.TypeTalk, "vortrag": schedule.TypeTalk, "lightning talk": schedule.TypeTalk, "lightning_talk": schedule.TypeTalk,
	"lightningtalk": schedule.TypeTalk, "short talk": schedule.TypeTalk, "long talk": schedule.TypeTalk, "session": schedule.TypeTalk, "presentation": schedule.TypeTalk,
	"maintrack": schedule.TypeTalk, "devroom": schedule.TypeTalk,
	"keynote":  schedule.TypeKeynote,
	"workshop": schedule.TypeWorkshop, "hands-on": schedule.TypeWorkshop, "tutorial": schedule.TypeWorkshop,
	"panel": schedule.TypePanel, "discussion": schedule.TypePanel, "podium": schedule.TypePanel,
	"break": schedule.TypeBreak, "pause": schedule.TypeBreak, "lunch": schedule.TypeBreak,
	"open-space": schedule.TypeOpenSpace, "bof": schedule.TypeOpenSpace, "meeting": schedule.TypeOpenSpace, "meetup": schedule.TypeOpenSpace,
	"other": schedule.TypeOther,
}

// sessionType maps a frab event type onto schedkit's session types.
func sessionType(t string) string {
	k := strings.ToLower(strings.TrimSpace(t))
	if st, ok := typeMap[k]; ok {
		return st
	}
	for _, p := range []string{"workshop", "keynote", "panel", "discussion", "podium", "talk", "lecture", "vortrag", "bof"} {
		if strings.Contains(k, p) {
			return typeMap[p]
		}
	}
	if k == "" {
		return schedule.TypeTalk
	}
	return schedule.TypeOther
}

func (b *builder) track(name string, pos schedule.Pos) *schedule.Track {
	name = strings.TrimSpace(name)
	if name == "" {
		if t, ok := b.tracks["\x00"]; ok {
			return t
		}
		t := noTrack(pos)
		b.tracks["\x00"] = t
		b.s.AddTrack(t)
		return t
	}
	if t, ok := b.tracks[name]; ok {
		return t
	}
	id := slug.Unique(b.trackIDs, cmp.Or(slug.Make(name), "track"))
	t := &schedule.Track{ID: id, Name: name, Pos: pos, IDPos: pos}
	b.tracks[name] = t
	b.s.AddTrack(t)
	return t
}

func who(s *schedule.Session) string {
	if s.Title == "" {
		return fmt.Sprintf("event %s", s.ID)
	}
	return fmt.Sprintf("event %q (%s)", s.Title, s.ID)
}

func (b *builder) event(e *rawEvent) {
	s := &schedule.Session{Pos: e.pos, Status: schedule.StatusConfirmed}
	for k, v := range e.f {
		if v.pos.Line > 0 {
			s.SetPos(k, v.pos)
		}
	}
	if p, ok := s.PosOf("date"); ok {
		s.SetPos("start", p)
	}
	if p, ok := s.PosOf("duration"); ok {
		if !s.Has("end") {
			s.SetPos("end", p)
		}
	}
	s.Title = strings.TrimSpace(e.get("title").s)
	if s.Title == "" {
		b.add(schedule.RuleRequired, e.pos, "session needs a title")
	}
	idv := e.get("id")
	switch id := strings.TrimSpace(idv.s); {
	case id != "":
		s.ID = id
		if n, err := strconv.Atoi(id); err == nil && n > 0 {
			s.FrabID = n
		} else {
			b.add(schedule.RuleBadValue, idv.pos, "event id %q is not a positive integer", id)
		}
		if strings.ContainsAny(id, " \t\r\n/\\") {
			s.ID = strings.Map(func(r rune) rune {
				if strings.ContainsRune(" \t\r\n/\\", r) {
					return '-'
				}
				return r
			}, id)
		}
	case strings.TrimSpace(e.get("code").s) != "":
		s.ID = strings.TrimSpace(e.get("code").s)
	case uuid.Valid(strings.TrimSpace(e.get("guid").s)):
		s.ID = strings.ToLower(strings.TrimSpace(e.get("guid").s))
	default:
		s.ID = slug.Make(s.Title)
		if s.ID == "" {
			s.ID = fmt.Sprintf("event-%d", len(b.s.Sessions)+1)
		}
		s.ImplicitID = true
		b.add(schedule.RuleImplicitId, e.pos, "event %q has no id, code or guid; using %q", s.Title, s.ID)
	}
	if gv := e.get("guid"); gv.ok && strings.TrimSpace(gv.s) != "" {
		g := strings.TrimSpace(gv.s)
		if uuid.Valid(g) {
			s.GUID = strings.ToLower(g)
		} else {
			b.add(schedule.RuleBadValue, gv.pos, "%s: guid %q is not a UUID", who(s), g)
		}
	}
	if s.GUID == "" {
		s.GUID = schedule.DerivedGUID(b.s.Conference.ID, s.ID)
	}
	s.Room = strings.TrimSpace(cmp.Or(e.get("room").s, e.roomName))
	if own, outer := strings.TrimSpace(e.get("room").s), strings.TrimSpace(e.roomName); own != "" && outer != "" && schedule.NameKey(own) != schedule.NameKey(outer) {
		// 36C3 has 87: never silently one of them.
		b.add(schedule.RuleRoomMismatch, e.get("room").pos, "%s: <room>%s</room> is not the <room name=%q> it is in; using %q, the event's own",
			who(s), own, outer, own)
	}
	s.Subtitle = strings.TrimSpace(e.get("subtitle").s)
	s.Language = strings.TrimSpace(e.get("language").s)
	s.Abstract = strings.TrimSpace(e.get("abstract").s)
	s.Description = strings.TrimSpace(e.get("description").s)
	s.URL = strings.TrimSpace(e.get("url").s)
	s.Type = sessionType(e.get("type").s)
	if st := strings.TrimSpace(e.get("type").s); st != "" && st != s.Type {
		s.SourceType = st
	}
	s.Slug = strings.TrimSpace(e.get("slug").s)
	s.Logo = strings.TrimSpace(e.get("logo").s)
	s.FeedbackURL = strings.TrimSpace(e.get("feedback_url").s)
	s.OriginURL = strings.TrimSpace(e.get("origin_url").s)
	s.RecordingLicense = strings.TrimSpace(e.get("recording_license").s)
	if v := e.get("do_not_record"); v.ok {
		switch strings.ToLower(strings.TrimSpace(v.s)) {
		case "true", "1", "yes":
			s.DoNotRecord = true
		case "false", "0", "no", "":
		default:
			b.add(schedule.RuleBadValue, v.pos, "%s: recording opt-out %q is not true or false; read as true, so that no one records a talk whose speakers may have opted out", who(s), strings.TrimSpace(v.s))
			s.DoNotRecord = true
		}
	}
	s.Speakers = e.persons
	s.Links = e.links
	s.Attachments = e.attach
	b.check(e, s)
	b.times(e, s)
	b.s.AddSession(b.track(e.get("track").s, cmp.Or(e.get("track").pos, e.pos)), s)
}

// check reports what schedule.Load would report of the same values in
// schedkit's format, so that validating an imported file and validating
// the schedule it came from give the same findings.
func (b *builder) check(e *rawEvent, s *schedule.Session) {
	// The messages are the loader's, word for word (TestRealDataSameFindings
	// in format/yamlout compares them).
	what := schedule.Who(s)
	if d, bad := schedule.CheckURL(e.get("url").pos, what, s.URL); s.URL != "" && bad {
		b.diags = append(b.diags, d)
	}
	for i, l := range s.Links {
		at := e.pos
		if i < len(e.linkPos) {
			at = e.linkPos[i]
		}
		if l.URL == "" {
			b.add(schedule.RuleRequired, at, "%s: link needs a url", what)
		} else if d, bad := schedule.CheckURL(at, "link", l.URL); bad {
			b.diags = append(b.diags, d)
		}
	}
	for _, p := range s.Speakers {
		if strings.TrimSpace(p.Name) == "" {
			b.add(schedule.RuleRequired, e.pos, "%s: speaker needs a name", what)
		}
	}
}

// wall resolves a wall-clock time in the conference zone, reporting DST trouble.
func (b *builder) wall(d schedule.Date, min int, pos schedule.Pos, s *schedule.Session) (time.Time, bool) {
	t, kind := schedule.ResolveWall(d, min, b.loc)
	if rule, msg := schedule.WallProblem(t, kind, d, min, b.loc); rule != "" {
		b.add(rule, pos, "%s: %s", who(s), msg)
	}
	return t, kind != schedule.WallGap
}

func (b *builder) times(e *rawEvent, s *schedule.Session) {
	dv, sv := e.get("date"), e.get("start")
	start, hasStart := -1, false
	if sv.ok && strings.TrimSpace(sv.s) != "" {
		m, err := parseStart(sv.s)
		if err != nil {
			b.add(schedule.RuleBadValue, sv.pos, "%s: %v", who(s), err)
		} else {
			start, hasStart = m, true
		}
	}
	var at time.Time
	switch {
	case dv.ok && strings.TrimSpace(dv.s) != "":
		p, err := parseDate(dv.s)
		if err != nil {
			b.add(schedule.RuleBadValue, dv.pos, "%s: date %v", who(s), err)
			return
		}
		switch {
		case p.hasOffset:
			at = p.t.In(b.loc)
		case p.hasClock:
			t, ok := b.wall(schedule.DateOf(p.t), p.t.Hour()*60+p.t.Minute(), dv.pos, s)
			if !ok {
				return
			}
			at = t
		case hasStart:
			t, ok := b.wall(schedule.DateOf(p.t), start, dv.pos, s)
			if !ok {
				return
			}
			at = t
		default:
			b.add(schedule.RuleRequired, dv.pos, "%s: date %s has no time of day and there is no <start>", who(s), dv.s)
			return
		}
		if hasStart {
			// Wall clocks are compared, not instants: in the hour that
			// occurs twice, <date>'s offset says which reading is meant,
			// and <day> and <start> agree with either.
			local := at.In(b.loc)
			if d, what, note, ok := b.dayOf(e.day, start); ok && (schedule.DateOf(local) != d || local.Hour()*60+local.Minute() != start) {
				want, _ := schedule.ResolveWall(d, start, b.loc)
				b.add(schedule.RuleDateMismatch, dv.pos, "%s: <date>%s</date> is %s, but %s give %s%s; using <date>",
					who(s), strings.TrimSpace(dv.s), stamp(at), what, stamp(want), note)
			} else if !ok && at.Hour()*60+at.Minute() != start {
				b.add(schedule.RuleDateMismatch, dv.pos, "%s: <date>%s</date> is %s, but <start> is %s; using <date>",
					who(s), strings.TrimSpace(dv.s), stamp(at), schedule.FormatClock(start))
			}
		}
	case hasStart:
		d, _, _, ok := b.dayOf(e.day, start)
		var t time.Time
		if ok {
			t, ok = b.wall(d, start, sv.pos, s)
		}
		if !ok {
			if e.day != nil && e.day.date.ok {
				if _, err := schedule.ParseDate(e.day.date.s); err != nil {
					b.add(schedule.RuleBadValue, sv.pos, "%s has no <date>, and its <day date=%q> is not a date (YYYY-MM-DD) to place its start on", who(s), e.day.date.s)
				}
				return // else b.wall reported why the wall time does not exist
			}
			b.add(schedule.RuleRequired, sv.pos, "%s has no <date> and no <day date> to place its start on", who(s))
			return
		}
		at = t
	default:
		b.add(schedule.RuleRequired, e.pos, "%s needs a <date> or a <start>", who(s))
		return
	}
	if end, ok := b.end(e, s, at); ok {
		s.Start, s.End = at, end
	}
}

// end returns the end of an event that starts at at: <end> (schedule.json)
// or else at plus <duration>, reporting a <duration> that disagrees with
// <end>. ok is false when neither gives an end.
func (b *builder) end(e *rawEvent, s *schedule.Session, at time.Time) (time.Time, bool) {
	uv, ev := e.get("duration"), e.get("end")
	var end time.Time
	hasEnd := false
	if ev.ok && strings.TrimSpace(ev.s) != "" {
		p, err := parseDate(ev.s)
		if err != nil || !p.hasClock {
			b.add(schedule.RuleBadValue, ev.pos, "%s: end %q is not a date-time such as 2020-12-14T10:00:00+01:00", who(s), ev.s)
		} else if p.hasOffset {
			end, hasEnd = p.t.In(b.loc), true
		} else if t, ok := b.wall(schedule.DateOf(p.t), p.t.Hour()*60+p.t.Minute(), ev.pos, s); ok {
			end, hasEnd = t, true
		}
	}
	if uv.ok && strings.TrimSpace(uv.s) != "" {
		d, amb, alt, err := parseDuration(uv.s)
		switch {
		case err != nil:
			b.add(schedule.RuleBadValue, uv.pos, "%s: %v", who(s), err)
		default:
			if amb {
				b.add(schedule.RuleAmbiguousDuration, uv.pos, "%s: duration %s could be H:MM:SS (%s) or D:HH:MM (%s); read as H:MM:SS",
					who(s), strings.TrimSpace(uv.s), schedule.FormatDuration(d), schedule.FormatDuration(alt))
			}
			if hasEnd && !end.Equal(at.Add(d)) {
				b.add(schedule.RuleDurationMismatch, uv.pos, "%s: duration %s disagrees with end %s; using end", who(s), strings.TrimSpace(uv.s), stamp(end))
			}
			if !hasEnd {
				end, hasEnd = at.Add(d), true
			}
		}
	} else if !hasEnd {
		b.add(schedule.RuleRequired, e.pos, "%s needs a <duration>", who(s))
	}
	return end, hasEnd
}

func stamp(t time.Time) string { return t.Format("2006-01-02 15:04 MST") }
