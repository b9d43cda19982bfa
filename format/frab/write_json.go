package frab

import (
	"bytes"
	"cmp"
	"encoding/json"
	"github.com/schedkit/schedkit/internal/uuid"
	"io"
	"strconv"
	"strings"

	"github.com/schedkit/schedkit/internal/lazyregexp"
	"github.com/schedkit/schedkit/schedule"
)

// -- output protocol: the c3voc schedule.schema.json (draft-06) --

type jFile struct {
	Schema   string    `json:"$schema"`
	Schedule jSchedule `json:"schedule"`
}

type jSchedule struct {
	Version    string      `json:"version"`
	BaseURL    string      `json:"base_url,omitempty"`
	Conference jConference `json:"conference"`
}

type jConference struct {
	Acronym          string   `json:"acronym"`
	Title            string   `json:"title"`
	Start            string   `json:"start"`
	End              string   `json:"end"`
	DaysCount        int      `json:"daysCount"`
	TimeslotDuration string   `json:"timeslot_duration"`
	TimeZoneName     string   `json:"time_zone_name,omitempty"`
	URL              string   `json:"url,omitempty"`
	Rooms            []jRoom  `json:"rooms"`
	Tracks           []jTrack `json:"tracks"`
	Days             []jDay   `json:"days"`
}

type jRoom struct {
	Name string `json:"name"`
	GUID string `json:"guid"`
}

type jTrack struct {
	Name string `json:"name"`
}

type jDay struct {
	Index    int                 `json:"index"`
	Date     string              `json:"date"`
	DayStart string              `json:"day_start"`
	DayEnd   string              `json:"day_end"`
	Rooms    map[string][]jEvent `json:"rooms"`
}

type jEvent struct {
	ID       int     `json:"id"`
	GUID     string  `json:"guid"`
	Date     string  `json:"date"`
	Start    string  `json:"start"`
	Duration string  `json:"duration"`
	Room     string  `json:"room"`
	Slug     string  `json:"slug"`
	URL      string  `json:"url"`
	Title    string  `json:"title"`
	Subtitle string  `json:"subtitle"`
	Track    *string `json:"track"`
	Type     string  `json:"type"`
	Language *string `json:"language"`
	Abstract string  `json:"abstract"`
	// Description is written for every event, null when there is none:
	// pyfahrplan and other consumers read the key unconditionally.
	Description *string `json:"description"`
	// Logo and RecordingLicense are written for every event, "" when
	// there is none, as pretalx writes them: c3voc's voctoimport deletes
	// the logo key unconditionally (see TestRealDataJSONConsumerKeys).
	Logo             string    `json:"logo"`
	RecordingLicense string    `json:"recording_license"`
	DoNotRecord      bool      `json:"do_not_record"`
	Persons          []jPerson `json:"persons"`
	Links            []jLink   `json:"links"`
	Attachments      []jLink   `json:"attachments"`
	FeedbackURL      string    `json:"feedback_url,omitempty"`
	OriginURL        string    `json:"origin_url,omitempty"`
}

// jPerson is a FrabPerson {id, public_name} when the id is an integer, else
// a PretalxPerson {name, public_name, code or guid}: the schema's oneOf
// admits exactly one (a FrabPerson needs an id, so a PretalxPerson with a
// public_name is still only a PretalxPerson). public_name is on both, since
// pyfahrplan reads only that.
type jPerson struct {
	ID         *int   `json:"id,omitempty"`
	PublicName string `json:"public_name,omitempty"`
	Name       string `json:"name,omitempty"`
	Code       string `json:"code,omitempty"`
	GUID       string `json:"guid,omitempty"`
}

type jLink struct {
	URL   string `json:"url"`
	Title string `json:"title,omitempty"`
}

var (
	jsonTZ   = lazyregexp.New(`^([A-Z][a-z]+/[A-Z][a-z]+)|UTC$`) // as the schema has it
	jsonCode = lazyregexp.New(`^[A-Z0-9]+$`)
	jsonSlug = lazyregexp.New(`^[a-z0-9_-]+[a-z0-9]$`)
)

// acronym fits the conference id to the schema's acronym pattern.
func acronym(id string) string {
	a := strings.ReplaceAll(id, "-", "_")
	for len(a) < 4 {
		a += "_"
	}
	return a
}

func optional(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// WriteJSON writes sessions (a selection of s's) as a schedule.json valid
// against the c3voc schedule.schema.json.
func WriteJSON(out io.Writer, s *schedule.Schedule, sessions []*schedule.Session) error {
	p := makePlan(s, sessions)
	c := s.Conference
	jc := jConference{
		Acronym: acronym(c.ID), Title: c.Name, DaysCount: len(p.days),
		TimeslotDuration: timeslot(c, p),
		Rooms:            []jRoom{}, Tracks: []jTrack{}, Days: []jDay{},
	}
	if p.hasEvents {
		jc.Start, jc.End = p.first.String(), p.last.String()
	}
	if jsonTZ.MatchString(c.TimeZone) {
		jc.TimeZoneName = c.TimeZone
	}
	if httpURL.MatchString(c.URL) {
		jc.URL = c.URL
	}
	for _, r := range p.rooms {
		jc.Rooms = append(jc.Rooms, jRoom{Name: r, GUID: schedule.DerivedGUID(c.ID, "room:"+r)})
	}
	seenTrack := map[string]bool{}
	for _, d := range p.days {
		jd := jDay{Index: d.index, Date: d.date.String(), DayStart: d.start.Format(dateLayout), DayEnd: d.end.Format(dateLayout), Rooms: map[string][]jEvent{}}
		for _, r := range d.rooms {
			evs := []jEvent{}
			for _, e := range r.events {
				evs = append(evs, encodeJSONEvent(s, e))
				if t := trackName(e.s); t != "" && !seenTrack[t] {
					seenTrack[t] = true
					jc.Tracks = append(jc.Tracks, jTrack{Name: t})
				}
			}
			jd.Rooms[r.name] = evs
		}
		jc.Days = append(jc.Days, jd)
	}
	f := jFile{Schema: "https://c3voc.de/schedule/schema.json", Schedule: jSchedule{Conference: jc}}
	if httpURL.MatchString(c.URL) {
		f.Schedule.BaseURL = c.URL
	}
	encode := func() ([]byte, error) {
		var buf bytes.Buffer
		enc := json.NewEncoder(&buf)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		err := enc.Encode(f)
		return buf.Bytes(), err
	}
	b, err := encode()
	if err != nil {
		return err
	}
	f.Schedule.Version = cmp.Or(c.Version, version(b))
	if b, err = encode(); err != nil {
		return err
	}
	_, err = out.Write(b)
	return err
}

func encodeJSONEvent(s *schedule.Schedule, e *event) jEvent {
	ss := e.s
	start := ss.Start.In(s.Loc())
	je := jEvent{
		ID: e.id, GUID: e.guid, Date: start.Format(dateLayout), Start: start.Format("15:04"),
		Duration: FormatDuration(ss.Duration()), Room: ss.Room,
		Slug: eventSlug(s.Conference.ID, e.id, ss.Title), URL: ss.URL, Title: ss.Title, Subtitle: ss.Subtitle,
		Track: optional(trackName(ss)), Type: cmp.Or(ss.SourceType, ss.Type), Language: optional(ss.Language), Abstract: ss.Abstract,
		Description: optional(ss.Description), RecordingLicense: ss.RecordingLicense, DoNotRecord: ss.DoNotRecord,
		Persons: []jPerson{}, Links: []jLink{}, Attachments: []jLink{},
	}
	if jsonSlug.MatchString(ss.Slug) {
		je.Slug = ss.Slug
	}
	// The schema admits a logo relative to base_url, as frab writes it.
	je.Logo = ss.Logo
	if httpURL.MatchString(ss.FeedbackURL) {
		je.FeedbackURL = ss.FeedbackURL
	}
	if httpURL.MatchString(ss.OriginURL) {
		je.OriginURL = ss.OriginURL
	}
	for _, l := range ss.Attachments {
		je.Attachments = append(je.Attachments, jLink{URL: l.URL, Title: l.Title})
	}
	for _, pr := range ss.Speakers {
		var jp jPerson
		if n, err := strconv.Atoi(pr.ID); err == nil && intRE.MatchString(pr.ID) {
			jp.ID, jp.PublicName = &n, pr.Name
		} else {
			jp.Name, jp.PublicName = pr.Name, pr.Name
			switch {
			case uuid.Valid(pr.ID):
				jp.GUID = pr.ID
			case jsonCode.MatchString(pr.ID):
				jp.Code = pr.ID
			}
		}
		je.Persons = append(je.Persons, jp)
	}
	for _, l := range ss.Links {
		je.Links = append(je.Links, jLink{URL: l.URL, Title: l.Title})
	}
	return je
}
