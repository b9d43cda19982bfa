package ics

import (
	"bytes"
	"strings"

	"github.com/schedkit/schedkit/schedule"
)

// The DESCRIPTION of a session, both directions: Description writes it,
// speakersFromDescription reads the speakers (and the subtitle and URL)
// back. iCalendar has no property for the speakers of an event (ATTENDEE
// needs an address), so they travel as a paragraph of the description.
//
// The speakers' paragraph is "Speaker: Name (Affiliation)" for one speaker
// and "Speakers:" followed by one "Name (Affiliation)" line per speaker for
// several, so that a comma in a name ("O'Brien, Siobhán") never splits it
// on reading. Hand-written feeds (and exports before the one-a-line form)
// have "Speakers: A, B (X)" on one line, which is read too.
//
// The paragraph is unambiguous: text from the schedule cannot imitate it.
// A paragraph of the subtitle or abstract that starts with "Speaker" (or
// with the marker) gets the invisible U+2060 WORD JOINER in front, so the
// reader takes only the paragraph the writer made for speakers, and drops
// the marker again; an abstract holding "Speakers:\nFake One" stays an
// abstract. A name without an affiliation that ends with ")" (or with the
// marker) gets the marker after it, so "James (purpleidea)" reads back as
// that name and not as James of purpleidea.

const (
	// paragraphBreak separates the paragraphs of a description.
	paragraphBreak = "\n\n"
	// speakerLabel starts the paragraph of a single speaker:
	// speakerLabel + " " + person.
	speakerLabel = "Speaker:"
	// speakersLabel starts the paragraph of several: speakersLabel + "\n"
	// and one person a line (written), or speakersLabel + " " and persons
	// separated by commas (only read).
	speakersLabel = "Speakers:"
)

// Description is the plain-text DESCRIPTION of a session: the subtitle,
// the speakers' paragraph (see appendSpeakers), the abstract (HTML
// turned into text by PlainText) and the URL, in paragraphs, cleaned by
// Text.
func Description(x *schedule.Session) string {
	return string(appendDescription(nil, x, x.Abstract, uriValue(x.URL)))
}

// appendDescription appends Description(x) to b, with abstract as the
// abstract (eventOf's is x.Text()) and u as uriValue(x.URL), which the
// feed writer needs for the URL property too.
// Each paragraph is cleaned into b directly; one that comes out empty is
// taken back with the break before it.
func appendDescription(b []byte, x *schedule.Session, abstract, u string) []byte {
	start := len(b)
	// part starts a paragraph: the break when one came before.
	part := func(b []byte) ([]byte, int, int) {
		before := len(b)
		if before > start {
			b = append(b, paragraphBreak...)
		}
		return b, before, len(b)
	}
	// The subtitle is one paragraph, so that the speakers' paragraph
	// after it stays where the reader looks for it.
	b, before, p := part(b)
	b = appendClean(b, x.Subtitle, false)
	b = joinParagraphs(b, p)
	b = appendMarked(b, before, p)
	b, before, p = part(b)
	b = appendSpeakers(b, x.Speakers)
	if len(b) == p {
		b = b[:before]
	}
	b, before, p = part(b)
	b = appendClean(b, PlainText(abstract), false)
	b = appendMarked(b, before, p)
	b, before, p = part(b)
	if u != "" {
		b = append(b, u...) // as URL has it, so that readers can tell it is the same
	} else {
		b = appendClean(b, x.URL, false)
	}
	if len(b) == p {
		b = b[:before]
	}
	return b
}

// joinParagraphs turns the paragraph breaks of b[p:] into line breaks, as
// strings.ReplaceAll(t, paragraphBreak, "\n") does.
func joinParagraphs(b []byte, p int) []byte {
	if !bytes.Contains(b[p:], []byte(paragraphBreak)) {
		return b
	}
	t := b[p:]
	n := 0
	for i := 0; i < len(t); i++ {
		if t[i] == '\n' && i+1 < len(t) && t[i+1] == '\n' {
			i++
		}
		t[n] = t[i]
		n++
	}
	return b[:p+n]
}

// appendMarked finishes the paragraphs of b[p:] (a subtitle or abstract)
// with markParagraphs, or, when they are empty, takes them back with the
// break before them, which started at before.
func appendMarked(b []byte, before, p int) []byte {
	t := b[p:]
	switch {
	case len(t) == 0:
		return b[:before]
	case bytes.Contains(t, []byte("Speaker")) || bytes.Contains(t, []byte(wordJoiner)):
		return append(b[:p], markParagraphs(string(t))...)
	}
	return b
}

// appendSpeakers appends the speakers' paragraph that speakerList reads:
// "Speaker: Name (Affiliation)" for one person, "Speakers:" and one
// "Name (Affiliation)" a line for several, nothing for none. A person
// without a name or affiliation is left out. It writes "Speakers:" and a
// line per person, and turns that into the one-speaker form when there
// is one.
func appendSpeakers(b []byte, people []schedule.Person) []byte {
	start := len(b)
	b = append(b, speakersLabel...)
	n := 0
	for _, p := range people {
		lf := len(b)
		b = append(b, '\n')
		name := len(b)
		b = appendOneLine(b, p.Name)
		aff := len(b)
		b = append(b, " ("...)
		if b = appendOneLine(b, p.Affiliation); len(b) > aff+2 {
			b = append(b, ')')
		} else if b = b[:aff]; bytes.HasSuffix(b[name:], []byte(")")) || bytes.HasSuffix(b[name:], []byte(wordJoiner)) {
			b = append(b, wordJoiner...) // "James (purpleidea)" is a name, not James of purpleidea
		}
		if len(b) == name {
			b = b[:lf]
			continue
		}
		n++
	}
	switch n {
	case 0:
		return b[:start]
	case 1: // speakersLabel + "\n" + name becomes speakerLabel + " " + name
		const from, to = len(speakersLabel + "\n"), len(speakerLabel + " ")
		b = b[:start+to+copy(b[start+to:], b[start+from:])]
		copy(b[start:], speakerLabel+" ")
	}
	return b
}

// appendOneLine appends Text(s) with line breaks turned into spaces: a
// speaker's line of the DESCRIPTION.
func appendOneLine(b []byte, s string) []byte {
	p := len(b)
	b = appendClean(b, s, false)
	for i := p; i < len(b); i++ {
		if b[i] == '\n' {
			b[i] = ' '
		}
	}
	return b
}

// markParagraphs puts wordJoiner in front of each paragraph of a
// subtitle or abstract that the reader could take for the speakers'
// paragraph (it starts with "Speaker"), or that starts with the marker
// itself; unmarkParagraph undoes it.
func markParagraphs(t string) string {
	if !strings.Contains(t, "Speaker") && !strings.Contains(t, wordJoiner) {
		return t
	}
	paras := strings.Split(t, paragraphBreak)
	for i, p := range paras {
		if strings.HasPrefix(p, "Speaker") || strings.HasPrefix(p, wordJoiner) {
			paras[i] = wordJoiner + p
		}
	}
	return strings.Join(paras, paragraphBreak)
}

// unmarkParagraph drops the marker markParagraphs wrote.
func unmarkParagraph(p string) string {
	if rest, ok := strings.CutPrefix(p, wordJoiner); ok && (strings.HasPrefix(rest, "Speaker") || strings.HasPrefix(rest, wordJoiner)) {
		return rest
	}
	return p
}

// needsMarkAfter reports whether a speaker's name without an affiliation
// needs wordJoiner after it: one that ends with ")" would read as name and
// affiliation, one that ends with the marker would lose it.
func needsMarkAfter(name string) bool {
	return strings.HasSuffix(name, ")") || strings.HasSuffix(name, wordJoiner)
}

// speakersFromDescription reads the speakers back from the paragraph that
// Description writes (see speakerList), and with it the subtitle paragraph
// before it and the URL paragraph at the end. Descriptions of other shapes
// stay as they are.
func (r *reader) speakersFromDescription(s *schedule.Session) {
	paras := strings.Split(s.Abstract, paragraphBreak)
	k := -1
	var people []schedule.Person
	for i, p := range paras {
		if i > 1 { // the speakers come first, or after the subtitle
			break
		}
		if ps, ok := speakerList(p); ok {
			k, people = i, ps
			break
		}
	}
	for i, p := range paras {
		if i != k {
			paras[i] = unmarkParagraph(p)
		}
	}
	if k < 0 {
		s.Abstract = strings.Join(paras, paragraphBreak)
		return
	}
	s.Speakers = people
	if k == 1 {
		s.Subtitle = paras[0]
	}
	rest := paras[k+1:]
	if n := len(rest); n > 0 && s.URL != "" && rest[n-1] == s.URL {
		rest = rest[:n-1]
	}
	s.Abstract = strings.Join(rest, paragraphBreak)
}

// speakerList reads a speakers' paragraph:
//
//	Speaker: Name (Affiliation)       exactly one person, never split
//	Speakers:\nName (Affiliation)\nName one person a line, as appendSpeakers writes
//	Speakers: Name (Affiliation), Name split at commas outside parentheses
//
// The last form is what hand-written descriptions (and exports before
// the one-a-line form) use; a comma in a name splits it there.
func speakerList(p string) ([]schedule.Person, bool) {
	switch {
	case strings.HasPrefix(p, speakersLabel+"\n"):
		var out []schedule.Person
		for _, l := range strings.Split(p[len(speakersLabel+"\n"):], "\n") {
			q, ok := person(l)
			if !ok {
				return nil, false
			}
			out = append(out, q)
		}
		return out, true
	case strings.Contains(p, "\n"):
		return nil, false
	case strings.HasPrefix(p, speakerLabel+" "):
		q, ok := person(p[len(speakerLabel+" "):])
		return []schedule.Person{q}, ok
	case strings.HasPrefix(p, speakersLabel+" "):
		return parsePeople(p[len(speakersLabel+" "):])
	}
	return nil, false
}

// person reads "Name (Affiliation)" or "Name": the affiliation is the
// parenthesized group that ends the text, so that "Jane (JJ) Doe (ACME)"
// is Jane (JJ) Doe of ACME and "Ann (Dept (B))" Ann of Dept (B).
func person(part string) (schedule.Person, bool) {
	part = strings.TrimSpace(part)
	if part == "" {
		return schedule.Person{}, false
	}
	p := schedule.Person{Name: part}
	if name, ok := strings.CutSuffix(part, wordJoiner); ok && needsMarkAfter(name) {
		p.Name = name // marked by appendSpeakers: all of it is the name
		return p, true
	}
	if !strings.HasSuffix(part, ")") {
		return p, true
	}
	depth := 0
	for i := len(part) - 1; i >= 0; i-- {
		switch part[i] {
		case ')':
			depth++
		case '(':
			depth--
		}
		if depth > 0 {
			continue
		}
		if i > 1 && part[i-1] == ' ' {
			if name := strings.TrimSpace(part[:i-1]); name != "" {
				p.Name, p.Affiliation = name, part[i+1:len(part)-1]
			}
		}
		break
	}
	return p, true
}

// parsePeople splits "A (X, Y), B, C (Z)" at commas outside parentheses.
func parsePeople(list string) ([]schedule.Person, bool) {
	var out []schedule.Person
	depth, start := 0, 0
	flush := func(part string) bool {
		p, ok := person(part)
		if ok {
			out = append(out, p)
		}
		return ok
	}
	for i := 0; i < len(list); i++ {
		switch list[i] {
		case '(':
			depth++
		case ')':
			depth--
		case ',':
			if depth == 0 {
				if !flush(list[start:i]) {
					return nil, false
				}
				start = i + 1
			}
		}
	}
	if depth != 0 || !flush(list[start:]) {
		return nil, false
	}
	return out, true
}
