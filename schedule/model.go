package schedule

import (
	"slices"
	"strings"
	"time"
)

// A Schedule is a conference timetable with every wall-clock time resolved
// to an instant in the conference's time zone. Loaders (Load for schedkit's
// own YAML/JSON format, and the readers of package format's subpackages) build it;
// Normalize canonicalises its rooms; Validate checks it; the writers of
// those subpackages write it.
type Schedule struct {
	// File is the name diagnostics report positions against.
	File string

	Conference Conference

	// Location is the conference time zone, loaded from the embedded tz
	// database. It is never nil in a Schedule returned by a loader: when the
	// zone is missing or invalid a loader reports a diagnostic and uses UTC.
	Location *time.Location

	// Rooms is the optional room registry. When it is non-empty, a session
	// room that matches neither a name nor an alias is an unknown-room error.
	Rooms []Room

	Policy Policy

	Tracks []*Track

	// Sessions holds every session of every track in source order.
	Sessions []*Session
}

// Conference describes the event as a whole.
type Conference struct {
	Name string
	// ID is used in calendar UIDs and GUIDs. A loader fills in the slug of
	// Name when the file gives none.
	ID string
	// TimeZone is the IANA name of the conference time zone.
	TimeZone  string
	URL       string
	Organizer *Organizer
	// DayChange is the wall-clock time ("HH:MM") at which a conference day
	// ends, as in frab's day_change; empty means midnight.
	DayChange string
	// Version is the source's own version string (frab's <version>, such
	// as "1.1 2025-12-27 20:22"); empty means none, and the frab writers
	// then write a hash of their output.
	Version string
	// TimeslotDuration is frab's timeslot_duration ("HH:MM") as the source
	// gave it; empty means none, and the frab writers derive one.
	TimeslotDuration string
	// Days are the conference days as the source lists them (frab's
	// <day>s), in its order; empty means none given, and the frab writers
	// compute each day's bounds from DayChange.
	Days []Day
	Pos  Pos
}

// Day is a conference day as a source lists it: the date it is named by
// and the instants it starts and ends. The date need not be Start's
// (DebConf 23 names the day that starts 2023-09-10 03:00 IST
// 2023-09-09), and End is as the source wrote it: the next day's start,
// or a minute or a second before it.
type Day struct {
	Date       Date
	Start, End time.Time
}

// Organizer is who publishes the schedule; calendar feeds name it as ORGANIZER.
type Organizer struct {
	Name  string
	Email string
}

// Room is an entry of the room registry.
type Room struct {
	Name    string
	Aliases []string
	Pos     Pos
}

// Policy holds the thresholds of the validation rules. A zero duration means
// the rule that needs it is not checked.
type Policy struct {
	MinDuration   time.Duration
	MaxDuration   time.Duration // DefaultMaxDuration when the file sets none
	Changeover    time.Duration
	SpeakerBuffer time.Duration
	// DayStart and DayEnd are minutes after midnight; -1 means unset.
	DayStart, DayEnd int
	// Severity overrides a rule's default severity, by rule id.
	Severity map[string]Severity
}

// DefaultMaxDuration is the duration-max threshold when rules.max_duration is not set.
const DefaultMaxDuration = 8 * time.Hour

// DefaultPolicy returns the policy of a schedule that sets no rules.
func DefaultPolicy() Policy {
	return Policy{MaxDuration: DefaultMaxDuration, DayStart: -1, DayEnd: -1}
}

// Track is a named series of sessions.
type Track struct {
	ID   string
	Name string
	// Room and Date are the defaults of the track's sessions.
	Room string
	Date string // YYYY-MM-DD
	Host string
	// Description is the track's prose (a program page's introduction and
	// the host's bio); empty means none.
	Description string
	Pos         Pos
	// IDPos is the position of the id, or of the track when the id is implicit.
	IDPos    Pos
	Sessions []*Session
}

// Session is one slot of the timetable: a talk, keynote, break, and so on.
type Session struct {
	// ID is unique across the schedule. ImplicitID reports that the loader
	// derived it from the track id and title.
	ID         string
	ImplicitID bool
	// GUID is a UUID; importers keep the one they read. Empty means none was given.
	GUID string
	// FrabID is the integer event id of a frab schedule; 0 means none.
	FrabID int
	// UID is the calendar UID the session had in the iCalendar feed it was
	// read from, which calendar exports write again so that subscribers
	// see the same events; empty means none (exports derive one).
	UID string

	Title    string
	Subtitle string
	Track    *Track
	// Room is the room name as the file spells it; after Normalize it
	// is the canonical spelling.
	Room string

	// Start and End are instants in the schedule's Location. Both are zero
	// when the session's times could not be resolved (a diagnostic says why).
	Start, End time.Time

	Type     string // talk, keynote, workshop, panel, break, open-space, other
	Status   string // confirmed, tentative, cancelled
	Speakers []Person
	Abstract string
	// Description is the long text of a session (frab's <description>),
	// kept apart from Abstract: sources have both, and they differ. Writers
	// without a place for both write Text.
	Description string
	URL         string
	Language    string
	Tags        []string
	Links       []Link
	// Attachments are files of the session (slides, papers), as frab's
	// <attachments>.
	Attachments []Link

	// DoNotRecord is the speakers' recording opt-out (frab's
	// <recording><optout>, schedule.json's do_not_record): a promise to
	// the speakers that every writer with a place for it writes.
	DoNotRecord bool
	// RecordingLicense is the license of the recording; empty means none given.
	RecordingLicense string
	// Slug, Logo, FeedbackURL and OriginURL are frab's <slug>, <logo>,
	// <feedback_url> and <origin_url>, kept as the source gave them; empty
	// means none.
	Slug        string
	Logo        string
	FeedbackURL string
	OriginURL   string
	// SourceType is the type as the source words it ("Lecture", "Talk
	// (long)") when that is not Type itself; the frab writers write it
	// back. Empty means Type is the source's word.
	SourceType string

	// Pos is where the session starts in the source. FieldPos and
	// FieldPosElsewhere hold the positions of individual fields by their
	// YAML name ("start", "room", …); use At, Has and SetPos, which keep
	// the two apart.
	Pos Pos
	// FieldPos holds the positions in the session's own file (Pos.File)
	// compactly, without the file name: a map of Pos per session was 84
	// MB of a 100,000-session schedule. It is sorted by field, each field
	// at most once, so that sessions with the same positions have equal
	// lists whatever order they were set in.
	FieldPos []FieldAt
	// FieldPosElsewhere holds the rare positions FieldPos cannot: in
	// another file than Pos.File, or beyond an int32 line or column.
	// Nil when there are none.
	FieldPosElsewhere map[string]Pos
}

// FieldAt is the position of a session's field in the session's file.
type FieldAt struct {
	Field        string
	Line, Column int32
}

// Who names a session in messages: session "Title" (id), or as much of
// that as the session has. The readers of other formats use it too, so that
// validating an imported file and its source name a session alike. A long
// title or id is shortened (quote, clip).
func Who(s *Session) string {
	switch {
	case s.Title == "" && s.ID == "":
		return "session"
	case s.ID == "":
		return "session " + quote(s.Title)
	case s.Title == "":
		return "session (" + clip(s.ID) + ")"
	}
	// Built in a buffer on the stack: the loader names every session,
	// and quote's string and the concatenation were three allocations.
	var buf [128]byte
	b := append(buf[:0], "session "...)
	b = appendQuote(b, s.Title)
	b = append(b, " ("...)
	b = append(b, clip(s.ID)...)
	b = append(b, ')')
	return string(b)
}

// Person is a speaker. Speakers are the same person when their IDs are equal,
// or, when either has no ID, when their names are equal after NameKey.
type Person struct {
	ID          string
	Name        string
	Affiliation string
}

// Link is a URL with a title, as in frab's <links>.
type Link struct {
	Title string
	URL   string
}

// Session types and statuses accepted by the format. The loaders set
// TypeTalk and StatusConfirmed when the source gives none.
const (
	TypeTalk      = "talk"
	TypeKeynote   = "keynote"
	TypeWorkshop  = "workshop"
	TypePanel     = "panel"
	TypeBreak     = "break"
	TypeOpenSpace = "open-space"
	TypeOther     = "other"

	StatusConfirmed = "confirmed"
	StatusTentative = "tentative"
	StatusCancelled = "cancelled"
)

// NoTrackID and NoTrackName name the track that sessions without one are
// put on where a track is needed: by the frab readers (events without a
// track), by yamlout (sessions of no track; a taken id gets a suffix) and
// by the table writer (the heading of such sessions).
const (
	NoTrackID   = "no-track"
	NoTrackName = "No track"
)

// IsNoTrack reports whether t is the placeholder track of sessions that
// had none in their source (by id and name: a track of the schedule's own
// that is only called no-track is not). Writers write no track for it: no
// CATEGORIES value, no frab <track>.
func IsNoTrack(t *Track) bool {
	return t != nil && t.ID == NoTrackID && t.Name == NoTrackName
}

// SessionTypes and SessionStatuses list the types and statuses in
// documentation order.
var (
	SessionTypes    = []string{TypeTalk, TypeKeynote, TypeWorkshop, TypePanel, TypeBreak, TypeOpenSpace, TypeOther}
	SessionStatuses = []string{StatusConfirmed, StatusTentative, StatusCancelled}
)

// At returns the position of the named field, or of the session when the
// field was not given.
func (s *Session) At(field string) Pos {
	if p, ok := s.PosOf(field); ok {
		return p
	}
	return s.Pos
}

// PosOf returns the position of the named field; ok is false when the
// session has none for it.
func (s *Session) PosOf(field string) (p Pos, ok bool) {
	if i, ok := s.fieldIndex(field); ok {
		f := s.FieldPos[i]
		return Pos{File: s.Pos.File, Line: int(f.Line), Column: int(f.Column)}, true
	}
	p, ok = s.FieldPosElsewhere[field]
	return p, ok
}

// Has reports whether the session has a position for the named field.
func (s *Session) Has(field string) bool {
	_, ok := s.PosOf(field)
	return ok
}

// SetPos records the position of a field, replacing any it had. A
// position in the session's file (Pos.File) is kept in FieldPos, so set
// Pos before the fields' positions.
func (s *Session) SetPos(field string, p Pos) {
	i, found := s.fieldIndex(field)
	if p.File == s.Pos.File && p.Line == int(int32(p.Line)) && p.Column == int(int32(p.Column)) {
		delete(s.FieldPosElsewhere, field)
		f := FieldAt{Field: field, Line: int32(p.Line), Column: int32(p.Column)}
		if found {
			s.FieldPos[i] = f
		} else {
			s.FieldPos = slices.Insert(s.FieldPos, i, f)
		}
		return
	}
	if found {
		s.FieldPos = slices.Delete(s.FieldPos, i, i+1)
	}
	if s.FieldPosElsewhere == nil {
		s.FieldPosElsewhere = make(map[string]Pos)
	}
	s.FieldPosElsewhere[field] = p
}

// fieldIndex returns where field is in FieldPos, or would be inserted.
func (s *Session) fieldIndex(field string) (int, bool) {
	// The fields of a session are few: a scan beats a binary search.
	for i := range s.FieldPos {
		if c := strings.Compare(s.FieldPos[i].Field, field); c >= 0 {
			return i, c == 0
		}
	}
	return len(s.FieldPos), false
}

// Timed reports whether the session has resolved start and end instants.
func (s *Session) Timed() bool { return !s.Start.IsZero() && !s.End.IsZero() }

// Duration is End minus Start, or 0 for an untimed session.
func (s *Session) Duration() time.Duration {
	if !s.Timed() {
		return 0
	}
	return s.End.Sub(s.Start)
}

// IsBreak reports whether the session is a break, which takes no part in
// speaker rules or changeover.
func (s *Session) IsBreak() bool { return s.Type == TypeBreak }

// TrackID returns the id of the session's track, or "" when it has none.
func (s *Session) TrackID() string {
	if s.Track == nil {
		return ""
	}
	return s.Track.ID
}

// TrackName returns the name of the session's track, or "" when it has none.
func (s *Session) TrackName() string {
	if s.Track == nil {
		return ""
	}
	return s.Track.Name
}

// Text is the session's text for writers with one place for it: the
// abstract, or the description when there is no abstract.
func (s *Session) Text() string {
	if s.Abstract != "" {
		return s.Abstract
	}
	return s.Description
}

// SpeakerNames returns the speakers' names in order.
func (s *Session) SpeakerNames() []string {
	names := make([]string, len(s.Speakers))
	for i, p := range s.Speakers {
		names[i] = p.Name
	}
	return names
}

// Loc returns the schedule's Location, or UTC when it has none (a Schedule
// built by hand rather than by a loader).
func (sc *Schedule) Loc() *time.Location {
	if sc.Location == nil {
		return time.UTC
	}
	return sc.Location
}

// AddTrack appends t to the schedule.
func (sc *Schedule) AddTrack(t *Track) { sc.Tracks = append(sc.Tracks, t) }

// AddSession appends s to its track (which must already be added) and to
// the schedule's session list.
func (sc *Schedule) AddSession(t *Track, s *Session) {
	s.Track = t
	if t != nil {
		t.Sessions = append(t.Sessions, s)
	}
	sc.Sessions = append(sc.Sessions, s)
}
