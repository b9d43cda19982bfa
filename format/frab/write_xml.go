package frab

import (
	"bytes"
	"cmp"
	"encoding/xml"
	"errors"
	"fmt"
	"github.com/schedkit/schedkit/internal/uuid"
	"io"
	"strconv"
	"time"

	"github.com/schedkit/schedkit/internal/lazyregexp"
	"github.com/schedkit/schedkit/schedule"
)

var (
	xsdAcronym = lazyregexp.New(`^[a-z0-9_-]{4,}$`)
	xsdSlug    = lazyregexp.New(`^[a-z0-9_]{4,}-[a-z0-9\-_]{4,}$`) // voc-slug-new
	intRE      = lazyregexp.New(`^-?[0-9]+$`)
)

type xw struct{ b bytes.Buffer }

func (w *xw) esc(s string) {
	xml.EscapeText(&w.b, []byte(s)) //nolint:errcheck // a bytes.Buffer does not fail
}

// elem writes <name>text</name> on its own line.
func (w *xw) elem(indent, name, text string) {
	fmt.Fprintf(&w.b, "%s<%s>", indent, name)
	w.esc(text)
	fmt.Fprintf(&w.b, "</%s>\n", name)
}

func (w *xw) attr(name, val string) {
	fmt.Fprintf(&w.b, " %s=\"", name)
	w.esc(val)
	w.b.WriteByte('"')
}

// list writes the element name on its own line holding n items, each
// written by item(i), or <name/> when n is 0.
func (w *xw) list(indent, name string, n int, item func(i int)) {
	if n == 0 {
		fmt.Fprintf(&w.b, "%s<%s/>\n", indent, name)
		return
	}
	fmt.Fprintf(&w.b, "%s<%s>\n", indent, name)
	for i := range n {
		item(i)
	}
	fmt.Fprintf(&w.b, "%s</%s>\n", indent, name)
}

// links writes a list of links, each <elem href="URL">title</elem>.
func (w *xw) links(indent, name, elem string, ls []schedule.Link) {
	w.list(indent, name, len(ls), func(i int) {
		w.b.WriteString(indent + "  <" + elem)
		w.attr("href", ls[i].URL)
		w.b.WriteString(">")
		w.esc(ls[i].Title)
		w.b.WriteString("</" + elem + ">\n")
	})
}

// ErrNoEvents is WriteXML's error for a selection without a timed session
// that is not cancelled: schedule.xml.xsd requires at least one <day>, and
// a day needs a date.
var ErrNoEvents = errors.New("a frab schedule.xml needs at least one <day>, but no session in the selection can be written (untimed and cancelled sessions are left out)")

// WriteXML writes sessions (a selection of s's, in any order) as a frab
// schedule.xml valid against the c3voc schedule.xml.xsd; without a timed
// session it writes nothing and returns ErrNoEvents.
func WriteXML(out io.Writer, s *schedule.Schedule, sessions []*schedule.Session) error {
	p := makePlan(s, sessions)
	if !p.hasEvents {
		return ErrNoEvents
	}
	loc := s.Loc()
	var body xw
	for _, d := range p.days {
		fmt.Fprintf(&body.b, "  <day index=\"%d\" date=\"%s\" start=\"%s\" end=\"%s\">\n", d.index, d.date, d.start.Format(dateLayout), d.end.Format(dateLayout))
		for _, r := range d.rooms {
			body.b.WriteString("    <room")
			body.attr("name", r.name)
			body.b.WriteString(">\n")
			for _, e := range r.events {
				writeXMLEvent(&body, e, loc)
			}
			body.b.WriteString("    </room>\n")
		}
		body.b.WriteString("  </day>\n")
	}
	var conf xw
	c := s.Conference
	conf.b.WriteString("  <conference>\n")
	conf.elem("    ", "title", c.Name)
	if xsdAcronym.MatchString(c.ID) {
		conf.elem("    ", "acronym", c.ID)
	}
	if p.hasEvents {
		conf.elem("    ", "start", p.first.String())
		conf.elem("    ", "end", p.last.String())
		conf.elem("    ", "days", strconv.Itoa(len(p.days)))
	}
	conf.elem("    ", "timeslot_duration", timeslot(c, p))
	if httpURL.MatchString(c.URL) {
		conf.elem("    ", "base_url", c.URL)
	}
	if c.TimeZone != "" {
		conf.elem("    ", "time_zone_name", c.TimeZone)
	}
	conf.b.WriteString("  </conference>\n")

	var w xw
	w.b.WriteString("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<schedule>\n  <generator name=\"schedkit\"/>\n")
	w.elem("  ", "version", cmp.Or(c.Version, version(append(conf.b.Bytes(), body.b.Bytes()...))))
	w.b.Write(conf.b.Bytes())
	w.b.Write(body.b.Bytes())
	w.b.WriteString("</schedule>\n")
	_, err := out.Write(w.b.Bytes())
	return err
}

func writeXMLEvent(w *xw, e *event, loc *time.Location) {
	ss := e.s
	start := ss.Start.In(loc)
	fmt.Fprintf(&w.b, "      <event id=\"%d\" guid=\"%s\">\n", e.id, e.guid)
	const in = "        "
	w.elem(in, "date", start.Format(dateLayout))
	w.elem(in, "start", start.Format("15:04"))
	w.elem(in, "duration", FormatDuration(ss.Duration()))
	w.elem(in, "room", ss.Room)
	w.elem(in, "title", ss.Title)
	if ss.Subtitle != "" {
		w.elem(in, "subtitle", ss.Subtitle)
	}
	w.elem(in, "track", trackName(ss))
	w.elem(in, "type", cmp.Or(ss.SourceType, ss.Type))
	if ss.Language != "" {
		w.elem(in, "language", ss.Language)
	}
	w.elem(in, "abstract", ss.Abstract)
	if ss.Description != "" {
		w.elem(in, "description", ss.Description)
	}
	if xsdSlug.MatchString(ss.Slug) {
		w.elem(in, "slug", ss.Slug)
	}
	if httpURL.MatchString(ss.Logo) {
		w.elem(in, "logo", ss.Logo)
	}
	if ss.DoNotRecord || ss.RecordingLicense != "" {
		w.b.WriteString(in + "<recording>\n")
		w.elem(in+"  ", "license", ss.RecordingLicense)
		w.elem(in+"  ", "optout", strconv.FormatBool(ss.DoNotRecord))
		w.b.WriteString(in + "</recording>\n")
	}
	if httpURL.MatchString(ss.URL) {
		w.elem(in, "url", ss.URL)
	}
	if httpURL.MatchString(ss.FeedbackURL) {
		w.elem(in, "feedback_url", ss.FeedbackURL)
	}
	if httpURL.MatchString(ss.OriginURL) {
		w.elem(in, "origin_url", ss.OriginURL)
	}
	w.list(in, "persons", len(ss.Speakers), func(i int) {
		pr := ss.Speakers[i]
		w.b.WriteString(in + "  <person")
		switch {
		case intRE.MatchString(pr.ID):
			w.attr("id", pr.ID)
		case uuid.Valid(pr.ID):
			w.attr("guid", pr.ID)
		}
		w.b.WriteString(">")
		w.esc(pr.Name)
		w.b.WriteString("</person>\n")
	})
	w.links(in, "links", "link", ss.Links)
	if len(ss.Attachments) > 0 {
		w.links(in, "attachments", "attachment", ss.Attachments)
	}
	w.b.WriteString("      </event>\n")
}

func timeslotDur(p *plan) time.Duration { return time.Duration(p.timeslot) * time.Minute }
