// Package yamlout writes a schedule in schedkit's own YAML format, the one
// schedule.Load reads (see docs/format.md), with every session's id and
// guid explicit. `schedkit import` uses it to turn a frab, schedule.json or
// iCalendar file into a plain schedkit file.
//
// Times are written as local wall clock with the date (start:
// 2025-02-01T09:30, end: 2025-02-01T09:50) in the conference zone, so the
// file reads back to the same instants; seconds are dropped. A wall-clock
// time that occurs twice (clocks fall back) is written with the offset of
// its reading (2024-10-27T02:30+01:00), as docs/format.md allows, so that
// the second occurrence stays the second. Sessions without a track are
// written in a track "No track" (id no-track). Untimed sessions are written
// without start and end, so that loading the file reports them.
//
// The output is YAML 1.2 that YAML 1.1 parsers read the same way: clock
// values (day_change, day_start, day_end) are quoted, since YAML 1.1 reads
// an unquoted 10:35 as the sexagesimal number 635, and session date-times
// are written without seconds, which both versions read as strings (the
// conference days' bounds, which may have seconds, are quoted).
package yamlout

import (
	"bytes"
	"github.com/schedkit/schedkit/internal/slug"
	"io"
	"slices"
	"strconv"
	"time"

	"github.com/schedkit/schedkit/schedule"
	"go.yaml.in/yaml/v4"
)

// node helpers: a mapping with keys in the order given.
type mapping struct{ n *yaml.Node }

func newMapping() mapping { return mapping{&yaml.Node{Kind: yaml.MappingNode}} }

func str(s string) *yaml.Node { return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s} }

// clock is a time value, always quoted: YAML 1.1 readers take 10:35 for
// the sexagesimal number 635.
func clock(s string) *yaml.Node {
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s, Style: yaml.DoubleQuotedStyle}
}

func (m mapping) set(key string, v *yaml.Node) {
	m.n.Content = append(m.n.Content, str(key), v)
}

// setStr adds key: s unless s is empty.
func (m mapping) setStr(key, s string) {
	if s != "" {
		m.set(key, str(s))
	}
}

func seq() *yaml.Node { return &yaml.Node{Kind: yaml.SequenceNode} }

// Write writes s as schedkit YAML.
func Write(w io.Writer, s *schedule.Schedule) error {
	root := newMapping()
	root.set("conference", conference(s))
	if len(s.Rooms) > 0 {
		rooms := seq()
		for _, r := range s.Rooms {
			m := newMapping()
			m.set("name", str(r.Name))
			if len(r.Aliases) > 0 {
				al := seq()
				for _, a := range r.Aliases {
					al.Content = append(al.Content, str(a))
				}
				m.set("aliases", al)
			}
			rooms.Content = append(rooms.Content, m.n)
		}
		root.set("rooms", rooms)
	}
	if r := rules(s.Policy); r != nil {
		root.set("rules", r)
	}
	tracks := seq()
	var untracked []*schedule.Session
	for _, ss := range s.Sessions {
		if ss.Track == nil {
			untracked = append(untracked, ss)
		}
	}
	all := s.Tracks
	if len(untracked) > 0 {
		used := map[string]bool{}
		for _, t := range all {
			used[t.ID] = true
		}
		id := slug.Unique(used, schedule.NoTrackID)
		all = append(slices.Clip(all), &schedule.Track{ID: id, Name: schedule.NoTrackName, Sessions: untracked})
	}
	// The guids the sessions have of their own, then those derived as
	// they are written: see session.
	guids := map[string]bool{}
	for _, ss := range s.Sessions {
		if ss.GUID != "" {
			guids[ss.GUID] = true
		}
	}
	for _, t := range all {
		tracks.Content = append(tracks.Content, track(s, t, guids))
	}
	root.set("tracks", tracks)

	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(root.n); err != nil {
		return err
	}
	if err := enc.Close(); err != nil {
		return err
	}
	_, err := w.Write(buf.Bytes())
	return err
}

func conference(s *schedule.Schedule) *yaml.Node {
	c := s.Conference
	m := newMapping()
	m.set("name", str(c.Name))
	m.setStr("id", c.ID)
	tz := c.TimeZone
	if tz == "" && s.Location != nil {
		tz = s.Location.String()
	}
	m.setStr("timezone", tz)
	m.setStr("url", c.URL)
	if c.DayChange != "" {
		m.set("day_change", clock(c.DayChange))
	}
	if len(c.Days) > 0 {
		days := seq()
		for _, d := range c.Days {
			dm := newMapping()
			dm.set("date", str(d.Date.String()))
			dm.set("start", clock(dayBound(d.Start, s.Loc())))
			dm.set("end", clock(dayBound(d.End, s.Loc())))
			dm.n.Style = yaml.FlowStyle
			days.Content = append(days.Content, dm.n)
		}
		m.set("days", days)
	}
	m.setStr("version", c.Version)
	if c.TimeslotDuration != "" {
		m.set("timeslot_duration", clock(c.TimeslotDuration))
	}
	if o := c.Organizer; o != nil {
		om := newMapping()
		om.setStr("name", o.Name)
		om.set("email", str(o.Email))
		m.set("organizer", om.n)
	}
	return m.n
}

func rules(p schedule.Policy) *yaml.Node {
	m := newMapping()
	for _, r := range []struct {
		key string
		d   time.Duration
	}{{"min_duration", p.MinDuration}, {"changeover", p.Changeover}, {"speaker_buffer", p.SpeakerBuffer}} {
		if r.d > 0 {
			m.set(r.key, str(schedule.FormatDuration(r.d)))
		}
	}
	if p.MaxDuration > 0 && p.MaxDuration != schedule.DefaultMaxDuration {
		m.set("max_duration", str(schedule.FormatDuration(p.MaxDuration)))
	}
	if p.DayStart >= 0 {
		m.set("day_start", clock(schedule.FormatClock(p.DayStart)))
	}
	if p.DayEnd >= 0 {
		m.set("day_end", clock(schedule.FormatClock(p.DayEnd)))
	}
	if len(p.Severity) > 0 {
		sv := newMapping()
		for _, id := range schedule.RuleIDs() { // table order: deterministic
			if sev, ok := p.Severity[id]; ok {
				sv.set(id, str(sev.String()))
			}
		}
		m.set("severity", sv.n)
	}
	if len(m.n.Content) == 0 {
		return nil
	}
	return m.n
}

func track(s *schedule.Schedule, t *schedule.Track, guids map[string]bool) *yaml.Node {
	m := newMapping()
	m.set("name", str(t.Name))
	m.set("id", str(t.ID))
	m.setStr("room", t.Room)
	m.setStr("date", t.Date)
	m.setStr("host", t.Host)
	m.setStr("description", t.Description)
	sessions := seq()
	for _, ss := range t.Sessions {
		sessions.Content = append(sessions.Content, session(s, ss, guids))
	}
	m.set("sessions", sessions)
	return m.n
}

const wallLayout = "2006-01-02T15:04"

// wall writes t as the local date-time in loc, with the UTC offset when
// that wall time occurs twice.
func wall(t time.Time, loc *time.Location) string {
	t = t.In(loc)
	if schedule.Ambiguous(t) {
		return t.Format(wallLayout + "-07:00")
	}
	return t.Format(wallLayout)
}

// dayBound writes a day's start or end as wall does, with the seconds
// when there are any (DebConf 23's days end at 02:59:59); the caller
// quotes it, since YAML 1.1 reads a date-time with seconds as a timestamp.
func dayBound(t time.Time, loc *time.Location) string {
	if t.Second() == 0 {
		return wall(t, loc)
	}
	t = t.In(loc)
	if schedule.Ambiguous(t) {
		return t.Format(wallLayout + ":05-07:00")
	}
	return t.Format(wallLayout + ":05")
}

// session writes ss. Its guid is its own, or the one derived from its id;
// a derived guid that another session has (an earlier one with the same
// id, itself a duplicate-id error, or one with that guid of its own) is
// left out, so that the file has no duplicate-guid finding its source did
// not have. guids holds the sessions' own guids and the derived ones
// written so far.
func session(s *schedule.Schedule, ss *schedule.Session, guids map[string]bool) *yaml.Node {
	m := newMapping()
	m.set("id", str(ss.ID))
	m.set("title", str(ss.Title))
	if g := s.GUIDOf(ss); ss.GUID != "" || !guids[g] {
		m.set("guid", str(g))
		if ss.GUID == "" {
			guids[g] = true
		}
	}
	m.setStr("uid", ss.UID)
	if ss.FrabID > 0 {
		m.set("frab_id", &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!int", Value: strconv.Itoa(ss.FrabID)})
	}
	m.setStr("subtitle", ss.Subtitle)
	if ss.Timed() {
		loc := s.Loc()
		// A date-time without seconds is a string in YAML 1.1 and 1.2 alike.
		m.set("start", str(wall(ss.Start, loc)))
		m.set("end", str(wall(ss.End, loc)))
	}
	m.setStr("room", ss.Room)
	if ss.Type != "" && ss.Type != schedule.TypeTalk {
		m.set("type", str(ss.Type))
	}
	if ss.Status != "" && ss.Status != schedule.StatusConfirmed {
		m.set("status", str(ss.Status))
	}
	m.setStr("language", ss.Language)
	if len(ss.Speakers) > 0 {
		sp := seq()
		for _, p := range ss.Speakers {
			if p.ID == "" && p.Affiliation == "" && p.Name != "" {
				sp.Content = append(sp.Content, str(p.Name))
				continue
			}
			pm := newMapping()
			pm.set("name", str(p.Name))
			pm.setStr("id", p.ID)
			pm.setStr("affiliation", p.Affiliation)
			sp.Content = append(sp.Content, pm.n)
		}
		m.set("speakers", sp)
	}
	m.setStr("url", ss.URL)
	if len(ss.Tags) > 0 {
		tags := seq()
		for _, t := range ss.Tags {
			tags.Content = append(tags.Content, str(t))
		}
		m.set("tags", tags)
	}
	links(m, "links", ss.Links)
	links(m, "attachments", ss.Attachments)
	m.setStr("slug", ss.Slug)
	m.setStr("logo", ss.Logo)
	m.setStr("feedback_url", ss.FeedbackURL)
	m.setStr("origin_url", ss.OriginURL)
	m.setStr("frab_type", ss.SourceType)
	if ss.DoNotRecord {
		m.set("do_not_record", &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!bool", Value: "true"})
	}
	m.setStr("recording_license", ss.RecordingLicense)
	m.setStr("abstract", ss.Abstract)
	m.setStr("description", ss.Description)
	return m.n
}

// links writes the links (or attachments) ls under key, when there are any.
func links(m mapping, key string, ls []schedule.Link) {
	if len(ls) == 0 {
		return
	}
	n := seq()
	for _, l := range ls {
		lm := newMapping()
		lm.setStr("title", l.Title)
		lm.set("url", str(l.URL))
		n.Content = append(n.Content, lm.n)
	}
	m.set(key, n)
}
