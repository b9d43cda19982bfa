package schedule

import (
	"bytes"
	"errors"
	"fmt"
	"github.com/schedkit/schedkit/internal/slug"
	"github.com/schedkit/schedkit/internal/suggest"
	"github.com/schedkit/schedkit/internal/uuid"
	"iter"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf16"
	"unicode/utf8"

	"go.yaml.in/yaml/v4"
)

// MaxNodes bounds how many YAML nodes a document may expand to, counting
// every alias expansion, so that an alias bomb is an error and not a hang.
// A document larger than that without aliases (100,000 sessions) gets a
// budget of nodesPerSource times its own node count instead: the loader
// visits a node about 1.5 times, so only aliases can exceed that.
const MaxNodes = 2_000_000

const nodesPerSource = 4

// MaxSeparators bounds the bytes that can start or separate YAML nodes
// (newline , : - [ {) in a document, checked before parsing: the parser
// holds every node in memory, about 200 bytes each, so a 60 MB flow list of
// 31 million one-letter items took 25 s and 6 GB. 100,000 sessions with
// speakers, tags and abstracts need about 3 million. Load refuses more than
// maxSeparators, which is MaxSeparators but in a build for scripts/bench's
// 1,000,000 sessions (limit_biginput.go).
const MaxSeparators = 6_000_000

func separators(data []byte) int {
	// bytes.Count, once per byte, is vectorised: six passes are faster
	// than one byte-at-a-time loop (70 ms for 61 MB).
	n := 0
	for _, c := range separatorBytes {
		n += bytes.Count(data, []byte{c})
	}
	return n
}

var separatorBytes = []byte("\n,:-[{")

// sourceNodes counts the nodes of a document as written, not following aliases.
func sourceNodes(n *yaml.Node) int {
	c := 1
	if n.Kind != yaml.AliasNode {
		for _, k := range n.Content {
			c += sourceNodes(k)
		}
	}
	return c
}

// LoadOptions are the settings a caller passes to a loader.
type LoadOptions struct {
	// Timezone is the IANA zone to use when the file names none. When the
	// file names another zone, the file's zone is used and a zone-mismatch
	// warning says so.
	Timezone string
	// Date (YYYY-MM-DD) is the day of a program page that names none; only
	// the text reader uses it.
	Date string
	// Release, when not nil, is called as reading moves on through data:
	// after Release(n), Load reads data[:n] again only in rare cases (a
	// list read out of order). A caller whose data is a mapped file can
	// let the system drop those pages, which it reads back from the file
	// if they are read again, so that the input does not count whole in
	// the peak memory next to the schedule built from it. Only the JSON
	// reader calls it, from a goroutine of its own.
	Release func(n int)
}

// Load reads a schedule in schedkit's format, YAML or JSON (JSON is read as
// the YAML it is a subset of). It reports every problem it finds, each at
// its position, and returns the schedule as far as it could be read. The
// schedule is nil only when the file is not well-formed YAML at all.
//
// Load resolves wall-clock times in the conference zone; it does not run the
// cross-session rules, which are Validate's.
func Load(file string, data []byte, opt LoadOptions) (*Schedule, []Diagnostic) {
	return load(file, data, opt, true)
}

// load is Load; readJSON false reads JSON with the YAML parser too (for
// the tests that compare the two).
func load(file string, data []byte, opt LoadOptions, readJSON bool) (*Schedule, []Diagnostic) {
	l := &loader{file: file}
	if i := InvalidUTF8(data); i >= 0 {
		return nil, []Diagnostic{Diag(RuleSyntax, OffsetPos(file, data, i), "invalid UTF-8 (byte 0x%02x); save the file as UTF-8", data[i])}
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, []Diagnostic{Diag(RuleSyntax, Pos{File: file, Line: 1, Column: 1}, "the file is empty; a schedule needs at least conference: and tracks:")}
	}
	if i := bytes.IndexByte(data, 0); i >= 0 {
		return nil, []Diagnostic{Diag(RuleSyntax, OffsetPos(file, data, i), "NUL byte: this is a binary file, not YAML or JSON")}
	}
	if n := separators(data); n > maxSeparators {
		return nil, []Diagnostic{Diag(RuleSyntax, Pos{File: file, Line: 1, Column: 1},
			"the file has %d YAML separators (newlines, commas, colons, dashes, brackets), more than the %d a schedule of 200,000 sessions needs; not read", n, maxSeparators)}
	}
	empty := Diag(RuleSyntax, Pos{File: file, Line: 1, Column: 1}, "the file has no content (only comments or a --- marker); a schedule needs at least conference: and tracks:")
	if onlyComments(data) {
		return nil, []Diagnostic{empty}
	}
	// JSON is read by a JSON reader when it reads it as the YAML parser
	// would (load_json.go), which is ten times faster.
	var s *Schedule
	isJSON := false
	if readJSON {
		s, isJSON = l.loadJSON(data, opt)
	}
	if !isJSON {
		data, l.shifts = joinSurrogates(data)
		var doc yaml.Node
		if err := yaml.Load(data, &doc); err != nil {
			return nil, []Diagnostic{l.syntaxError(err)}
		}
		root := &doc
		if root.Kind == yaml.DocumentNode && len(root.Content) == 1 {
			root = root.Content[0]
		}
		if root.Kind == 0 || isNull(root) && root.Value == "" {
			return nil, []Diagnostic{empty} // a bare --- document marker
		}
		l.maxNodes = max(MaxNodes, nodesPerSource*sourceNodes(&doc))
		s = l.schedule(root, opt)
	}
	if l.tooBig {
		// Findings about a document that was never read to the end are
		// noise next to the one that stopped reading.
		return nil, slices.DeleteFunc(l.f.Diagnostics(), func(d Diagnostic) bool { return d.Rule != RuleSyntax })
	}
	return s, l.f.Diagnostics()
}

// onlyComments reports whether every line of data is blank or a comment.
func onlyComments(data []byte) bool {
	for line := range bytes.Lines(data) {
		if l := bytes.TrimSpace(line); len(l) > 0 && l[0] != '#' {
			return false
		}
	}
	return true
}

// InvalidUTF8 returns the offset of the first byte of b that does not
// start a valid UTF-8 sequence, or -1 when b is valid UTF-8.
func InvalidUTF8(b []byte) int {
	if utf8.Valid(b) { // eight ASCII bytes at a time
		return -1
	}
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return -1
}

func (l *loader) syntaxError(err error) Diagnostic {
	var le *yaml.LoadError
	if errors.As(err, &le) {
		msg := le.Message
		if le.ContextMsg != "" {
			msg = le.ContextMsg + ": " + msg
		}
		msg = strings.TrimPrefix(msg, "yaml: ")
		line := max(le.Mark.Line, 1)
		col := max(l.column(le.Mark.Line, le.Mark.Column), 1)
		if le.Mark.Line == 0 {
			col = 1
		}
		return Diag(RuleSyntax, Pos{File: l.file, Line: line, Column: col}, "%s", msg)
	}
	return Diag(RuleSyntax, Pos{File: l.file, Line: 1, Column: 1}, "%s", strings.TrimPrefix(err.Error(), "yaml: "))
}

type loader struct {
	file string
	// trackRoom is the position of the current track's room, which its
	// sessions inherit.
	trackRoom Pos
	// trackDateBad: the current track's date is reported as bad, so its
	// sessions without a date of their own are not reported again.
	trackDateBad bool
	// extensions: the mapping being read may have x- keys (the root).
	extensions bool
	reported   map[string]bool // see add

	f Findings // bounded: see MaxFindingsPerRule
	// read holds the track and session nodes read, so that one reached
	// again through an alias is a finding and not a copy (see repeated).
	read map[*yaml.Node]bool

	// items, when set, yields the items of a list node that a reader
	// decodes one at a time (see load_json.go); it returns nil for a node
	// whose Content is the list.
	items func(n *yaml.Node) iter.Seq[*yaml.Node]

	// spare holds field maps for mapping to reuse: session, its speakers
	// and links give theirs back (release) when done with them, so that a
	// hundred thousand sessions do not make three hundred thousand maps.
	spare []map[string]field

	nodes    int
	maxNodes int // MaxNodes, or more for a large document (see MaxNodes)
	tooBig   bool
	// shifts: see joinSurrogates.
	shifts map[int][]shift

	// prebuilt, when set, returns the session of a node built ahead of
	// time (see jsonAhead.prebuilt) and the nodes visited for it; nil when
	// there is none.
	prebuilt func(n *yaml.Node) (*Session, int)
	// ready, when set, is called with the schedule once what sessions are
	// read with (the conference's time zone) is known, before the tracks.
	ready func(s *Schedule)
	// probe: this loader builds sessions ahead of time for another; it
	// reports nothing, and sets dirty when it would have.
	probe, dirty bool
	sc           *Schedule // a probe's: the time zone to read sessions in
}

func (l *loader) pos(n *yaml.Node) Pos {
	return Pos{File: l.file, Line: n.Line, Column: l.column(n.Line, n.Column)}
}

// column maps a column of the text the YAML parser read back to the file's
// (they differ after a joined surrogate pair on the line).
func (l *loader) column(line, col int) int {
	orig := col
	for _, s := range l.shifts[line] {
		if col >= s.at {
			orig += s.by
		}
	}
	return orig
}

// shift is one surrogate pair escape joined by joinSurrogates: columns
// from at on (in the text parsed) are by columns further right in the file.
type shift struct{ at, by int }

// joinSurrogates rewrites the UTF-16 surrogate pair escapes of a JSON
// document ("\ud83c\udfa4", as Python's json.dump writes every character
// beyond U+FFFF) into the YAML escape of the character ("\U0001f3a4"):
// JSON allows them, YAML does not. Only a document that starts with { or
// [ (JSON) is rewritten, and only inside double-quoted strings. It returns
// the text to parse (data itself when nothing changed) and, per line, the
// column shifts that map positions back to data. A lone surrogate is left
// as it is, and the YAML parser reports it.
func joinSurrogates(data []byte) ([]byte, map[int][]shift) {
	t := bytes.TrimLeft(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")), " \t\r\n")
	if len(t) == 0 || t[0] != '{' && t[0] != '[' || !bytes.Contains(data, []byte(`\u`)) && !bytes.Contains(data, []byte(`\U`)) {
		return data, nil
	}
	var (
		out    []byte
		shifts map[int][]shift
		line   = 1
		col    = 1 // in the output, in characters
		done   int // data[:done] is in out
		quoted bool
	)
	for i := 0; i < len(data); {
		c := data[i]
		switch {
		case c == '\n':
			line, col = line+1, 1
			i++
			continue
		case c == '"':
			quoted = !quoted
		case c == '\\' && quoted && i+1 < len(data):
			if r, ok := surrogatePair(data[i:]); ok {
				if out == nil {
					out = make([]byte, 0, len(data))
				}
				out = append(out, data[done:i]...)
				out = fmt.Appendf(out, `\U%08x`, r)
				done = i + 12
				if shifts == nil {
					shifts = map[int][]shift{}
				}
				col += 10
				shifts[line] = append(shifts[line], shift{at: col, by: 2})
				i += 12
				continue
			}
			i += 2 // the escaped character
			col += 2
			continue
		}
		if c < utf8.RuneSelf || utf8.RuneStart(c) {
			col++
		}
		i++
	}
	if out == nil {
		return data, nil
	}
	return append(out, data[done:]...), shifts
}

// surrogatePair decodes b's leading escapes \uD8xx\uDCxx (any case) into
// the character they encode.
func surrogatePair(b []byte) (rune, bool) {
	if len(b) < 12 || b[0] != '\\' || b[1] != 'u' || b[6] != '\\' || b[7] != 'u' {
		return 0, false
	}
	hi, err1 := strconv.ParseUint(string(b[2:6]), 16, 16)
	lo, err2 := strconv.ParseUint(string(b[8:12]), 16, 16)
	if err1 != nil || err2 != nil {
		return 0, false
	}
	r := utf16.DecodeRune(rune(hi), rune(lo))
	return r, r != utf8.RuneError
}

// add reports a finding at n, once: a node reached through several
// aliases or merge keys would otherwise give the same finding each time.
func (l *loader) add(id string, n *yaml.Node, format string, args ...any) {
	if l.probe {
		l.dirty = true
		return
	}
	if !l.f.Room(id, l.pos(n)) {
		return // counted, not formatted
	}
	d := Diag(id, l.pos(n), format, args...)
	key := fmt.Sprintf("%d:%d %s %s", d.Pos.Line, d.Pos.Column, d.Rule, d.Message)
	if l.reported[key] {
		return
	}
	if l.reported == nil {
		l.reported = map[string]bool{}
	}
	l.reported[key] = true
	l.f.Add(d)
}

// deref follows aliases and counts nodes against MaxNodes.
//
// A value reached through an alias keeps the alias's position, so that a
// finding about it points where it is used, not at its anchor (the nodes
// inside an aliased list or mapping keep the anchor's positions).
func (l *loader) deref(n *yaml.Node) *yaml.Node {
	if n != nil && n.Kind == yaml.AliasNode {
		at := n
		for n != nil && n.Kind == yaml.AliasNode {
			n = n.Alias
		}
		if n != nil {
			c := *n
			c.Line, c.Column = at.Line, at.Column
			n = &c
		}
	}
	l.nodes++
	if l.nodes > max(l.maxNodes, MaxNodes) && !l.tooBig {
		l.tooBig = true
		l.f.Add(Diag(RuleSyntax, l.pos(n), "the document expands to more than %d nodes (a YAML alias bomb?)", max(l.maxNodes, MaxNodes)))
	}
	return n
}

// repeated reports whether the track or session node n (what: "track"
// or "session") was read before, reached again through an alias, and
// says so. Copies would multiply: 2 KB of aliases (a list of 250 aliases
// of a session, as the sessions of 250 aliases of a track) made 62,500
// sessions, 4 million findings, 90 s and 3.8 GB. A session is read once;
// an alias of its fields (<<: *talk) is a session of its own.
func (l *loader) repeated(n *yaml.Node, what string) bool {
	if l.items != nil {
		// JSON has no aliases, and its reader decodes one item at a
		// time: remembering each would keep the whole document.
		return false
	}
	at := n
	for n != nil && n.Kind == yaml.AliasNode {
		n = n.Alias
	}
	if n == nil {
		return false
	}
	if !l.read[n] {
		if l.read == nil {
			l.read = map[*yaml.Node]bool{}
		}
		l.read[n] = true
		return false
	}
	l.add(RuleDuplicateId, at, "the %s at line %d is listed again through an alias; a %s is read once, not copied", what, n.Line, what)
	return true
}

func isNull(n *yaml.Node) bool {
	return n == nil || (n.Kind == yaml.ScalarNode && n.Tag == "!!null")
}

var kindNames = map[yaml.Kind]string{yaml.MappingNode: "a mapping", yaml.SequenceNode: "a list", yaml.ScalarNode: "a scalar"}

// field is a value in a mapping and the key it was given under.
type field struct {
	key, val *yaml.Node
}

// mapping returns the fields of a mapping node, reporting unknown and
// duplicate keys. It returns nil (after reporting) when n is not a mapping.
func (l *loader) mapping(n *yaml.Node, what string, known []string) map[string]field {
	n = l.deref(n)
	if n.Kind != yaml.MappingNode {
		l.add(RuleBadValue, n, "%s must be a mapping of fields, not %s", what, kindNames[n.Kind])
		return nil
	}
	var fs map[string]field
	if k := len(l.spare); k > 0 {
		fs, l.spare = l.spare[k-1], l.spare[:k-1]
	} else {
		fs = make(map[string]field, len(n.Content)/2)
	}
	var merged []*yaml.Node // the values of merge keys (<<), in order
	for i := 0; i+1 < len(n.Content) && !l.tooBig; i += 2 {
		k, v := l.deref(n.Content[i]), n.Content[i+1]
		name := k.Value
		if k.Kind != yaml.ScalarNode {
			l.add(RuleBadValue, k, "%s: a key must be a plain name", what)
			continue
		}
		if name == "<<" && k.Tag == "!!merge" {
			merged = append(merged, v)
			continue
		}
		if l.extensions && strings.HasPrefix(name, "x-") {
			continue
		}
		if !slices.Contains(known, name) {
			msg := fmt.Sprintf("unknown field %q in %s", name, what)
			if s := suggest.Closest(name, known); s != "" {
				msg += fmt.Sprintf("; did you mean %s?", s)
			} else {
				msg += fmt.Sprintf("; known fields: %s", strings.Join(known, ", "))
			}
			l.add(RuleUnknownField, k, "%s", msg)
			continue
		}
		if prev, dup := fs[name]; dup {
			l.add(RuleSyntax, k, "%s: duplicate key %q (first at line %d)", what, name, prev.key.Line)
			continue
		}
		fs[name] = field{k, v}
	}
	// A merge key (<<: *defaults, or a list of them) adds the fields of
	// the mappings it names that the mapping does not set itself; an
	// earlier mapping in the list wins over a later one (YAML merge key
	// type, yaml.org/type/merge.html).
	for _, m := range merged {
		srcs := []*yaml.Node{m}
		if d := l.deref(m); d.Kind == yaml.SequenceNode {
			srcs = d.Content
		}
		for _, src := range srcs {
			if l.tooBig {
				break
			}
			if d := l.deref(src); d.Kind != yaml.MappingNode {
				l.add(RuleBadValue, d, "%s: a merge key (<<) takes a mapping or a list of mappings, not %s", what, kindNames[d.Kind])
				continue
			}
			for name, f := range l.mapping(src, what, known) {
				if _, set := fs[name]; !set {
					fs[name] = f
				}
			}
		}
	}
	return fs
}

// str returns the text of a scalar field; ok is false when the field is
// absent or null. A non-scalar is reported.
func (l *loader) str(fs map[string]field, name, what string) (string, *yaml.Node, bool) {
	f, ok := fs[name]
	if !ok {
		return "", nil, false
	}
	v := l.deref(f.val)
	if isNull(v) {
		return "", v, false
	}
	if v.Kind != yaml.ScalarNode {
		l.add(RuleBadValue, v, "%s %s must be a single value, not %s", what, name, kindNames[v.Kind])
		return "", v, false
	}
	return v.Value, v, true
}

// required returns a non-empty scalar field or reports it missing at
// the position of the mapping whose field it is.
func (l *loader) required(fs map[string]field, at *yaml.Node, name, what string) (string, *yaml.Node, bool) {
	s, v, ok := l.str(fs, name, what)
	if ok && strings.TrimSpace(s) != "" {
		return s, v, true
	}
	if v == nil {
		v = at
	} else if v.Kind != yaml.ScalarNode {
		return "", v, false // str reported the wrong type
	}
	l.add(RuleRequired, v, "%s needs a %s", what, name)
	return "", v, false
}

// list returns the items of a sequence field (a missing or null field is an
// empty list).
func (l *loader) list(fs map[string]field, name, what string) []*yaml.Node {
	f, ok := fs[name]
	if !ok {
		return nil
	}
	v := l.deref(f.val)
	if isNull(v) {
		return nil
	}
	if v.Kind != yaml.SequenceNode {
		l.add(RuleBadValue, v, "%s %s must be a list, not %s", what, name, kindNames[v.Kind])
		return nil
	}
	return v.Content
}

// listItems is list for the long lists (tracks, sessions): the same
// checks and findings, and the items one at a time when the reader
// decodes them lazily (loader.items).
func (l *loader) listItems(fs map[string]field, name, what string) iter.Seq[*yaml.Node] {
	content := l.list(fs, name, what)
	if f, ok := fs[name]; ok && content == nil && l.items != nil {
		if seq := l.items(f.val); seq != nil {
			return seq
		}
	}
	return slices.Values(content)
}

// strings returns a list of scalar values.
func (l *loader) strList(fs map[string]field, name, what string) []string {
	items := l.list(fs, name, what)
	if len(items) == 0 {
		return nil
	}
	out := make([]string, 0, len(items))
	for _, n := range items {
		n = l.deref(n)
		if n.Kind != yaml.ScalarNode || isNull(n) {
			l.add(RuleBadValue, n, "%s %s: each item must be a single value", what, name)
			continue
		}
		out = append(out, n.Value)
	}
	if len(out) == 0 {
		return nil // no good items: no list, not an empty one
	}
	return out
}

func (l *loader) duration(fs map[string]field, name, what string) (time.Duration, *yaml.Node, bool) {
	s, v, ok := l.str(fs, name, what)
	if !ok {
		return 0, v, false
	}
	d, err := ParseDuration(s)
	if err != nil {
		l.add(RuleBadValue, v, "%s %s: %v", what, name, err)
		return 0, v, false
	}
	return d, v, true
}

// isAbsoluteURL reports whether s is a URL with a scheme and a host, as
// every url field must be (RFC 3986 §4.3, except that a host is required).
func isAbsoluteURL(s string) bool {
	u, err := url.Parse(s)
	return err == nil && u.Scheme != "" && u.Host != ""
}

// CheckURL returns the bad-value finding at pos about the url s of what
// ("conference", "link", or a session as Who names it), and false when s
// is an absolute URL. The readers of other formats report it through this
// too, so that a file and its import give the same findings.
func CheckURL(pos Pos, what, s string) (Diagnostic, bool) {
	if isAbsoluteURL(s) {
		return Diagnostic{}, false
	}
	return Diag(RuleBadValue, pos, "%s url %q is not an absolute URL such as https://example.org/talk", what, s), true
}

func (l *loader) checkURL(v *yaml.Node, s, what string) {
	if d, bad := CheckURL(l.pos(v), what, s); bad {
		if l.probe {
			l.dirty = true
			return
		}
		l.f.Add(d)
	}
}

func (l *loader) enum(v *yaml.Node, s string, allowed []string, what string) bool {
	if slices.Contains(allowed, s) {
		return true
	}
	msg := fmt.Sprintf("%s %q is not one of %s", what, s, strings.Join(allowed, ", "))
	if g := suggest.Closest(s, allowed); g != "" {
		msg += fmt.Sprintf("; did you mean %s?", g)
	}
	l.add(RuleBadValue, v, "%s", msg)
	return false
}

var (
	rootFields       = []string{"conference", "rooms", "rules", "tracks"}
	conferenceFields = []string{"name", "timezone", "id", "url", "organizer", "day_change", "days", "version", "timeslot_duration"}
	organizerFields  = []string{"name", "email"}
	roomFields       = []string{"name", "aliases"}
	ruleFields       = []string{"min_duration", "max_duration", "changeover", "speaker_buffer", "day_start", "day_end", "severity"}
	trackFields      = []string{"name", "id", "room", "date", "host", "description", "sessions"}
	sessionFields    = []string{"title", "id", "guid", "frab_id", "start", "end", "duration", "date", "room", "speakers", "type", "status", "abstract", "subtitle", "language", "url", "tags", "links",
		"uid", "description", "attachments", "do_not_record", "recording_license", "slug", "logo", "feedback_url", "origin_url", "frab_type"}
	speakerFields = []string{"name", "affiliation", "id"}
	linkFields    = []string{"title", "url"}
)

func (l *loader) schedule(root *yaml.Node, opt LoadOptions) *Schedule {
	s := &Schedule{File: l.file, Policy: DefaultPolicy(), Location: time.UTC}
	// Top-level keys starting with x- are the file's own (a place for
	// anchors such as x-talk: &talk {...}) and are not read.
	l.extensions = true
	fs := l.mapping(root, "the schedule", rootFields)
	l.extensions = false
	if fs == nil {
		return s
	}
	if _, ok := fs["conference"]; !ok {
		l.add(RuleRequired, root, "the schedule needs a conference: mapping with name and timezone")
	} else {
		l.conference(s, fs["conference"].val, opt)
	}
	if f, ok := fs["rooms"]; ok {
		l.rooms(s, f.val)
	}
	if f, ok := fs["rules"]; ok {
		l.rules(s, f.val)
	}
	if l.ready != nil {
		l.ready(s)
	}
	tracks := l.listItems(fs, "tracks", "the schedule")
	if _, ok := fs["tracks"]; !ok {
		l.add(RuleRequired, root, "the schedule needs tracks:, a list of tracks with their sessions")
	}
	for tn := range tracks {
		if l.tooBig {
			break
		}
		l.track(s, tn)
	}
	return s
}

func (l *loader) conference(s *Schedule, n *yaml.Node, opt LoadOptions) {
	n = l.deref(n)
	c := &s.Conference
	c.Pos = l.pos(n)
	fs := l.mapping(n, "conference", conferenceFields)
	if fs == nil {
		return
	}
	c.Name, _, _ = l.required(fs, n, "name", "conference")
	c.ID, _, _ = l.str(fs, "id", "conference")
	if c.ID == "" {
		c.ID = slug.Make(c.Name)
	} else if slug.Make(c.ID) != c.ID {
		_, v, _ := l.str(fs, "id", "conference")
		l.add(RuleBadValue, v, "conference id %q must use only a-z, 0-9 and -; for example %q", c.ID, slug.Make(c.ID))
	}
	if u, v, ok := l.str(fs, "url", "conference"); ok {
		c.URL = u
		l.checkURL(v, u, "conference")
	}
	if f, ok := fs["organizer"]; ok {
		on := l.deref(f.val)
		if ofs := l.mapping(on, "conference organizer", organizerFields); ofs != nil {
			o := &Organizer{}
			o.Name, _, _ = l.str(ofs, "name", "organizer")
			var v *yaml.Node
			o.Email, v, _ = l.required(ofs, on, "email", "organizer")
			// A mailto: URI is the address it names (the calendar writes
			// ORGANIZER:mailto:ADDRESS); any other scheme, or a colon
			// elsewhere, is not an address.
			if len(o.Email) > len("mailto:") && strings.EqualFold(o.Email[:len("mailto:")], "mailto:") {
				o.Email = o.Email[len("mailto:"):]
			}
			if o.Email != "" && (!strings.Contains(o.Email, "@") || strings.ContainsAny(o.Email, " <>:\r\n\t")) {
				l.add(RuleBadValue, v, "organizer email %q is not an address such as program@example.org", o.Email)
			}
			c.Organizer = o
		}
	}
	if dc, v, ok := l.str(fs, "day_change", "conference"); ok {
		if m, err := ParseClock(dc); err != nil {
			l.add(RuleBadValue, v, "conference day_change: %v", err)
		} else {
			c.DayChange = FormatClock(m)
		}
	}
	c.Version, _, _ = l.str(fs, "version", "conference")
	if ts, v, ok := l.str(fs, "timeslot_duration", "conference"); ok {
		if m, err := ParseClock(ts); err != nil || m == 0 {
			l.add(RuleBadValue, v, "conference timeslot_duration %q is not HH:MM, such as 00:05", ts)
		} else {
			c.TimeslotDuration = FormatClock(m)
		}
	}
	tz, v, ok := l.str(fs, "timezone", "conference")
	if !ok {
		tz = ""
	}
	tz, conflict := ChooseZone(tz, opt.Timezone, "the file's timezone")
	switch {
	case tz == "":
		if v == nil {
			v = n
		}
		l.add(RuleRequired, v, "conference needs a timezone, an IANA name such as America/New_York (or pass --timezone)")
		return
	case conflict != "":
		l.add(RuleZoneMismatch, v, "%s", conflict)
	}
	loc, err := LoadLocation(tz)
	if err != nil {
		if v == nil {
			v = n
		}
		l.add(RuleBadValue, v, "conference timezone: %v", err)
		return
	}
	c.TimeZone, s.Location = tz, loc
	l.days(s, fs) // in the zone: a file without one has that error
}

func (l *loader) rooms(s *Schedule, n *yaml.Node) {
	n = l.deref(n)
	if isNull(n) {
		return
	}
	if n.Kind != yaml.SequenceNode {
		l.add(RuleBadValue, n, "rooms must be a list of rooms")
		return
	}
	for _, rn := range n.Content {
		rn = l.deref(rn)
		if rn.Kind == yaml.ScalarNode && !isNull(rn) {
			s.Rooms = append(s.Rooms, Room{Name: rn.Value, Pos: l.pos(rn)})
			continue
		}
		fs := l.mapping(rn, "room", roomFields)
		if fs == nil {
			continue
		}
		name, _, ok := l.required(fs, rn, "name", "room")
		if !ok {
			continue
		}
		s.Rooms = append(s.Rooms, Room{Name: name, Aliases: l.strList(fs, "aliases", "room"), Pos: l.pos(rn)})
	}
}

func (l *loader) rules(s *Schedule, n *yaml.Node) {
	n = l.deref(n)
	if isNull(n) {
		return
	}
	fs := l.mapping(n, "rules", ruleFields)
	if fs == nil {
		return
	}
	p := &s.Policy
	if d, _, ok := l.duration(fs, "min_duration", "rules"); ok {
		p.MinDuration = d
	}
	if d, v, ok := l.duration(fs, "max_duration", "rules"); ok {
		if d == 0 {
			l.add(RuleBadValue, v, "rules max_duration must be more than 0")
		} else {
			p.MaxDuration = d
		}
	}
	if d, _, ok := l.duration(fs, "changeover", "rules"); ok {
		p.Changeover = d
	}
	if d, _, ok := l.duration(fs, "speaker_buffer", "rules"); ok {
		p.SpeakerBuffer = d
	}
	for _, k := range []string{"day_start", "day_end"} {
		c, v, ok := l.str(fs, k, "rules")
		if !ok {
			continue
		}
		m, err := ParseClock(c)
		if err != nil {
			l.add(RuleBadValue, v, "rules %s: %v", k, err)
			continue
		}
		if k == "day_start" {
			p.DayStart = m
		} else {
			p.DayEnd = m
		}
	}
	if f, ok := fs["severity"]; ok {
		sn := l.deref(f.val)
		if isNull(sn) {
			return
		}
		if sn.Kind != yaml.MappingNode {
			l.add(RuleBadValue, sn, "rules severity must map rule ids to error, warning or off")
			return
		}
		p.Severity = map[string]Severity{}
		for i := 0; i+1 < len(sn.Content); i += 2 {
			k, v := l.deref(sn.Content[i]), l.deref(sn.Content[i+1])
			sev, err := ParseRuleSetting(k.Value, v.Value)
			if err != nil {
				at := v
				if _, known := LookupRule(k.Value); !known {
					at = k
				}
				l.add(RuleBadValue, at, "rules severity: %v", err)
				continue
			}
			p.Severity[k.Value] = sev
		}
	}
}

func (l *loader) track(s *Schedule, n *yaml.Node) {
	if l.repeated(n, "track") {
		return
	}
	n = l.deref(n)
	fs := l.mapping(n, "track", trackFields)
	if fs == nil {
		return
	}
	t := &Track{Pos: l.pos(n), IDPos: l.pos(n)}
	t.Name, _, _ = l.required(fs, n, "name", "track")
	if id, v, ok := l.str(fs, "id", "track"); ok {
		t.ID, t.IDPos = id, l.pos(v)
		if slug.Make(id) != id {
			l.add(RuleBadValue, v, "track id %q must use only a-z, 0-9 and -; for example %q", id, slug.Make(id))
		}
	} else {
		t.ID = slug.Make(t.Name)
		if t.ID == "" {
			t.ID = "track-" + strconv.Itoa(len(s.Tracks)+1)
		}
	}
	var roomNode *yaml.Node
	t.Room, roomNode, _ = l.str(fs, "room", "track")
	l.trackRoom = Pos{}
	if roomNode != nil {
		l.trackRoom = l.pos(roomNode)
	}
	t.Host, _, _ = l.str(fs, "host", "track")
	t.Description, _, _ = l.str(fs, "description", "track")
	l.trackDateBad = false
	if d, v, ok := l.str(fs, "date", "track"); ok {
		if _, err := ParseDate(d); err != nil {
			l.add(RuleBadValue, v, "track date: %v", err)
			l.trackDateBad = true
		} else {
			t.Date = d
		}
	}
	s.AddTrack(t)
	for sn := range l.listItems(fs, "sessions", "track") {
		if l.tooBig {
			return
		}
		l.session(s, t, sn)
	}
}

func (l *loader) session(sc *Schedule, t *Track, n *yaml.Node) {
	if l.repeated(n, "session") {
		return
	}
	if l.prebuilt != nil {
		// Built on another goroutine (load_json.go), as buildSession
		// would build it here, with as many nodes visited.
		if s, nodes := l.prebuilt(n); s != nil && l.nodes+nodes <= max(l.maxNodes, MaxNodes) {
			l.nodes += nodes
			sc.AddSession(t, s)
			return
		}
	}
	if s := l.buildSession(sc, t, n); s != nil {
		sc.AddSession(t, s)
	}
}

// buildSession reads the session n of track t; nil when n is not a
// mapping (reported).
func (l *loader) buildSession(sc *Schedule, t *Track, n *yaml.Node) *Session {
	n = l.deref(n)
	fs := l.mapping(n, "session", sessionFields)
	if fs == nil {
		return nil
	}
	s := &Session{Pos: l.pos(n), Type: TypeTalk, Status: StatusConfirmed}
	s.FieldPos = make([]FieldAt, 0, len(fs)+1) // +1: an inherited room
	for name, f := range fs {
		// Appended and sorted once: SetPos's sorted insert in map order
		// moved the list about.
		p := l.pos(l.deref(f.val))
		if at := (FieldAt{name, int32(p.Line), int32(p.Column)}); int(at.Line) == p.Line && int(at.Column) == p.Column {
			s.FieldPos = append(s.FieldPos, at)
		} else {
			s.SetPos(name, p)
		}
	}
	slices.SortFunc(s.FieldPos, func(a, b FieldAt) int { return strings.Compare(a.Field, b.Field) })
	// Name the session by its id in the title's findings, when it has one.
	titleWhat := "session"
	if f, ok := fs["id"]; ok {
		if v := l.deref(f.val); v.Kind == yaml.ScalarNode && !isNull(v) && v.Value != "" {
			titleWhat = "session (" + v.Value + ")"
		}
	}
	s.Title, _, _ = l.required(fs, n, "title", titleWhat)
	if id, v, ok := l.str(fs, "id", "session"); ok && id != "" {
		s.ID = id
		if strings.ContainsAny(id, " \t\r\n/\\") {
			l.add(RuleBadValue, v, "session %q: id %q must not contain spaces or slashes", s.Title, id)
		}
	} else {
		s.ID, s.ImplicitID = t.ID+"-"+slug.Make(s.Title), true
		if l.probe {
			l.dirty = true
		} else if l.f.Room(RuleImplicitId, s.Pos) {
			l.f.Add(Diag(RuleImplicitId, s.Pos,
				"session %q has no id; using %q. Pin it with id: %s — calendar UIDs come from ids, and a derived id changes when the title does",
				s.Title, s.ID, s.ID))
		}
	}
	what := Who(s)
	if g, v, ok := l.str(fs, "guid", what); ok {
		if !uuid.Valid(g) {
			l.add(RuleBadValue, v, "%s: guid %q is not a UUID", what, g)
		} else {
			s.GUID = strings.ToLower(g)
		}
	}
	if fid, v, ok := l.str(fs, "frab_id", what); ok {
		i, err := strconv.Atoi(fid)
		if err != nil || i <= 0 {
			l.add(RuleBadValue, v, "%s: frab_id %q must be a positive integer", what, fid)
		} else {
			s.FrabID = i
		}
	}
	s.UID, _, _ = l.str(fs, "uid", what)
	s.Room = t.Room
	if _, own := fs["room"]; !own && t.Room != "" {
		s.SetPos("room", l.trackRoom) // findings about the room point where it is written
	}
	if r, _, ok := l.str(fs, "room", what); ok {
		s.Room = r
	}
	if ty, v, ok := l.str(fs, "type", what); ok && l.enum(v, ty, SessionTypes, what+": type") {
		s.Type = ty
	}
	if st, v, ok := l.str(fs, "status", what); ok && l.enum(v, st, SessionStatuses, what+": status") {
		s.Status = st
	}
	s.Abstract, _, _ = l.str(fs, "abstract", what)
	s.Subtitle, _, _ = l.str(fs, "subtitle", what)
	s.Language, _, _ = l.str(fs, "language", what)
	if u, v, ok := l.str(fs, "url", what); ok {
		s.URL = u
		l.checkURL(v, u, what)
	}
	s.Description, _, _ = l.str(fs, "description", what)
	s.RecordingLicense, _, _ = l.str(fs, "recording_license", what)
	s.Slug, _, _ = l.str(fs, "slug", what)
	s.SourceType, _, _ = l.str(fs, "frab_type", what)
	// Kept as the source gave them, relative logo paths included (frab
	// writes them relative to base_url); the writers leave out what their
	// format does not admit.
	s.Logo, _, _ = l.str(fs, "logo", what)
	s.FeedbackURL, _, _ = l.str(fs, "feedback_url", what)
	s.OriginURL, _, _ = l.str(fs, "origin_url", what)
	if b, v, ok := l.str(fs, "do_not_record", what); ok {
		switch b {
		case "true":
			s.DoNotRecord = true
		case "false":
		default:
			l.add(RuleBadValue, v, "%s: do_not_record must be true or false, not %q", what, b)
		}
	}
	s.Tags = l.strList(fs, "tags", what)
	s.Links = l.links(fs, what, "links")
	s.Attachments = l.links(fs, what, "attachments")
	s.Speakers = l.speakers(fs, what)
	l.times(sc, t, s, fs, n, what)
	l.release(fs)
	return s
}

// release gives mapping back a field map its caller is done with.
func (l *loader) release(fs map[string]field) {
	if len(l.spare) < 4 {
		clear(fs)
		l.spare = append(l.spare, fs)
	}
}

// links reads the links (or the attachments: field) of the session named
// what.
func (l *loader) links(fs map[string]field, what, field string) []Link {
	var out []Link
	items := l.list(fs, field, what)
	if len(items) == 0 {
		return nil
	}
	what += ": link" // once, not per use
	for _, ln := range items {
		ln = l.deref(ln)
		lfs := l.mapping(ln, what, linkFields)
		if lfs == nil {
			continue
		}
		u, v, ok := l.required(lfs, ln, "url", what)
		if ok && field == "links" {
			// Attachments are often relative to the conference url, as
			// frab writes them; links must be absolute.
			// As the frab reader words it: format/yamlout's round-trip
			// test compares the two readers' messages.
			l.checkURL(v, u, "link")
		}
		title, _, _ := l.str(lfs, "title", what)
		out = append(out, Link{Title: title, URL: u})
		l.release(lfs)
	}
	return out
}

// speakers reads the speakers of the session named what: names, or
// mappings with name, affiliation and id.
func (l *loader) speakers(fs map[string]field, what string) []Person {
	items := l.list(fs, "speakers", what)
	if len(items) == 0 {
		return nil
	}
	// Made at its size: an aliased list of a thousand speakers, grown by
	// append in every session that lists it, allocated twice what it kept.
	out := make([]Person, 0, len(items))
	sw := what + ": speaker" // once, not four times a speaker
	for _, pn := range items {
		pn = l.deref(pn)
		if pn.Kind == yaml.ScalarNode && !isNull(pn) {
			if strings.TrimSpace(pn.Value) == "" {
				l.add(RuleRequired, pn, "%s: speaker needs a name", what)
				continue
			}
			out = append(out, Person{Name: pn.Value})
			continue
		}
		pfs := l.mapping(pn, sw, speakerFields)
		if pfs == nil {
			continue
		}
		var p Person
		p.Name, _, _ = l.required(pfs, pn, "name", sw)
		p.Affiliation, _, _ = l.str(pfs, "affiliation", sw)
		p.ID, _, _ = l.str(pfs, "id", sw)
		out = append(out, p)
		l.release(pfs)
	}
	return out
}

// times resolves start, end and duration to instants; what is Who(s).
func (l *loader) times(sc *Schedule, t *Track, s *Session, fs map[string]field, n *yaml.Node, what string) {
	// Every part is checked, so that a run reports all of a session's
	// problems; the instants are set only when all parts are good.
	good := true
	var date Date
	dateGiven := false
	dateBad := l.trackDateBad // a date was given but is not one: reported
	if t.Date != "" {
		date, _ = ParseDate(t.Date) // checked with the track
	}
	if d, v, ok := l.str(fs, "date", what); ok {
		pd, err := ParseDate(d)
		if err != nil {
			l.add(RuleBadValue, v, "%s: %v", what, err)
			good, dateBad = false, true
		} else {
			date, dateGiven, dateBad = pd, true, false
		}
	}

	startText, sv, hasStart := l.required(fs, n, "start", what)
	var start when
	if hasStart {
		var err error
		if start, err = parseWhen(startText); err != nil {
			l.add(RuleBadValue, sv, "%s: start: %v", what, err)
			hasStart = false
		}
	}
	good = good && hasStart

	endText, ev, hasEnd := l.str(fs, "end", what)
	endGiven := false // an end that is not null (end: ~ is no end)
	if f, ok := fs["end"]; ok {
		endGiven = !isNull(l.deref(f.val))
	}
	var end when
	if hasEnd {
		var err error
		if end, err = parseWhen(endText); err != nil {
			l.add(RuleBadValue, ev, "%s: end: %v", what, err)
			hasEnd, good = false, false
		}
	}
	dur, dv, hasDur := l.duration(fs, "duration", what)
	// A null duration (duration: ~) is no duration; a malformed one is
	// reported by l.duration.
	durGiven := false
	if f, ok := fs["duration"]; ok {
		durGiven = !isNull(l.deref(f.val))
	}
	switch {
	case !endGiven && !durGiven:
		at := sv // after the start, where the end would go
		if sv == nil || sv.Kind != yaml.ScalarNode {
			at = n
		}
		l.add(RuleRequired, at, "%s needs an end or a duration", what)
		good = false
	case durGiven && !hasDur:
		good = false // the bad duration is reported
	case endGiven && !hasEnd:
		good = false // an end of the wrong type, or malformed: reported
	}

	if hasStart && start.hasDate {
		if dateGiven && start.date != date {
			l.add(RuleBadValue, sv, "%s: start %s is on another day than date %s", what, startText, date)
			good = false
		}
		date = start.date
	}
	if hasStart && date.IsZero() && !dateBad {
		l.add(RuleRequired, sv, "%s has no date: give it a date:, its track a date:, or write start as YYYY-MM-DDTHH:MM", what)
	}
	if !good || date.IsZero() {
		return
	}

	loc := sc.Location
	startAt, ok := l.wall(date, start, loc, sv, what, "start")
	var endAt time.Time
	if hasEnd {
		if !end.hasDate {
			end.date = date
			if end.min < start.min {
				end.date = date.AddDays(1) // past midnight
			}
		}
		var endOK bool
		endAt, endOK = l.wall(end.date, end, loc, ev, what, "end")
		ok = ok && endOK
	}
	if !ok {
		return
	}
	if !hasEnd {
		endAt = startAt.Add(dur)
	} else if hasDur && endAt.Sub(startAt) != dur && endAt.After(startAt) {
		l.add(RuleDurationMismatch, dv, "%s: duration %s disagrees with %s–%s (%s)", what, FormatDuration(dur), startText, endText, FormatDuration(endAt.Sub(startAt)))
	}
	s.Start, s.End = startAt, endAt
}

// wall resolves a wall-clock time and reports DST trouble. An offset
// written with the time picks the reading; it must be one the zone has.
func (l *loader) wall(d Date, w when, loc *time.Location, v *yaml.Node, what, field string) (time.Time, bool) {
	t, kind := ResolveWall(d, w.min, loc)
	if w.hasOffset && kind != WallGap {
		at := time.Date(d.Year, d.Month, d.Day, w.min/60, w.min%60, 0, 0, time.UTC).Add(-time.Duration(w.offset) * time.Second).In(loc)
		if _, off := at.Zone(); off == w.offset && DateOf(at) == d && at.Hour()*60+at.Minute() == w.min {
			return at, true
		}
		readings := t.Format("-07:00")
		if kind == WallAmbiguous {
			_, end := t.ZoneBounds()
			readings += " or " + end.Format("-07:00")
		}
		l.add(RuleBadValue, v, "%s: %s %s %s%s: %s is at UTC%s then", what, field, d, FormatClock(w.min), time.Unix(0, 0).In(time.FixedZone("", w.offset)).Format("-07:00"), loc, readings)
		return time.Time{}, false
	}
	if rule, msg := WallProblem(t, kind, d, w.min, loc); rule != "" {
		l.add(rule, v, "%s: %s %s", what, field, msg)
	}
	return t, kind != WallGap
}

// when is a start or end as written: a wall-clock time, perhaps with a
// date, perhaps with the UTC offset that picks one of the two readings of
// a time that occurs twice (2024-10-27T02:30+01:00 in Europe/Berlin).
type when struct {
	date      Date
	min       int // minutes after midnight
	hasDate   bool
	hasOffset bool
	offset    int // seconds east of UTC
}

// parseWhen parses a start or end: HH:MM (or h:mmam/pm), YYYY-MM-DDTHH:MM,
// or YYYY-MM-DDTHH:MM±HH:MM.
func parseWhen(s string) (when, error) {
	s = strings.TrimSpace(s)
	if ds, cs, ok := strings.Cut(s, "T"); ok && len(ds) == 10 {
		d, err := ParseDate(ds)
		if err != nil {
			return when{}, fmt.Errorf("%q: %v", s, err)
		}
		w := when{date: d, hasDate: true}
		if i := strings.LastIndexAny(cs, "+-"); i > 0 {
			off, err := time.Parse("-07:00", cs[i:])
			if err != nil {
				return when{}, fmt.Errorf("%q is not YYYY-MM-DDTHH:MM±HH:MM (a UTC offset such as +01:00)", s)
			}
			_, w.offset = off.Zone()
			w.hasOffset = true
			cs = cs[:i]
		}
		w.min, err = ParseClock(cs)
		if err != nil || strings.ContainsAny(cs, "aApP") {
			return when{}, fmt.Errorf("%q is not YYYY-MM-DDTHH:MM (local wall time, with a UTC offset only to pick a reading of a time that occurs twice)", s)
		}
		return w, nil
	}
	min, err := ParseClock(s)
	if err != nil {
		return when{}, fmt.Errorf("%q is not HH:MM, h:mmam/h:mmpm or YYYY-MM-DDTHH:MM", s)
	}
	return when{min: min}, nil
}
