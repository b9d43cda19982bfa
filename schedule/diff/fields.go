package diff

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/schedkit/schedkit/schedule"
)

// A Field is one compared property of a session. The table of them (see
// Fields) is the whole definition of a change: two sessions differ exactly
// when one of their fields' keys differ, and then the change is reported
// under the field's Name with display values that always differ. Only the
// table makes Fields.
type Field struct {
	// Name names the field in output ("title", "start", …) and in the
	// list of compared fields of schedkit diff --help.
	Name string
	// key is what is compared, as a string: equal keys are no change.
	key func(sc *schedule.Schedule, s *schedule.Session) string
	// show returns the display values of a change (called only when the
	// keys differ); they always differ, so that a reported change never
	// reads "x → x".
	show func(old *schedule.Schedule, o *schedule.Session, new *schedule.Schedule, n *schedule.Session) (string, string)
	// event is what the ics state compares (EventChanged): the field as a
	// calendar event (the ics VEVENT) shows it; nil for a field that no
	// event shows, whose change gives no new SEQUENCE. For most fields it
	// is key.
	event func(sc *schedule.Schedule, s *schedule.Session) string
}

// fields is the table of compared fields, in the order changes are
// reported: every field of a session that an export writes and a reader of
// that export sees (a calendar app, a recording pipeline reading frab's
// <recording>, a person reading the html page). Fields of a session not in
// it are not compared:
//   - the speakers' ids (a person is their name and affiliation here);
//   - the frab id: an identifier, like the session id, that the frab
//     writers assign to sessions without one, so a file and its frab
//     export would differ in every session;
//   - frab_type (Session.SourceType), the source's word for the type: type
//     is compared, and the frab readers set frab_type only when the word
//     is not the type itself, so it is the wording of a compared field;
//   - the calendar UID read from a feed, and whether the id was derived
//     (ImplicitID): the id is what pairs sessions;
//   - the slug: schedule.json requires one, so the frab-json writer
//     derives one (conference, event id, title) for a session without
//     one, or with one its schema rejects (FOSDEM's end in "-", 36C3 has
//     "GGV8G3"), and frab-xml drops the slugs its schema rejects: a frab
//     file and its own export would differ in hundreds of slugs. A slug
//     is frab metadata that writers derive, like version;
//   - positions in the source.
//
// The fields from description on were added after the ics state's first
// release; those a calendar event does not show (all but description) have
// no event key, so they never bump a SEQUENCE.
var fields = []Field{
	text("title", func(s *schedule.Session) string { return s.Title }),
	text("subtitle", func(s *schedule.Session) string { return s.Subtitle }),
	// A track is its id; the placeholder of sessions that had none
	// (schedule.IsNoTrack, which frab readers and yaml imports give them)
	// is no track, as for the writers, which write none for it.
	text("track", func(s *schedule.Session) string {
		if schedule.IsNoTrack(s.Track) {
			return ""
		}
		return s.TrackID()
	}),
	// The track's name is compared too, as writers show it: every export
	// writes it with the session (ics CATEGORIES, csv's track column,
	// frab's <track>, the html and table headings), so a renamed track
	// changes each of its sessions' events, and the ics state must give
	// them a new SEQUENCE for calendar clients to show the new name.
	// Compare also reports the rename once, as a change of the track.
	text("track name", trackName),
	{
		// A room is compared as validate canonicalises it (different
		// spellings of one NameKey are one room); callers canonicalise
		// aliases to their registry name first, as validate does.
		Name:  "room",
		key:   func(_ *schedule.Schedule, s *schedule.Session) string { return schedule.NameKey(s.Room) },
		event: func(_ *schedule.Schedule, s *schedule.Session) string { return schedule.NameKey(s.Room) },
		show: func(_ *schedule.Schedule, o *schedule.Session, _ *schedule.Schedule, n *schedule.Session) (string, string) {
			return o.Room, n.Room
		},
	},
	instant("start", func(s *schedule.Session) time.Time { return s.Start }),
	instant("end", func(s *schedule.Session) time.Time { return s.End }),
	text("type", func(s *schedule.Session) string { return s.Type }),
	text("status", func(s *schedule.Session) string { return s.Status }),
	list("speakers", func(s *schedule.Session) []listItem {
		items := make([]listItem, len(s.Speakers))
		for i, p := range s.Speakers {
			items[i] = listItem{key: strconv.Quote(p.Name) + strconv.Quote(p.Affiliation), text: p.Name, quoted: strconv.Quote(p.Name)}
			if p.Affiliation != "" {
				items[i].text += " (" + p.Affiliation + ")"
				items[i].quoted += " (" + strconv.Quote(p.Affiliation) + ")"
			}
		}
		return items
	}),
	text("abstract", func(s *schedule.Session) string { return s.Abstract }),
	// The description is written by frab (<description>) and yaml as it
	// is, and by the other writers (ics DESCRIPTION, csv's abstract
	// column, json's abstract, html) in place of an absent abstract
	// (Session.Text). So a calendar event shows it only when the session
	// has no abstract: that is its event key, and an abstract-having
	// session's description edit leaves its event, and SEQUENCE, as they
	// were.
	withEvent(text("description", func(s *schedule.Session) string { return s.Description }),
		func(_ *schedule.Schedule, s *schedule.Session) string { return EventDescription(s) }),
	text("url", func(s *schedule.Session) string { return s.URL }),
	text("language", func(s *schedule.Session) string { return s.Language }),
	list("tags", func(s *schedule.Session) []listItem {
		items := make([]listItem, len(s.Tags))
		for i, t := range s.Tags {
			items[i] = listItem{key: strconv.Quote(t), text: t, quoted: strconv.Quote(t)}
		}
		return items
	}),
	// Links are written by html (the session's details), json, frab and
	// yaml; attachments by frab and yaml. Both are compared item by item,
	// title and url.
	notInEvent(list("links", func(s *schedule.Session) []listItem { return linkItems(s.Links) })),
	notInEvent(list("attachments", func(s *schedule.Session) []listItem { return linkItems(s.Attachments) })),
	// The recording opt-out and license are frab's <recording> (and
	// schedule.json's do_not_record, yaml's keys), which recording
	// pipelines (c3voc) read: losing a speaker's opt-out is the wrong
	// output that matters most, so an organizer diffing before publishing
	// must see it flip.
	notInEvent(text("do_not_record", func(s *schedule.Session) string { return strconv.FormatBool(s.DoNotRecord) })),
	notInEvent(text("recording_license", func(s *schedule.Session) string { return s.RecordingLicense })),
	// frab's <logo>, <feedback_url> and <origin_url>, which apps show
	// (yaml writes them too), compared as the frab writers write them:
	// an absolute http(s) URL, anything else being no value (see webURL).
	notInEvent(webURLField("logo", func(s *schedule.Session) string { return s.Logo })),
	notInEvent(webURLField("feedback_url", func(s *schedule.Session) string { return s.FeedbackURL })),
	notInEvent(webURLField("origin_url", func(s *schedule.Session) string { return s.OriginURL })),
	{
		// GUIDs are compared as exported, a missing one derived from the
		// conference id and the session id, so that a file that writes the
		// derived guid out, as import does, is not a change.
		Name:  "guid",
		key:   (*schedule.Schedule).GUIDOf,
		event: (*schedule.Schedule).GUIDOf,
		show: func(old *schedule.Schedule, o *schedule.Session, new *schedule.Schedule, n *schedule.Session) (string, string) {
			return old.GUIDOf(o), new.GUIDOf(n)
		},
	},
}

// EventDescription is the description as a calendar event shows it: the
// session's description when it has no abstract (ics DESCRIPTION holds
// Session.Text), else none.
func EventDescription(s *schedule.Session) string {
	if s.Abstract != "" {
		return ""
	}
	return s.Description
}

// linkItems are the items of a list of links: "Title <url>", or the url
// alone when the link has no title.
func linkItems(ls []schedule.Link) []listItem {
	items := make([]listItem, len(ls))
	for i, l := range ls {
		it := listItem{key: strconv.Quote(l.Title) + strconv.Quote(l.URL), text: l.URL, quoted: strconv.Quote(l.URL)}
		if l.Title != "" {
			it.text = l.Title + " <" + l.URL + ">"
			it.quoted = strconv.Quote(l.Title) + " <" + strconv.Quote(l.URL) + ">"
		}
		items[i] = it
	}
	return items
}

// webURLField is a text field compared as webURL keeps it, shown as the
// source gives it.
func webURLField(name string, get func(*schedule.Session) string) Field {
	f := text(name, get)
	f.key = func(_ *schedule.Schedule, s *schedule.Session) string { return webURL(get(s)) }
	f.event = f.key
	return f
}

// webURL is u when it is an absolute http(s) URL without spaces, else "":
// the frab writers write only such a logo, feedback_url or origin_url (their
// schemas take nothing else), so a path on the source's server ("/system/
// logos/x.png", as 36C3's frab file has) is lost in every frab export and
// is no value a reader of an export sees. Comparing it would make a frab
// file and its own export differ.
//
// It is the frab writers' test, ^https?://\S+$ (RE2's \s being ASCII
// whitespace), without a regular expression.
func webURL(u string) string {
	rest, ok := strings.CutPrefix(u, "http://")
	if !ok {
		rest, ok = strings.CutPrefix(u, "https://")
	}
	if !ok || rest == "" || strings.ContainsAny(rest, "\t\n\f\r ") {
		return ""
	}
	return u
}

// withEvent returns f with event as its event key.
func withEvent(f Field, event func(*schedule.Schedule, *schedule.Session) string) Field {
	f.event = event
	return f
}

// notInEvent returns f without an event key: a field no calendar event
// shows.
func notInEvent(f Field) Field {
	f.event = nil
	return f
}

// trackName is the name of s's track as writers show it: none for the
// placeholder track of sessions that had none (schedule.IsNoTrack).
func trackName(s *schedule.Session) string {
	if schedule.IsNoTrack(s.Track) {
		return ""
	}
	return s.TrackName()
}

// Fields returns the table of compared fields, in the order changes are
// reported (a copy: the table itself cannot be changed).
func Fields() []Field { return append([]Field(nil), fields...) }

// Differs reports whether session o of schedule old and n of new differ in
// field f.
func (f Field) Differs(old *schedule.Schedule, o *schedule.Session, new *schedule.Schedule, n *schedule.Session) bool {
	return f.key(old, o) != f.key(new, n)
}

// InEvent reports whether a calendar event (the ics VEVENT) shows the
// field, so that its change gives the event a new SEQUENCE (EventChanged).
func (f Field) InEvent() bool { return f.event != nil }

// Changes returns the fields in which session o of schedule old and n of
// new differ, in table order, with their display values; nil when they do
// not differ. The schedules matter for the guid, which is derived from the
// conference id when a session has none.
func Changes(old *schedule.Schedule, o *schedule.Session, new *schedule.Schedule, n *schedule.Session) []FieldChange {
	var fs []FieldChange
	for _, f := range fields {
		if f.Differs(old, o, new, n) {
			ov, nv := f.show(old, o, new, n)
			fs = append(fs, FieldChange{Field: f.Name, Old: ov, New: nv})
		}
	}
	return fs
}

// Changed reports whether schedkit diff would report session o of old,
// paired with n of new, as changed: whether any field differs. The ics
// state bumps a SEQUENCE on EventChanged, the fields an event shows.
func Changed(old *schedule.Schedule, o *schedule.Session, new *schedule.Schedule, n *schedule.Session) bool {
	for _, f := range fields {
		if f.Differs(old, o, new, n) {
			return true
		}
	}
	return false
}

// EventChanged reports whether the calendar event of session o of old,
// paired with n of new, changed: whether a field a calendar event shows
// differs (Field.InEvent; the description only where the event shows it,
// for a session without an abstract). It is what the ics state bumps an
// event's SEQUENCE on. Every field it compares, Changed compares too.
func EventChanged(old *schedule.Schedule, o *schedule.Session, new *schedule.Schedule, n *schedule.Session) bool {
	for _, f := range fields {
		if f.event != nil && f.event(old, o) != f.event(new, n) {
			return true
		}
	}
	return false
}

// contentKey encodes every field's key of s, so that two sessions have
// equal content keys exactly when Changed is false for them. Keys are
// quoted, so that their concatenation cannot be read two ways.
func contentKey(sc *schedule.Schedule, s *schedule.Session) string {
	var b []byte
	for _, f := range fields {
		b = strconv.AppendQuote(b, f.key(sc, s))
	}
	return string(b)
}

// text is a field that is compared and shown as the string get returns.
func text(name string, get func(*schedule.Session) string) Field {
	key := func(_ *schedule.Schedule, s *schedule.Session) string { return get(s) }
	return Field{
		Name: name, key: key, event: key,
		show: func(_ *schedule.Schedule, o *schedule.Session, _ *schedule.Schedule, n *schedule.Session) (string, string) {
			return get(o), get(n)
		},
	}
}

// instant is a time field, compared as an instant: the same time written
// in another zone is no change. It is shown to the minute in the
// schedule's zone (see when); when two different instants read alike that
// way (seconds apart, or zones with one abbreviation), they are shown
// to the nanosecond with their UTC offsets.
func instant(name string, get func(*schedule.Session) time.Time) Field {
	key := func(_ *schedule.Schedule, s *schedule.Session) string { return instantKey(get(s)) }
	return Field{
		Name: name, key: key, event: key,
		show: func(_ *schedule.Schedule, o *schedule.Session, _ *schedule.Schedule, n *schedule.Session) (string, string) {
			return showInstants(get(o), get(n))
		},
	}
}

// instantKey is the key of an instant: equal for the same instant in any
// zone, "" for none.
func instantKey(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return fmt.Sprintf("%d.%09d", t.Unix(), t.Nanosecond())
}

// showInstants returns the display values of two different instants: to
// the minute (see when), or to the nanosecond with their UTC offsets when
// they read alike that way.
func showInstants(ot, nt time.Time) (string, string) {
	if ov, nv := when(ot), when(nt); ov != nv {
		return ov, nv
	}
	const exact = "2006-01-02 15:04:05.999999999 MST -07:00"
	return ot.Format(exact), nt.Format(exact)
}

// when formats an instant as diff shows it: to the minute, in its
// schedule's zone; "" for an untimed session.
func when(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("2006-01-02 15:04 MST")
}

// listItem is one element of a list field: key is what is compared, text
// how it is shown, quoted how it is shown when the joined lists would
// print alike.
type listItem struct{ key, text, quoted string }

// list is a field holding a list, compared item by item (keys are quoted,
// so that their concatenation is unambiguous). A change shows both lists
// joined by ", " ("Name (Affiliation), Name"), or, when that reads the
// same on both sides (["Ann, Bob"] and [Ann, Bob]), with each item quoted.
func list(name string, items func(*schedule.Session) []listItem) Field {
	join := func(items []listItem, part func(listItem) string) string {
		parts := make([]string, len(items))
		for i, it := range items {
			parts[i] = part(it)
		}
		return strings.Join(parts, ", ")
	}
	key := func(_ *schedule.Schedule, s *schedule.Session) string {
		return join(items(s), func(it listItem) string { return it.key })
	}
	return Field{
		Name: name, key: key, event: key,
		show: func(_ *schedule.Schedule, o *schedule.Session, _ *schedule.Schedule, n *schedule.Session) (string, string) {
			oi, ni := items(o), items(n)
			text := func(it listItem) string { return it.text }
			if ov, nv := join(oi, text), join(ni, text); ov != nv {
				return ov, nv
			}
			quoted := func(it listItem) string { return it.quoted }
			return join(oi, quoted), join(ni, quoted)
		},
	}
}
