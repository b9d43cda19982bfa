package ics

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/schedkit/schedkit/schedule"
	"github.com/schedkit/schedkit/schedule/diff"
)

// StateVersion is the format version of a state file.
const StateVersion = 1

// State is what subscribers of a schedule's feeds last saw, kept between
// exports (schedkit export ics --state FILE) so that a changed event gets a
// higher SEQUENCE and a new LAST-MODIFIED (RFC 5546 §2.1.4: clients apply an
// update only when SEQUENCE grows) and a removed one is published as
// cancelled. An event has changed exactly when schedkit diff would report
// a change of its session in a field the event shows (diff.EventChanged:
// package schedule/diff decides both, so that the feeds and diff never
// disagree about what changed), or of the conference's organizer, which
// every event shows (ORGANIZER). What diff reports of a session that no
// event shows (the recording opt-out, links, …) is no new revision.
//
// The file is JSON:
//
//	{
//	  "schedkit_ics_state": 1,
//	  "conference": "<conference id>",
//	  "recorded": ["description", "organizer"],
//	  "organizer": "ORGANIZER;CN=<name>:mailto:<email>",
//	  "events": {
//	    "<UID>": {
//	      "session": "<session id>",
//	      "sequence": 0,
//	      "last_modified": "2024-03-01T12:00:00Z",
//	      "content": {"title": …, "start": …, "end": …, "room": …, "status": …, …, "guid": …, "description": …}
//	    }
//	  }
//	}
//
// "conference" joined the file after its first release: a state without
// it is read as before and gets it on its next write.
//
// "recorded" lists what else joined the state later (recordedAdditions):
// the description of a session without an abstract, which its DESCRIPTION
// shows, and the ORGANIZER line of every event. A state that does not list
// one (written by an older schedkit) is read, and that addition counts as
// unchanged for its next update, so that upgrading schedkit does not bump
// every SEQUENCE; the update records it. A state listing an addition this
// schedkit does not know is refused.
//
// TestStateDocSketch checks this sketch against stateFile and Record.
type State struct {
	// Conference is the id of the conference whose feeds the state
	// describes, set by Update; "" for a state written before the state
	// recorded it (or for a conference without an id).
	Conference string
	// Organizer is the ORGANIZER content line (unfolded) the events last
	// showed, set by Update; "" for none.
	Organizer string
	Events    map[string]*Record
	// missing holds the additions (recordedAdditions) that the state read
	// lacks (an older schedkit wrote it); Update takes them as unchanged,
	// then records them. Nil for a state that has them all.
	missing map[string]bool
}

// recordedAdditions lists what a state records beyond the state's first
// release, in the file's "recorded" key: "description"
// (Content.Description) and "organizer" (State.Organizer). Add to the end
// when the state records something new, so that older states upgrade.
var recordedAdditions = []string{"description", "organizer"}

// Record is the state of one event.
type Record struct {
	Session      string    `json:"session"`
	Sequence     int       `json:"sequence"`
	LastModified time.Time `json:"last_modified"`
	Content      Content   `json:"content"`
}

// Content is the session as the last export published it: every field
// schedule/diff compares (its Fields, by name: start and end are instants,
// the track is its id and its name), plus what else the feed shows (the
// speakers' ids), enough to publish it again (as cancelled) once its
// session is gone from the schedule. Only a change of what diff compares
// is a new revision; the rest is recorded without one.
//
// Language and GUID joined the state after its first release: a record
// without a GUID (schedkit writes one now, GUIDOf never being empty) was
// written before them, and both count as unchanged for it, so that
// upgrading schedkit does not bump every SEQUENCE; the next export records
// them.
type Content struct {
	Title     string    `json:"title"`
	Subtitle  string    `json:"subtitle,omitempty"`
	Start     time.Time `json:"start"`
	End       time.Time `json:"end"`
	Room      string    `json:"room,omitempty"`
	Status    string    `json:"status,omitempty"`
	Type      string    `json:"type,omitempty"`
	TrackID   string    `json:"track_id,omitempty"`
	TrackName string    `json:"track_name,omitempty"`
	Speakers  []Speaker `json:"speakers,omitempty"`
	Abstract  string    `json:"abstract,omitempty"`
	URL       string    `json:"url,omitempty"`
	Tags      []string  `json:"tags,omitempty"`
	Language  string    `json:"language,omitempty"`
	// GUID is the session's GUID as exported (derived when the schedule
	// gives none).
	GUID string `json:"guid,omitempty"`
	// Description is the session's description as the event shows it
	// (diff.EventDescription): only for a session without an abstract,
	// where DESCRIPTION holds it in the abstract's place; "" otherwise.
	Description string `json:"description,omitempty"`
}

// Speaker is a speaker as the state keeps it.
type Speaker struct {
	ID          string `json:"id,omitempty"`
	Name        string `json:"name"`
	Affiliation string `json:"affiliation,omitempty"`
}

type stateFile struct {
	Version    *int               `json:"schedkit_ics_state"`
	Conference string             `json:"conference,omitempty"`
	Recorded   []string           `json:"recorded,omitempty"`
	Organizer  string             `json:"organizer,omitempty"`
	Events     map[string]*Record `json:"events"`
}

// MaxState bounds the size of a state file: ParseState refuses a larger
// one, and a reader needs to read at most MaxState+1 bytes to know.
const MaxState = 256 << 20

// MaxSequence is the largest SEQUENCE: RFC 5545 §3.8.7.4 makes it an
// INTEGER, whose range (§3.3.8) ends at 2147483647. A sequence at the
// maximum stays there.
const MaxSequence = 1<<31 - 1

// inRange reports whether t, in UTC, is in the years 1 to 9999 that RFC
// 3339 and so the state file can hold.
func inRange(t time.Time) bool {
	y := t.UTC().Year()
	return y >= 1 && y <= 9999
}

// ParseState reads a state file. Errors name the line and column of a
// syntax error, or the UID of a bad record.
func ParseState(data []byte) (*State, error) {
	if len(data) > MaxState {
		return nil, fmt.Errorf("larger than %d MiB; not a schedkit state file", MaxState>>20)
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var f stateFile
	if err := dec.Decode(&f); err != nil {
		return nil, jsonError(data, dec, err)
	}
	end := int(dec.InputOffset())
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		for end < len(data) && strings.ContainsRune(" \t\r\n", rune(data[end])) {
			end++
		}
		p := schedule.OffsetPos("", data, end)
		return nil, fmt.Errorf("%d:%d: text after the JSON object", p.Line, p.Column)
	}
	if f.Version == nil {
		return nil, fmt.Errorf("not a schedkit ics state file (no \"schedkit_ics_state\" version)")
	}
	if *f.Version != StateVersion {
		return nil, fmt.Errorf("state file version %d; this schedkit reads version %d", *f.Version, StateVersion)
	}
	st := &State{Conference: f.Conference, Organizer: f.Organizer, Events: f.Events}
	for _, a := range f.Recorded {
		if !slices.Contains(recordedAdditions, a) {
			return nil, fmt.Errorf("the state records %q, which this schedkit does not know: a newer schedkit wrote it", a)
		}
	}
	for _, a := range recordedAdditions {
		if !slices.Contains(f.Recorded, a) {
			if st.missing == nil {
				st.missing = map[string]bool{}
			}
			st.missing[a] = true
		}
	}
	if st.Events == nil {
		st.Events = map[string]*Record{}
	}
	for _, uid := range st.uids() {
		r := st.Events[uid]
		switch {
		case uid == "" || strings.ContainsFunc(uid, func(r rune) bool { return r <= ' ' || r == 0x7f }):
			return nil, fmt.Errorf("event %q: a UID must be non-empty, without spaces or control characters", uid)
		case r == nil:
			return nil, fmt.Errorf("event %s: null record", uid)
		case r.Sequence < 0 || r.Sequence > MaxSequence:
			return nil, fmt.Errorf("event %s: sequence %d is not in 0 to %d (RFC 5545 INTEGER)", uid, r.Sequence, MaxSequence)
		case r.Session == "":
			return nil, fmt.Errorf("event %s: no session id", uid)
		case r.LastModified.IsZero():
			return nil, fmt.Errorf("event %s: no last_modified time", uid)
		case r.Content.Start.IsZero() || r.Content.End.IsZero() || r.Content.End.Before(r.Content.Start):
			// A zero-length session (start = end) is published, with
			// --force, as an event without DTEND; its record is valid.
			return nil, fmt.Errorf("event %s: content needs a start, and an end not before it", uid)
		case !inRange(r.Content.Start) || !inRange(r.Content.End) || !inRange(r.LastModified):
			return nil, fmt.Errorf("event %s: times out of range (years 1 to 9999, in UTC)", uid)
		case !slices.Contains(append(slices.Clone(schedule.SessionStatuses), ""), r.Content.Status):
			return nil, fmt.Errorf("event %s: status %q is not one of %s", uid, r.Content.Status, strings.Join(schedule.SessionStatuses, ", "))
		}
		r.LastModified = r.LastModified.UTC()
		r.Content.Start = r.Content.Start.UTC()
		r.Content.End = r.Content.End.UTC()
	}
	return st, nil
}

func jsonError(data []byte, dec *json.Decoder, err error) error {
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	off := int(dec.InputOffset())
	switch {
	case errors.As(err, &se):
		off = int(se.Offset) - 1 // Offset is just after the bad byte
	case errors.As(err, &te):
		off = int(te.Offset) - 1 // Offset is just after the value
	case errors.Is(err, io.EOF):
		return fmt.Errorf("empty file; a state file is a JSON object")
	case errors.Is(err, io.ErrUnexpectedEOF):
		off = len(data)
	}
	p := schedule.OffsetPos("", data, off)
	msg := strings.TrimPrefix(err.Error(), "json: ")
	return fmt.Errorf("%d:%d: %s", p.Line, p.Column, msg)
}

// Marshal returns the state file: indented JSON with sorted keys and a
// final newline, so that the same state gives the same bytes.
func (st *State) Marshal() ([]byte, error) {
	v := StateVersion
	ev := st.Events
	if ev == nil {
		ev = map[string]*Record{}
	}
	b, err := json.MarshalIndent(stateFile{Version: &v, Conference: st.Conference, Recorded: recordedAdditions, Organizer: st.Organizer, Events: ev}, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(b, '\n'), nil
}

func (st *State) uids() []string {
	uids := make([]string, 0, len(st.Events))
	for u := range st.Events {
		uids = append(uids, u)
	}
	slices.Sort(uids)
	return uids
}

// ContentOf returns the content of session x of schedule s.
func ContentOf(s *schedule.Schedule, x *schedule.Session) Content {
	c := Content{
		Title: x.Title, Subtitle: x.Subtitle,
		Start: x.Start.UTC(), End: x.End.UTC(),
		Room: x.Room, Status: x.Status, Type: x.Type,
		TrackID: x.TrackID(), TrackName: x.TrackName(),
		Abstract: x.Abstract, URL: x.URL, Tags: slices.Clone(x.Tags),
		Language: x.Language, GUID: s.GUIDOf(x), Description: diff.EventDescription(x),
	}
	for _, p := range x.Speakers {
		c.Speakers = append(c.Speakers, Speaker(p))
	}
	if len(c.Tags) == 0 {
		c.Tags = nil
	}
	return c
}

// changed reports whether session x of s is a new revision of the event r
// records: whether schedkit diff would report the recorded session, paired
// with x, as changed in a field the event shows (diff.EventChanged; its
// track as recorded, name included). A record without a GUID was written
// before the state kept the guid and the language: both are taken as
// unchanged; so is the description when missing says the state did not
// record it.
func (r *Record) changed(s *schedule.Schedule, x *schedule.Session, missing map[string]bool) bool {
	was := r.session(s)
	if was.Track != nil && was.Track.Name != r.Content.TrackName {
		// The track as recorded: a renamed track is a change, as diff
		// reports it, for CATEGORIES shows the name.
		was.Track = &schedule.Track{ID: r.Content.TrackID, Name: r.Content.TrackName}
	}
	if r.Content.GUID == "" {
		was.GUID, was.Language = s.GUIDOf(x), x.Language
	}
	if missing["description"] {
		was.Description = x.Description
	}
	return diff.EventChanged(s, was, s, x)
}

// session rebuilds a session from a record, to publish it cancelled and to
// compare it with the schedule's.
func (r *Record) session(s *schedule.Schedule) *schedule.Session {
	c := r.Content
	loc := s.Loc()
	x := &schedule.Session{
		ID: r.Session, GUID: c.GUID, Title: c.Title, Subtitle: c.Subtitle,
		Start: c.Start.In(loc), End: c.End.In(loc),
		Room: c.Room, Status: c.Status, Type: c.Type,
		Abstract: c.Abstract, Description: c.Description, URL: c.URL, Language: c.Language, Tags: slices.Clone(c.Tags),
	}
	for _, p := range c.Speakers {
		x.Speakers = append(x.Speakers, schedule.Person(p))
	}
	if c.TrackID != "" {
		// The schedule's track of that id when it has one, so that a
		// cancelled event joins its track's split feed under the track's
		// name of now (changed compares the recorded name).
		for _, t := range s.Tracks {
			if t.ID == c.TrackID {
				x.Track = t
			}
		}
		if x.Track == nil {
			x.Track = &schedule.Track{ID: c.TrackID, Name: c.TrackName}
		}
	}
	return x
}

// Update brings the state up to date with schedule s at time now and
// returns the revision of every session to publish, plus the sessions
// rebuilt from the state for events whose session is gone from s; those
// are cancelled and should be published with the others.
//
//   - A session seen for the first time gets SEQUENCE 0 and LAST-MODIFIED now.
//   - A session that changed in a field its event shows, as schedkit diff
//     would report it (diff.EventChanged against the recorded content),
//     gets SEQUENCE+1 and LAST-MODIFIED now; so does every event, cancelled
//     ones too, when the ORGANIZER line changed.
//   - Any other session keeps its SEQUENCE and LAST-MODIFIED; its record's
//     Content is brought up to date (a speaker's id, a room respelled, and
//     the language and guid an older state lacks). A renamed track is a
//     change of each of its sessions, as diff reports it: CATEGORIES shows
//     the name.
//   - An event whose session is gone, not yet cancelled, becomes cancelled
//     with SEQUENCE+1 and LAST-MODIFIED now; it stays in the state (and the
//     feeds) as cancelled.
//   - Nothing else changes; a sequence never goes down, and stays at
//     MaxSequence once there (RFC 5545 has no larger INTEGER).
//   - The state records s's conference id and ORGANIZER line, and has
//     every addition (recordedAdditions) from then on.
//
// Untimed sessions are neither published nor treated as gone.
func (st *State) Update(s *schedule.Schedule, now time.Time) (map[*schedule.Session]Revision, []*schedule.Session) {
	if st.Events == nil {
		st.Events = map[string]*Record{}
	}
	st.Conference = s.Conference.ID
	// A new ORGANIZER is a change of every event that was published; a
	// state without the organizer recorded takes it as unchanged.
	_, org := eventOrganizer(s)
	orgChanged := !st.missing["organizer"] && org != st.Organizer
	st.Organizer = org
	missing := st.missing
	st.missing = nil
	now = now.UTC().Truncate(time.Second)
	revs := make(map[*schedule.Session]Revision, len(s.Sessions))
	present := make(map[string]bool, len(s.Sessions))
	repeat := repeats(s)
	for _, x := range s.Sessions {
		// The UID Encode gives the session: a repeated id (only --force
		// writes one) has its own event and so its own record.
		uid := sessionUID(s, x, repeat[x])
		present[uid] = true
		if !x.Timed() {
			continue
		}
		c := ContentOf(s, x)
		r := st.Events[uid]
		switch {
		case r == nil:
			r = &Record{Session: x.ID, LastModified: now, Content: c}
			if base := st.Events[UID(s.Conference.ID, x.ID)]; repeat[x] > 0 && base != nil {
				// A state written before repeated ids had records of
				// their own: the feed showed this UID with the first
				// use's SEQUENCE, which must not go down.
				r.Sequence = base.Sequence
			}
			st.Events[uid] = r
		case orgChanged || r.changed(s, x, missing):
			r.Sequence = min(r.Sequence+1, MaxSequence)
			r.LastModified = now
			r.Content = c
			r.Session = x.ID
		default:
			r.Content = c
		}
		revs[x] = Revision{UID: uid, Sequence: r.Sequence, Modified: r.LastModified}
	}
	var gone []*schedule.Session
	for _, uid := range st.uids() {
		if present[uid] {
			continue
		}
		r := st.Events[uid]
		if r.Content.Status != schedule.StatusCancelled || orgChanged {
			r.Content.Status = schedule.StatusCancelled
			r.Sequence = min(r.Sequence+1, MaxSequence)
			r.LastModified = now
		}
		x := r.session(s)
		revs[x] = Revision{UID: uid, Sequence: r.Sequence, Modified: r.LastModified}
		gone = append(gone, x)
	}
	return revs, gone
}
