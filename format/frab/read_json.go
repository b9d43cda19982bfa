package frab

import (
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/schedkit/schedkit/schedule"
)

// jkind is the kind of a JSON value.
type jkind int

const (
	jNull jkind = iota
	jString
	jNumber
	jBool
	jObject
	jArray
)

var jkindNames = [...]string{"null", "a string", "a number", "a boolean", "an object", "an array"}

// jnode is a JSON value with the byte offset where it starts.
type jnode struct {
	kind jkind
	s    string // string, number text, "true"/"false"
	keys []string
	vals []*jnode // object values (parallel to keys) or array items
	off  int
}

func (n *jnode) get(key string) *jnode {
	if n == nil || n.kind != jObject {
		return nil
	}
	for i, k := range n.keys {
		if k == key {
			return n.vals[i]
		}
	}
	return nil
}

// jparser builds a jnode tree from encoding/json tokens. Offsets come from
// Decoder.InputOffset: a value starts at the first byte after the previous
// token that is not white space, ',' or ':'.
type jparser struct {
	data  []byte
	dec   *json.Decoder
	ln    *lines
	diags []schedule.Diagnostic
}

var errDepth = errors.New("nested more than 256 deep")

func (p *jparser) start() int {
	off := int(p.dec.InputOffset())
	for off < len(p.data) && strings.IndexByte(" \t\r\n,:", p.data[off]) >= 0 {
		off++
	}
	return off
}

func (p *jparser) value(depth int) (*jnode, error) {
	if depth > maxDepth {
		return nil, errDepth
	}
	off := p.start()
	tok, err := p.dec.Token()
	if err != nil {
		return nil, err
	}
	n := &jnode{off: off}
	switch t := tok.(type) {
	case nil:
		n.kind = jNull
	case string:
		n.kind, n.s = jString, t
	case json.Number:
		n.kind, n.s = jNumber, t.String()
	case bool:
		n.kind, n.s = jBool, fmt.Sprint(t)
	case json.Delim:
		switch t {
		case '{':
			n.kind = jObject
			for p.dec.More() {
				koff := p.start()
				kt, err := p.dec.Token()
				if err != nil {
					return nil, err
				}
				k, _ := kt.(string)
				v, err := p.value(depth + 1)
				if err != nil {
					return nil, err
				}
				if n.get(k) != nil {
					p.diags = append(p.diags, schedule.Diag(schedule.RuleBadValue, p.ln.pos(koff), "duplicate key %q; the first one is used", k))
					continue
				}
				n.keys = append(n.keys, k)
				n.vals = append(n.vals, v)
			}
		case '[':
			n.kind = jArray
			for p.dec.More() {
				v, err := p.value(depth + 1)
				if err != nil {
					return nil, err
				}
				n.vals = append(n.vals, v)
			}
		}
		if _, err := p.dec.Token(); err != nil { // the closing delimiter
			return nil, err
		}
	}
	return n, nil
}

func parseJSON(file string, data []byte, ln *lines) (*jnode, []schedule.Diagnostic) {
	if bytes.HasPrefix(data, []byte("\ufeff")) {
		// encoding/json refuses a byte order mark: hide it behind three
		// spaces, so that offsets (and ln's columns) stay those of the file.
		data = append([]byte("   "), data[3:]...)
	}
	p := &jparser{data: data, ln: ln, dec: json.NewDecoder(bytes.NewReader(data))}
	p.dec.UseNumber()
	root, err := p.value(0)
	if err == nil {
		if _, err2 := p.dec.Token(); err2 != io.EOF {
			err = fmt.Errorf("data after the top-level value")
			if err2 != nil {
				err = err2
			}
		}
	}
	if err != nil {
		off := int(p.dec.InputOffset())
		var se *json.SyntaxError
		msg := err.Error()
		if errors.As(err, &se) {
			off = int(se.Offset)
		}
		if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
			off, msg = len(data), "unexpected end of the file"
		}
		return nil, []schedule.Diagnostic{schedule.Diag(schedule.RuleSyntax, ln.pos(off), "JSON: %s", msg)}
	}
	return root, p.diags
}

// ReadJSON reads a pretalx/c3voc schedule.json (c3voc schedule.schema.json),
// forgivingly: see the package documentation. Numbers and strings are both
// accepted for ids, and null means absent. It returns nil when the file is
// not well-formed JSON or has no "schedule" object, and when no zone can be
// determined (as ReadXML).
func ReadJSON(file string, data []byte, opt schedule.LoadOptions) (*schedule.Schedule, []schedule.Diagnostic) {
	doc, diags := readJSONDoc(file, data)
	if doc == nil {
		return nil, diags
	}
	return build(doc, opt)
}

// readJSONDoc reads data into a raw document, or returns why it cannot.
func readJSONDoc(file string, data []byte) (*rawDoc, []schedule.Diagnostic) {
	ln := newLines(file, data)
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, []schedule.Diagnostic{schedule.Diag(schedule.RuleSyntax, schedule.Pos{File: file, Line: 1, Column: 1}, "the file is empty; a schedule.json is an object with a \"schedule\" key")}
	}
	root, diags := parseJSON(file, data, ln)
	if root == nil {
		return nil, diags
	}
	sn := root.get("schedule")
	if sn == nil || sn.kind != jObject {
		return nil, append(diags, schedule.Diag(schedule.RuleSyntax, ln.pos(root.off), "a schedule.json is an object with a \"schedule\" object; this has none"))
	}
	doc := &rawDoc{file: file, conf: map[string]value{}, confPos: ln.pos(sn.off), diags: diags}
	scalar := func(n *jnode, what string) value {
		switch {
		case n == nil || n.kind == jNull:
			return value{}
		case n.kind == jObject || n.kind == jArray:
			doc.add(schedule.RuleBadValue, ln.pos(n.off), "%s must be a single value, not %s", what, jkindNames[n.kind])
			return value{}
		}
		return value{s: n.s, pos: ln.pos(n.off), ok: true}
	}
	cn := sn.get("conference")
	if cn == nil || cn.kind != jObject {
		doc.add(schedule.RuleRequired, ln.pos(sn.off), "the schedule has no \"conference\" object")
		return doc, nil
	}
	doc.confPos = ln.pos(cn.off)
	for _, k := range confFields {
		if v := scalar(cn.get(k), "conference "+k); v.ok {
			doc.conf[k] = v
		}
	}
	doc.version = scalar(sn.get("version"), "version")
	for _, rn := range arrayItems(cn.get("rooms")) {
		if rn.kind == jObject {
			if v := scalar(rn.get("name"), "room name"); v.ok {
				doc.rooms = append(doc.rooms, v.s)
			}
		}
	}
	if v := scalar(sn.get("base_url"), "base_url"); v.ok && !doc.conf["base_url"].ok {
		doc.conf["base_url"] = v
	}
	days := cn.get("days")
	if days != nil && days.kind != jArray {
		doc.add(schedule.RuleBadValue, ln.pos(days.off), "conference days must be an array, not %s", jkindNames[days.kind])
		days = nil
	}
	for _, dn := range arrayItems(days) {
		if dn.kind != jObject {
			doc.add(schedule.RuleBadValue, ln.pos(dn.off), "a day must be an object, not %s", jkindNames[dn.kind])
			continue
		}
		day := &rawDay{pos: ln.pos(dn.off),
			index: scalar(dn.get("index"), "day index"), date: scalar(dn.get("date"), "day date"),
			start: scalar(dn.get("day_start"), "day_start"), end: scalar(dn.get("day_end"), "day_end")}
		doc.days = append(doc.days, day)
		rooms := dn.get("rooms")
		if rooms == nil || rooms.kind == jNull {
			continue
		}
		if rooms.kind != jObject {
			doc.add(schedule.RuleBadValue, ln.pos(rooms.off), "day rooms must map room names to event lists, not be %s", jkindNames[rooms.kind])
			continue
		}
		for i, roomName := range rooms.keys {
			evs := rooms.vals[i]
			if evs.kind != jArray {
				if evs.kind != jNull {
					doc.add(schedule.RuleBadValue, ln.pos(evs.off), "room %q must be a list of events, not %s", roomName, jkindNames[evs.kind])
				}
				continue
			}
			for _, en := range evs.vals {
				if en.kind != jObject {
					doc.add(schedule.RuleBadValue, ln.pos(en.off), "an event must be an object, not %s", jkindNames[en.kind])
					continue
				}
				doc.events = append(doc.events, readJSONEvent(doc, ln, en, day, roomName, scalar))
			}
		}
	}
	return doc, nil
}

func arrayItems(n *jnode) []*jnode {
	if n == nil || n.kind != jArray {
		return nil
	}
	return n.vals
}

func readJSONEvent(doc *rawDoc, ln *lines, en *jnode, day *rawDay, roomName string, scalar func(*jnode, string) value) *rawEvent {
	e := &rawEvent{pos: ln.pos(en.off), f: map[string]value{}, day: day, roomName: roomName}
	for _, k := range eventFields {
		if v := scalar(en.get(k), "event "+k); v.ok {
			e.f[k] = v
		}
	}
	if ps := en.get("persons"); ps != nil && ps.kind != jNull {
		if ps.kind != jArray {
			doc.add(schedule.RuleBadValue, ln.pos(ps.off), "event persons must be an array, not %s", jkindNames[ps.kind])
		}
		for _, pn := range arrayItems(ps) {
			if pn.kind == jString {
				e.persons = append(e.persons, schedule.Person{Name: strings.TrimSpace(pn.s)})
				continue
			}
			if pn.kind != jObject {
				doc.add(schedule.RuleBadValue, ln.pos(pn.off), "a person must be an object, not %s", jkindNames[pn.kind])
				continue
			}
			var p schedule.Person
			for _, k := range []string{"public_name", "name", "full_public_name"} {
				if v := scalar(pn.get(k), "person "+k); v.ok && strings.TrimSpace(v.s) != "" {
					p.Name = strings.TrimSpace(v.s)
					break
				}
			}
			for _, k := range []string{"id", "code", "guid"} {
				if v := scalar(pn.get(k), "person "+k); v.ok && strings.TrimSpace(v.s) != "" {
					p.ID = strings.TrimSpace(v.s)
					break
				}
			}
			e.persons = append(e.persons, p)
		}
	}
	if ls := en.get("links"); ls != nil && ls.kind != jNull {
		if ls.kind != jArray {
			doc.add(schedule.RuleBadValue, ln.pos(ls.off), "event links must be an array, not %s", jkindNames[ls.kind])
		}
		for _, lnode := range arrayItems(ls) {
			if lnode.kind != jObject {
				doc.add(schedule.RuleBadValue, ln.pos(lnode.off), "a link must be an object with url and title, not %s", jkindNames[lnode.kind])
				continue
			}
			u := scalar(lnode.get("url"), "link url")
			t := scalar(lnode.get("title"), "link title")
			e.links = append(e.links, schedule.Link{Title: strings.TrimSpace(t.s), URL: strings.TrimSpace(u.s)})
			e.linkPos = append(e.linkPos, cmp.Or(u.pos, ln.pos(lnode.off))) // an empty url is reported by check
		}
	}
	for _, an := range arrayItems(en.get("attachments")) {
		if an.kind == jObject {
			u := scalar(an.get("url"), "attachment url")
			t := scalar(an.get("title"), "attachment title")
			e.attach = append(e.attach, schedule.Link{Title: strings.TrimSpace(t.s), URL: strings.TrimSpace(u.s)})
		}
	}
	return e
}
