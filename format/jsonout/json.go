// Package jsonout writes the normalised schedule model as JSON (RFC 8259),
// for jq and other programs: ids resolved (implicit ids filled in), rooms
// spelled canonically, instants in RFC 3339 with the conference zone's
// offset, durations in whole minutes.
//
// # Schema (version 1)
//
// The README's "JSON export" section sketches it too; tests check that
// both sketches name exactly the keys of Document. Every key is always
// present; a value that the schedule does not give is "" (strings), [] (lists),
// 0 (frab_id) or null (organizer; start, end, date and duration_min of a
// session without resolved times). "guid" is never empty: a session without
// one gets schedule.DerivedGUID of the conference id and session id (see
// Schedule.GUIDOf), the same guid the frab exports and import write.
//
//	{
//	  "schedkit_json": 1,                      // schema version; bumped on incompatible change
//	  "conference": {
//	    "name": "…", "id": "…", "timezone": "America/New_York", "url": "…",
//	    "organizer": {"name": "…", "email": "…"} | null
//	  },
//	  "tracks": [                              // tracks with at least one exported session, in file order
//	    {"id": "…", "name": "…", "room": "…", "host": "…",
//	     "sessions": ["session-id", …]}        // the track's exported sessions, in "sessions" order
//	  ],
//	  "sessions": [                            // sorted by start, then room, then id; untimed last
//	    {
//	      "id": "…", "guid": "…", "frab_id": 0, "track": "track-id",
//	      "title": "…", "subtitle": "…", "room": "…",
//	      "date": "2019-06-25",               // local date of the start
//	      "start": "2019-06-25T10:35:00-04:00", "end": "…",
//	      "duration_min": 50,
//	      "type": "talk", "status": "confirmed", "language": "…",
//	      "speakers": [{"id": "…", "name": "…", "affiliation": "…"}],
//	      "abstract": "…", "url": "…", "tags": ["…"],
//	      "links": [{"title": "…", "url": "…"}]
//	    }
//	  ]
//	}
//
// Output is indented with two spaces and ends with a newline. Strings are
// not HTML-escaped (no \u003c for <), so text reads as written.
package jsonout

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"time"

	"github.com/schedkit/schedkit/schedule"
)

// Version is the value of "schedkit_json".
const Version = 1

// Document is the top-level object. The package comment and the README
// sketch it (TestPackageDocSchema and cmd/schedkit's TestREADMEJSONExport
// fail when a key differs).
type Document struct {
	Version    int        `json:"schedkit_json"`
	Conference Conference `json:"conference"`
	Tracks     []Track    `json:"tracks"`
	Sessions   []Session  `json:"sessions"`
}

// Conference is the event.
type Conference struct {
	Name      string     `json:"name"`
	ID        string     `json:"id"`
	TimeZone  string     `json:"timezone"`
	URL       string     `json:"url"`
	Organizer *Organizer `json:"organizer"`
}

// Organizer is who publishes the schedule.
type Organizer struct {
	Name  string `json:"name"`
	Email string `json:"email"`
}

// Track is a track with the ids of its exported sessions.
type Track struct {
	ID       string   `json:"id"`
	Name     string   `json:"name"`
	Room     string   `json:"room"`
	Host     string   `json:"host"`
	Sessions []string `json:"sessions"`
}

// Session is one session. GUID is the session's guid, or the derived one
// (Schedule.GUIDOf) when it has none. Start, End, Date and DurationMin are
// nil for a session without resolved times.
type Session struct {
	ID          string   `json:"id"`
	GUID        string   `json:"guid"`
	FrabID      int      `json:"frab_id"`
	Track       string   `json:"track"`
	Title       string   `json:"title"`
	Subtitle    string   `json:"subtitle"`
	Room        string   `json:"room"`
	Date        *string  `json:"date"`
	Start       *string  `json:"start"`
	End         *string  `json:"end"`
	DurationMin *int64   `json:"duration_min"`
	Type        string   `json:"type"`
	Status      string   `json:"status"`
	Language    string   `json:"language"`
	Speakers    []Person `json:"speakers"`
	Abstract    string   `json:"abstract"`
	URL         string   `json:"url"`
	Tags        []string `json:"tags"`
	Links       []Link   `json:"links"`
}

// Person is a speaker.
type Person struct {
	ID          string `json:"id"`
	Name        string `json:"name"`
	Affiliation string `json:"affiliation"`
}

// Link is a titled URL.
type Link struct {
	Title string `json:"title"`
	URL   string `json:"url"`
}

// Build returns the document of sessions (in the order given) of s.
func Build(s *schedule.Schedule, sessions []*schedule.Session) Document {
	loc := s.Loc()
	doc := head(s, sessions)
	doc.Sessions = make([]Session, 0, len(sessions))
	for _, ss := range sessions {
		doc.Sessions = append(doc.Sessions, session(s, loc, ss))
	}
	return doc
}

// head is the document without its sessions: the conference and the
// tracks with the ids of their exported sessions.
func head(s *schedule.Schedule, sessions []*schedule.Session) Document {
	doc := Document{
		Version: Version,
		Conference: Conference{
			Name: s.Conference.Name, ID: s.Conference.ID, TimeZone: s.Loc().String(), URL: s.Conference.URL,
		},
		Tracks: []Track{},
	}
	if o := s.Conference.Organizer; o != nil {
		doc.Conference.Organizer = &Organizer{Name: o.Name, Email: o.Email}
	}
	byTrack := map[*schedule.Track][]string{}
	for _, ss := range sessions {
		if ss.Track != nil {
			byTrack[ss.Track] = append(byTrack[ss.Track], ss.ID)
		}
	}
	// list adds a track with exported sessions, once.
	list := func(t *schedule.Track) {
		if ids, ok := byTrack[t]; ok {
			doc.Tracks = append(doc.Tracks, Track{ID: t.ID, Name: t.Name, Room: t.Room, Host: t.Host, Sessions: ids})
			delete(byTrack, t)
		}
	}
	for _, t := range s.Tracks {
		list(t)
	}
	// Sessions whose track is not in s.Tracks (a hand-built schedule) still
	// get their track listed, in session order.
	for _, ss := range sessions {
		list(ss.Track)
	}
	return doc
}

// session is the JSON of ss; the schedule s gives the derived guid of a
// session without one.
func session(s *schedule.Schedule, loc *time.Location, ss *schedule.Session) Session {
	out := Session{
		ID: ss.ID, GUID: s.GUIDOf(ss), FrabID: ss.FrabID, Track: ss.TrackID(),
		Title: ss.Title, Subtitle: ss.Subtitle, Room: ss.Room,
		Type: ss.Type, Status: ss.Status, Language: ss.Language,
		Speakers: make([]Person, len(ss.Speakers)),
		Abstract: ss.Text(), URL: ss.URL,
		Tags:  append([]string{}, ss.Tags...),
		Links: make([]Link, len(ss.Links)),
	}
	if ss.Timed() {
		start, end := ss.Start.In(loc), ss.End.In(loc)
		date, st, en := start.Format(time.DateOnly), start.Format(time.RFC3339), end.Format(time.RFC3339)
		mins := int64(end.Sub(start) / time.Minute)
		out.Date, out.Start, out.End, out.DurationMin = &date, &st, &en, &mins
	}
	for i, p := range ss.Speakers {
		out.Speakers[i] = Person{ID: p.ID, Name: p.Name, Affiliation: p.Affiliation}
	}
	for i, l := range ss.Links {
		out.Links[i] = Link{Title: l.Title, URL: l.URL}
	}
	return out
}

// Write writes the document of sessions of s to w: the bytes of
// encoding/json's Encoder with two-space indent, written a session at a time
// (the whole document of 100,000 sessions, then its indented copy, took
// 3.6 s and 500 MB; TestWriteStreams compares the two).
func Write(w io.Writer, s *schedule.Schedule, sessions []*schedule.Session) error {
	doc := head(s, sessions)
	bw := bufio.NewWriterSize(w, 64<<10)
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	// value appends v, indented as a member of depth 1 (prefix p), without
	// the encoder's newline.
	value := func(v any, p string) error {
		buf.Reset()
		enc.SetIndent(p, "  ")
		if err := enc.Encode(v); err != nil {
			return err
		}
		_, err := bw.Write(bytes.TrimSuffix(buf.Bytes(), []byte("\n")))
		return err
	}
	fmt.Fprintf(bw, "{\n  \"schedkit_json\": %d,\n  \"conference\": ", doc.Version)
	if err := value(doc.Conference, "  "); err != nil {
		return err
	}
	bw.WriteString(",\n  \"tracks\": ")
	if err := value(doc.Tracks, "  "); err != nil {
		return err
	}
	bw.WriteString(",\n  \"sessions\": [")
	loc := s.Loc()
	for i, ss := range sessions {
		if i > 0 {
			bw.WriteByte(',')
		}
		bw.WriteString("\n    ")
		if err := value(session(s, loc, ss), "    "); err != nil {
			return err
		}
	}
	if len(sessions) > 0 {
		bw.WriteString("\n  ")
	}
	bw.WriteString("]\n}\n")
	return bw.Flush()
}
