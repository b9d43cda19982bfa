package ics

import (
	"bufio"
	"bytes"
	"fmt"
	"strconv"
	"time"
	"unicode/utf8"

	ical "github.com/arran4/golang-ical"
	"github.com/schedkit/schedkit/schedule"
)

// feedWriter writes a feed as calendar adds its events: the header (and
// VTIMEZONE) when the first event comes, then each event. It writes what
// golang-ical's SerializeTo(w, ical.WithNewLineWindows) writes for the same
// calendar, byte for byte.
type feedWriter struct {
	w      *bufio.Writer
	headed bool
	err    error
	line   []byte // the content line being written
}

// header writes the calendar's properties and components (not its
// events, which add writes), once.
func (fw *feedWriter) header(cal *ical.Calendar) error {
	if fw.headed {
		return nil
	}
	fw.headed = true
	var b bytes.Buffer
	if err := cal.SerializeTo(&b, ical.WithNewLineWindows); err != nil {
		return fmt.Errorf("ics: %w", err)
	}
	head, ok := bytes.CutSuffix(b.Bytes(), []byte("END:VCALENDAR\r\n"))
	if !ok {
		return fmt.Errorf("ics: the calendar does not end with END:VCALENDAR")
	}
	_, err := fw.w.Write(head)
	return err
}

// add writes the VEVENT addEvent would add, with the properties in its
// order.
func (fw *feedWriter) add(cal *ical.Calendar, e Event, rev Revision, loc *time.Location, local bool, org *schedule.Organizer) {
	if fw.err != nil {
		return
	}
	if err := fw.header(cal); err != nil {
		fw.err = err
		return
	}
	w := fw.w
	w.WriteString("BEGIN:VEVENT\r\n")
	fw.prop("UID", "", "", e.UID, true)
	stamp := rev.Modified.UTC().AppendFormat(nil, "20060102T150405Z")
	fw.propBytes("DTSTAMP", stamp)
	fw.propBytes("LAST-MODIFIED", stamp)
	fw.propBytes("SEQUENCE", strconv.AppendInt(nil, int64(rev.Sequence), 10))
	fw.time("DTSTART", e.Start, loc, local)
	if !e.End.IsZero() {
		fw.time("DTEND", e.End, loc, local)
	}
	fw.prop("SUMMARY", "", "", e.Summary, true)
	if e.Location != "" {
		fw.prop("LOCATION", "", "", e.Location, true)
	}
	if e.Description != "" {
		fw.prop("DESCRIPTION", "", "", e.Description, true)
	}
	if e.URL != "" {
		fw.prop("URL", "", "", e.URL, false)
	}
	fw.prop("STATUS", "", "", e.Status, true)
	if e.Transparent {
		fw.prop("TRANSP", "", "", string(ical.TransparencyTransparent), true)
	}
	if org != nil {
		fw.prop("ORGANIZER", "CN", paramSafe(org.Name), "mailto:"+org.Email, false)
	}
	if len(e.Categories) > 0 {
		fw.list("CATEGORIES", e.Categories)
	}
	w.WriteString("END:VEVENT\r\n")
}

// time writes DTSTART or DTEND as setTime sets it.
func (fw *feedWriter) time(name string, t time.Time, loc *time.Location, local bool) {
	t = t.In(loc)
	if local && !schedule.Ambiguous(t) {
		fw.prop(name, "TZID", loc.String(), string(t.AppendFormat(nil, "20060102T150405")), false)
		return
	}
	fw.propBytes(name, t.UTC().AppendFormat(nil, "20060102T150405Z"))
}

func (fw *feedWriter) propBytes(name string, value []byte) {
	fw.line = append(append(append(fw.line[:0], name...), ':'), value...)
	fw.fold()
}

// prop writes a content line: name, the parameter param=pv when param is
// not "", and the value, TEXT-escaped when text is set (RFC 5545
// §3.3.11), as golang-ical's BaseProperty.SerializeTo writes them.
func (fw *feedWriter) prop(name, param, pv, value string, text bool) {
	l := append(fw.line[:0], name...)
	if param != "" && pv != "" {
		l = append(l, ';')
		l = append(l, param...)
		l = append(l, '=')
		l = appendParam(l, pv)
	}
	l = append(l, ':')
	if text {
		l = appendText(l, value)
	} else {
		l = append(l, value...)
	}
	fw.line = l
	fw.fold()
}

// list writes a content line whose value is a list of TEXT values, as
// categoriesLine writes it: each value TEXT-escaped, commas between them.
func (fw *feedWriter) list(name string, values []string) {
	l := append(append(fw.line[:0], name...), ':')
	for i, v := range values {
		if i > 0 {
			l = append(l, ',')
		}
		l = appendText(l, v)
	}
	fw.line = l
	fw.fold()
}

// appendParam appends a parameter value with golang-ical's backslash
// escapes (paramSafe keeps them out of what schedkit writes).
func appendParam(b []byte, v string) []byte {
	for i := 0; i < len(v); i++ {
		switch c := v[i]; c {
		case ',', '"', ';', ':', '\\', '\'':
			b = append(b, '\\', c)
		default:
			b = append(b, c)
		}
	}
	return b
}

// appendText appends v as a TEXT value: \ ; , and newline escaped.
func appendText(b []byte, v string) []byte {
	for i := 0; i < len(v); i++ {
		switch c := v[i]; c {
		case '\\', ';', ',':
			b = append(b, '\\', c)
		case '\n':
			b = append(b, '\\', 'n')
		default:
			b = append(b, c)
		}
	}
	return b
}

// maxLine is golang-ical's line length in octets, CRLF not counted.
const maxLine = 75

// fold writes fw.line folded as golang-ical folds it: lines of at most 75
// octets, continuation lines starting with a space and holding at most
// 74, each broken before the last space or < (or after a >) that fits when
// there is one, else after the last whole character that fits.
func (fw *feedWriter) fold() {
	r := fw.line
	w := fw.w
	if len(r) > maxLine {
		n := foldAt(maxLine, r)
		w.Write(r[:n])
		w.WriteString("\r\n")
		r = r[n:]
		for len(r) > maxLine-1 {
			n := foldAt(maxLine-1, r)
			w.WriteByte(' ')
			w.Write(r[:n])
			w.WriteString("\r\n")
			r = r[n:]
		}
		w.WriteByte(' ')
	}
	w.Write(r)
	w.WriteString("\r\n")
}

// foldAt returns how many bytes of s go on a line of at most max octets,
// as golang-ical's trimUT8StringUpTo decides.
func foldAt(max int, s []byte) int {
	length, boundary := 0, -1
	var last rune
	for i := 0; i < len(s); {
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRune(s[i:])
		}
		if r == ' ' || r == '<' || last == '>' {
			boundary = i
		}
		last = r
		n := length + utf8.RuneLen(r)
		if n > max {
			break
		}
		length = n
		i += size
	}
	if boundary > 0 {
		return boundary
	}
	return length
}
