package frab

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/schedkit/schedkit/schedule"
)

// xnode is an element of the XML tree, with the byte range of its start tag.
type xnode struct {
	name     string
	attrs    []xml.Attr
	text     strings.Builder
	kids     []*xnode
	off, end int // start tag: offset of '<' and just past '>'
}

func (n *xnode) attr(name string) (string, bool) {
	for _, a := range n.attrs {
		if a.Name.Local == name {
			return a.Value, true
		}
	}
	return "", false
}

func (n *xnode) children(name string) []*xnode {
	var out []*xnode
	for _, k := range n.kids {
		if k.name == name {
			out = append(out, k)
		}
	}
	return out
}

// maxDepth bounds element nesting; a schedule needs five levels.
const maxDepth = 256

// parseXML builds the element tree of data. The error is a syntax
// diagnostic at the position of the problem.
func parseXML(data []byte, ln *lines) (*xnode, *schedule.Diagnostic) {
	dec := xml.NewDecoder(bytes.NewReader(data))
	dec.Strict = true
	dec.Entity = xml.HTMLEntity
	dec.CharsetReader = func(label string, r io.Reader) (io.Reader, error) {
		if strings.EqualFold(label, "utf-8") || strings.EqualFold(label, "utf8") {
			return r, nil
		}
		return nil, fmt.Errorf("encoding %q is not supported; save the file as UTF-8", label)
	}
	var root *xnode
	var stack []*xnode
	fail := func(off int, format string, args ...any) (*xnode, *schedule.Diagnostic) {
		d := schedule.Diag(schedule.RuleSyntax, ln.pos(off), format, args...)
		return nil, &d
	}
	for {
		off := int(dec.InputOffset())
		tok, err := dec.RawToken()
		if err == io.EOF {
			break
		}
		if err != nil {
			var se *xml.SyntaxError
			msg := err.Error()
			if errors.As(err, &se) {
				msg = se.Msg
				// SyntaxError has a line but no column: point at the offset reached.
				return fail(int(dec.InputOffset()), "XML: %s", msg)
			}
			return fail(int(dec.InputOffset()), "XML: %s", strings.TrimPrefix(msg, "xml: "))
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if root != nil && len(stack) == 0 {
				return fail(off, "XML: a second root element <%s>", t.Name.Local)
			}
			if len(stack) >= maxDepth {
				return fail(off, "XML: elements nested more than %d deep", maxDepth)
			}
			n := &xnode{name: t.Name.Local, attrs: t.Attr, off: off, end: int(dec.InputOffset())}
			if len(stack) > 0 {
				p := stack[len(stack)-1]
				p.kids = append(p.kids, n)
			} else {
				root = n
			}
			stack = append(stack, n)
		case xml.EndElement:
			if len(stack) == 0 {
				return fail(off, "XML: </%s> closes no open element", t.Name.Local)
			}
			if top := stack[len(stack)-1]; top.name != t.Name.Local {
				return fail(off, "XML: </%s> where <%s> (line %d) should be closed", t.Name.Local, top.name, ln.pos(top.off).Line)
			}
			stack = stack[:len(stack)-1]
		case xml.CharData:
			if len(stack) > 0 {
				stack[len(stack)-1].text.Write(t)
			} else if len(bytes.Trim(t, " \t\r\n\ufeff")) > 0 { // a byte order mark is no text
				return fail(off, "XML: text outside the root element")
			}
		}
	}
	if len(stack) > 0 {
		return fail(len(data), "XML: <%s> is not closed", stack[len(stack)-1].name)
	}
	if root == nil {
		return fail(0, "XML: no root element; a frab schedule.xml starts with <schedule>")
	}
	return root, nil
}

// attrPos finds the position of attribute name in n's start tag.
func attrPos(ln *lines, n *xnode, name string) schedule.Pos {
	tag := ln.data[n.off:min(n.end, len(ln.data))]
	for i := 0; ; {
		j := bytes.Index(tag[i:], []byte(name))
		if j < 0 {
			return ln.pos(n.off)
		}
		k := i + j
		if k > 0 && isSpace(tag[k-1]) {
			rest := bytes.TrimLeft(tag[k+len(name):], " \t\r\n")
			if len(rest) > 0 && rest[0] == '=' {
				return ln.pos(n.off + k)
			}
		}
		i = k + 1
	}
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\r' || c == '\n' }

// ReadXML reads a frab/pentabarf schedule.xml (c3voc schedule.xml.xsd),
// forgivingly: see the package documentation for what it accepts and how it
// decides zones and dates. It returns nil when the file is not well-formed
// XML or not a <schedule>, and when no zone can be determined (no
// time_zone_name, no offset in any <date>, no --timezone).
func ReadXML(file string, data []byte, opt schedule.LoadOptions) (*schedule.Schedule, []schedule.Diagnostic) {
	doc, diags := readXMLDoc(file, data)
	if doc == nil {
		return nil, diags
	}
	return build(doc, opt)
}

// readXMLDoc reads data into a raw document, or returns why it cannot.
func readXMLDoc(file string, data []byte) (*rawDoc, []schedule.Diagnostic) {
	ln := newLines(file, data)
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, []schedule.Diagnostic{schedule.Diag(schedule.RuleSyntax, schedule.Pos{File: file, Line: 1, Column: 1}, "the file is empty; a frab schedule.xml starts with <schedule>")}
	}
	root, d := parseXML(data, ln)
	if d != nil {
		return nil, []schedule.Diagnostic{*d}
	}
	if root.name != "schedule" {
		return nil, []schedule.Diagnostic{schedule.Diag(schedule.RuleSyntax, ln.pos(root.off), "the root element is <%s>; a frab schedule.xml has <schedule>", root.name)}
	}
	doc := &rawDoc{file: file, conf: map[string]value{}, confPos: ln.pos(root.off)}
	text := func(n *xnode) value {
		return value{s: n.text.String(), pos: ln.pos(n.off), ok: true}
	}
	if cs := root.children("conference"); len(cs) > 0 {
		c := cs[0]
		doc.confPos = ln.pos(c.off)
		for _, k := range c.kids {
			if _, seen := doc.conf[k.name]; !seen && slices.Contains(confFields, k.name) {
				doc.conf[k.name] = text(k)
			}
		}
	} else {
		doc.add(schedule.RuleRequired, ln.pos(root.off), "the schedule has no <conference>")
	}
	if vs := root.children("version"); len(vs) > 0 {
		doc.version = text(vs[0])
	}
	for _, dn := range root.children("day") {
		day := &rawDay{pos: ln.pos(dn.off)}
		for _, a := range []struct {
			name string
			v    *value
		}{{"index", &day.index}, {"date", &day.date}, {"start", &day.start}, {"end", &day.end}} {
			if s, ok := dn.attr(a.name); ok {
				*a.v = value{s: s, pos: attrPos(ln, dn, a.name), ok: true}
			}
		}
		doc.days = append(doc.days, day)
		for _, rn := range dn.children("room") {
			roomName, _ := rn.attr("name")
			for _, en := range rn.children("event") {
				doc.events = append(doc.events, xmlEvent(ln, en, day, roomName, text))
			}
		}
	}
	return doc, nil
}

func xmlEvent(ln *lines, en *xnode, day *rawDay, roomName string, text func(*xnode) value) *rawEvent {
	e := &rawEvent{pos: ln.pos(en.off), f: map[string]value{}, day: day, roomName: roomName}
	for _, a := range []string{"id", "guid", "code"} {
		if s, ok := en.attr(a); ok {
			e.f[a] = value{s: s, pos: attrPos(ln, en, a), ok: true}
		}
	}
	for _, k := range en.kids {
		switch k.name {
		case "persons":
			for _, p := range k.children("person") {
				id, _ := p.attr("id")
				if id == "" {
					id, _ = p.attr("guid")
				}
				e.persons = append(e.persons, schedule.Person{ID: strings.TrimSpace(id), Name: strings.TrimSpace(p.text.String())})
			}
		case "links":
			for _, l := range k.children("link") {
				href, _ := l.attr("href")
				title := strings.TrimSpace(l.text.String())
				if strings.TrimSpace(href) == "" && !strings.ContainsAny(title, " \t\n") {
					href, title = title, "" // <link>https://…</link>, as in 36C3
				}
				e.links = append(e.links, schedule.Link{Title: title, URL: strings.TrimSpace(href)})
				e.linkPos = append(e.linkPos, attrPos(ln, l, "href"))
			}
		case "attachments":
			for _, a := range k.children("attachment") {
				href, _ := a.attr("href")
				e.attach = append(e.attach, schedule.Link{Title: strings.TrimSpace(a.text.String()), URL: strings.TrimSpace(href)})
			}
		case "recording":
			// <recording><license/><optout>false</optout></recording>: the
			// schedule.json names of the two.
			for _, r := range k.kids {
				name := map[string]string{"optout": "do_not_record", "license": "recording_license"}[r.name]
				if _, seen := e.f[name]; name != "" && !seen {
					e.f[name] = text(r)
				}
			}
		default:
			if _, seen := e.f[k.name]; !seen && slices.Contains(eventFields, k.name) {
				e.f[k.name] = text(k)
			}
		}
	}
	return e
}
