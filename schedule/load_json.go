package schedule

import (
	"iter"
	"math"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
	"time"
	"unicode/utf8"

	"go.yaml.in/yaml/v4"
)

// The JSON path of Load.
//
// JSON is YAML, and Load used to read it with the YAML parser, which holds
// every token, event and node of the document at once: 11 s and 2 GB for a
// file of 100,000 sessions. This reader builds the same yaml.Node values the
// YAML parser would (kind, tag, value, line and column in characters) with a
// JSON scanner, and hands the tracks and their sessions to the loader one
// at a time (loader.items), so that only a few batches of sessions' nodes
// exist at once (the sessions are read ahead on another goroutine; see
// readAhead).
// The loader is the same code for both paths, so the schedule and every
// finding are the same; TestJSONSameAsYAML and FuzzJSONSameAsYAML check it.
//
// The reader takes a document only when it is sure the YAML parser reads it
// the same way: strict JSON (RFC 8259) with an object or array at the top,
// and none of what YAML reads differently from JSON: a lone CR, characters
// YAML does not allow (controls, DEL, U+FEFF, U+FFFE, U+FFFF), line breaks
// YAML counts inside strings (U+0085, U+2028, U+2029), escaped surrogate
// halves, keys longer than YAML's 1024-character simple keys or split over
// lines, nesting deeper than jsonMaxDepth. Anything else, and every syntax
// error, goes to the YAML parser, whose message is the one users know.

// jsonMaxDepth bounds the nesting the JSON reader takes; a schedule nests
// six deep (schedule, tracks, track, sessions, session, speakers, speaker).
const jsonMaxDepth = 64

// jsonMaxKey bounds the bytes from a key's opening quote to its colon.
const jsonMaxKey = 1000

// loadJSON reads data as JSON when it is JSON that the YAML parser reads the
// same way (see above); ok is false otherwise, and nothing is reported.
func (l *loader) loadJSON(data []byte, opt LoadOptions) (s *Schedule, ok bool) {
	c, ok := checkJSON(data)
	if !ok {
		return nil, false
	}
	r := newJSONReader(data)
	r.lists = c.lists
	r.ahead = readAhead(l.file, data, c.lists, opt.Release)
	defer r.ahead.stop()
	root := r.value(jsonRoot)
	l.maxNodes = max(MaxNodes, nodesPerSource*(c.count+1)) // +1: the document node
	l.items = r.items
	if r.ahead != nil {
		l.ready, l.prebuilt = r.ahead.ready, r.ahead.prebuilt
	}
	return l.schedule(root, opt), true
}

// jsonScan is a position in the document: the byte offset, the line, and
// the column at offset colAt (columns count characters, as YAML's do).
type jsonScan struct {
	i               int
	line, lineStart int
	colAt, col      int
}

// newJSONReader returns a reader at the first value of data.
func newJSONReader(data []byte) *jsonReader {
	r := &jsonReader{data: data, lazy: map[*yaml.Node]jsonLazy{}, keys: map[string]string{}}
	r.scan = jsonScan{line: 1, col: 1}
	r.ws()
	return r
}

type jsonReader struct {
	// data is the document. Values are copies of their text, not slices
	// of one copy of the document as a string: that copy was a second
	// 61 MB of a 100,000-session file, kept alive by the few values the
	// schedule holds; a copy of each value keeps only those.
	data []byte
	// keys interns keys and short values (see jsonMaxKeys).
	keys map[string]string
	buf  []byte // unescape's: one buffer for every string with escapes
	scan jsonScan
	// lazy holds where the items of the tracks list and of each track's
	// sessions list start; the loader asks for them through items.
	lazy  map[*yaml.Node]jsonLazy
	nodes nodeArena
	stack []*yaml.Node // mapping and list items being read
	// lists are the lazy lists checkJSON found, in document order, and
	// ahead reads their sessions on another goroutine.
	lists []jsonList
	ahead *jsonAhead
}

// pos returns the line and column (in characters) at the current offset.
func (r *jsonReader) pos() (int, int) {
	s := &r.scan
	if s.colAt < s.lineStart {
		s.colAt, s.col = s.lineStart, 1
	}
	for _, b := range r.data[s.colAt:s.i] {
		if b&0xC0 != 0x80 {
			s.col++
		}
	}
	s.colAt = s.i
	return s.line, s.col
}

// ws skips white space (checkJSON has made sure there is no lone CR).
func (r *jsonReader) ws() {
	s := &r.scan
	for s.i < len(r.data) {
		switch r.data[s.i] {
		case ' ', '\t', '\r':
			s.i++
		case '\n':
			s.i++
			s.line++
			s.lineStart = s.i
		default:
			return
		}
	}
}

// Levels of the document whose lists are handed to the loader lazily.
const (
	jsonAny          = iota
	jsonRoot         // the top-level mapping: its tracks list is lazy
	jsonTrack        // an item of the tracks list: its sessions list is lazy
	jsonLazyTracks   // the tracks list
	jsonLazySessions // a track's sessions list
)

// jsonLazy is where the items of a lazy list start and what they are; list
// is its index in jsonReader.lists, or -1 when checkJSON did not list it.
type jsonLazy struct {
	at    jsonScan
	level int
	list  int
}

// value reads the value at the current offset (checkJSON has checked the
// document) and the white space after it.
func (r *jsonReader) value(level int) *yaml.Node {
	var n *yaml.Node
	if level == jsonLazyTracks || level == jsonLazySessions {
		// Not from the arena: r.lazy holds it, and its address must not
		// name another node later.
		n = new(yaml.Node)
	} else {
		n = r.nodes.new()
	}
	n.Line, n.Column = r.pos()
	s := &r.scan
	switch c := r.data[s.i]; c {
	case '{':
		n.Kind, n.Style, n.Tag = yaml.MappingNode, yaml.FlowStyle, "!!map"
		s.i++
		r.ws()
		base := len(r.stack)
		for r.data[s.i] != '}' {
			k := r.nodes.new()
			k.Line, k.Column = r.pos()
			k.Kind, k.Style, k.Tag = yaml.ScalarNode, yaml.DoubleQuotedStyle, "!!str"
			k.Value = r.str(true)
			r.ws()
			s.i++ // :
			r.ws()
			vl := jsonAny
			if r.data[s.i] == '[' {
				switch {
				case level == jsonRoot && k.Value == "tracks":
					vl = jsonLazyTracks
				case level == jsonTrack && k.Value == "sessions":
					vl = jsonLazySessions
				}
			}
			r.stack = append(r.stack, k, r.value(vl))
			if r.data[s.i] == ',' {
				s.i++
				r.ws()
			}
		}
		s.i++
		n.Content = r.nodes.list(r.stack[base:])
		r.stack = r.stack[:base]
	case '[':
		n.Kind, n.Style, n.Tag = yaml.SequenceNode, yaml.FlowStyle, "!!seq"
		s.i++
		r.ws()
		if level == jsonLazyTracks || level == jsonLazySessions {
			if r.data[s.i] == ']' {
				s.i++
				break
			}
			item := jsonAny
			if level == jsonLazyTracks {
				item = jsonTrack
			}
			lz := jsonLazy{at: r.scan, level: item, list: -1}
			if i, ok := slices.BinarySearchFunc(r.lists, s.i, func(l jsonList, at int) int { return l.start.i - at }); ok {
				// checkJSON has found its end: no need to read it twice.
				lz.list = i
				end := r.lists[i].end
				s.i, s.line, s.lineStart = end.i, end.line, end.lineStart
			} else {
				r.skipList()
			}
			r.lazy[n] = lz
			break
		}
		base := len(r.stack)
		for r.data[s.i] != ']' {
			r.stack = append(r.stack, r.value(jsonAny))
			if r.data[s.i] == ',' {
				s.i++
				r.ws()
			}
		}
		s.i++
		n.Content = r.nodes.list(r.stack[base:])
		r.stack = r.stack[:base]
	case '"':
		n.Kind, n.Style, n.Tag = yaml.ScalarNode, yaml.DoubleQuotedStyle, "!!str"
		n.Value = r.str(false)
	default:
		start := s.i
		for s.i < len(r.data) && !strings.ContainsRune(" \t\r\n,]}", rune(r.data[s.i])) {
			s.i++
		}
		n.Kind, n.Value = yaml.ScalarNode, jsonLiteral(r.data[start:s.i])
		n.Tag = jsonScalarTag(n.Value)
	}
	r.ws()
	return n
}

// jsonLiteral returns the text of a literal (true, false, null or a
// number), the words without allocating.
func jsonLiteral(b []byte) string {
	switch string(b) {
	case "true":
		return "true"
	case "false":
		return "false"
	case "null":
		return "null"
	}
	return string(b)
}

// jsonScalarTag is the tag YAML resolves true, false, null and a JSON
// number to.
func jsonScalarTag(v string) string {
	switch v {
	case "true", "false":
		return "!!bool"
	case "null":
		return "!!null"
	}
	if _, err := strconv.ParseInt(v, 0, 64); err == nil {
		return "!!int"
	}
	if _, err := strconv.ParseUint(v, 0, 64); err == nil {
		return "!!int"
	}
	if _, err := strconv.ParseFloat(v, 64); err == nil {
		return "!!float"
	}
	return "!!str"
}

// skipList moves past the list whose first item (or ]) is at the current
// offset, counting lines.
func (r *jsonReader) skipList() {
	s := &r.scan
	depth := 1
	for depth > 0 {
		switch r.data[s.i] {
		case '"':
			s.i++
			for r.data[s.i] != '"' {
				if r.data[s.i] == '\\' {
					s.i++
				}
				s.i++
			}
		case '[', '{':
			depth++
		case ']', '}':
			depth--
		case '\n':
			s.line++
			s.lineStart = s.i + 1
		}
		s.i++
	}
}

// items yields the items of a list that value skipped, each read when the
// loader asks for it; the nodes of an item are reused for the next one
// (the loader keeps positions and values, not nodes).
func (r *jsonReader) items(n *yaml.Node) iter.Seq[*yaml.Node] {
	lz, ok := r.lazy[n]
	if !ok {
		return nil
	}
	if lz.level == jsonAny && r.ahead.has(lz.list) {
		delete(r.lazy, n)
		return r.ahead.items(lz.list)
	}
	return func(yield func(*yaml.Node) bool) {
		delete(r.lazy, n)
		for {
			r.scan = lz.at
			mark := r.nodes.mark()
			item := r.value(lz.level)
			end := r.data[r.scan.i]
			if end == ',' {
				r.scan.i++
				r.ws()
			}
			lz.at = r.scan
			if !yield(item) {
				return
			}
			r.nodes.reset(mark)
			if end == ']' {
				return
			}
		}
	}
}

// Reading ahead. The reader and the loader each take a good part of Load
// (at 100,000 sessions, 0.5 s and 0.8 s), so the sessions are read on a
// goroutine of their own, a batch of aheadItems at a time, while the
// loader reads the batch before. When that goroutine is ahead, it builds
// the sessions of a batch too (prebuild), which leaves the loader less. The loader still takes the items in
// order, one at a time, so the schedule and the findings are the same as
// when one goroutine does both. aheadBatches batches circulate: the reader
// fills one while the loader reads another, and a batch's nodes are
// reused only once the loader is done with all of its items.
//
// That goroutine reads the sessions lists checkJSON found, one after the
// other, with a reader of its own that shares only the document with the
// main one. The loader asks for the lists in document order; the batches
// of a list it skips (a track that is not a mapping, a second sessions
// key) are dropped when it asks for a later one.
const (
	aheadItems   = 64
	aheadBatches = 4
	releaseStep  = 4 << 20 // see LoadOptions.Release
)

// aheadBuild is how many batches the loader must have waiting for the
// goroutine to build the sessions of the next one too (prebuild): with
// fewer, it only reads, and the loader builds them. A variable for tests:
// at 0 the goroutine waits for the time zone and builds every batch.
var aheadBuild = 2

// prebuiltUsed counts the sessions built ahead of time that the loader was
// offered (for tests).
var prebuiltUsed atomic.Int64

// jsonBatch is a batch of items of one list, read ahead, and the arena of
// their nodes; last is set on the last batch of the list. pre holds the
// sessions built ahead of time (see prebuild), by item; none when nil.
type jsonBatch struct {
	list  int
	last  bool
	nodes nodeArena
	items []*yaml.Node
	pre   []prebuilt
}

// prebuilt is a session built ahead of time and the nodes visited for it.
type prebuilt struct {
	s     *Session
	nodes int
}

// jsonAhead is the loader's end of the reading ahead.
type jsonAhead struct {
	sessions   []bool // the lists read ahead, by index in lists
	free, full chan *jsonBatch
	quit       chan struct{}
	cur        *jsonBatch // the batch being read, and its next item
	next       int
	asked      int // the last list asked for
	// zone passes the schedule's time zone to the goroutine once the
	// loader knows it (ready); from then on it builds the sessions of a
	// batch as well when it is ahead of the loader (prebuild).
	zone chan *time.Location
}

// readAhead starts reading the sessions lists of lists (nil when there
// are none). It calls release (when not nil) each time it has read
// releaseStep bytes more: the sessions lists are most of a large
// document, and the main reader has read the rest by then but for a few
// bytes between the lists.
func readAhead(file string, data []byte, lists []jsonList, release func(int)) *jsonAhead {
	if !slices.ContainsFunc(lists, func(l jsonList) bool { return l.sessions }) {
		return nil
	}
	a := &jsonAhead{
		sessions: make([]bool, len(lists)),
		free:     make(chan *jsonBatch, aheadBatches),
		full:     make(chan *jsonBatch, aheadBatches),
		quit:     make(chan struct{}),
		asked:    -1,
		zone:     make(chan *time.Location, 1),
	}
	for range aheadBatches {
		a.free <- &jsonBatch{}
	}
	for i, l := range lists {
		a.sessions[i] = l.sessions
	}
	go func() {
		defer close(a.full)
		p := &jsonReader{data: data, keys: map[string]string{}}
		var build *loader // nil until the time zone is known
		released := 0
		for i, l := range lists {
			if !l.sessions {
				continue
			}
			p.scan = l.start
			for more := true; more; {
				var b *jsonBatch
				select {
				case b = <-a.free:
				case <-a.quit:
					return
				}
				p.nodes, b.items = b.nodes, b.items[:0]
				p.nodes.reset(arenaMark{})
				for more && len(b.items) < aheadItems {
					b.items = append(b.items, p.value(jsonAny))
					if more = p.data[p.scan.i] == ','; more {
						p.scan.i++
						p.ws()
					}
				}
				b.list, b.last, b.nodes = i, !more, p.nodes
				if release != nil && p.scan.i-released >= releaseStep {
					released = p.scan.i
					release(released)
				}
				b.pre = b.pre[:0]
				if build == nil {
					var loc *time.Location
					if aheadBuild == 0 {
						select {
						case loc = <-a.zone:
						case <-a.quit:
							return
						}
					} else {
						select {
						case loc = <-a.zone:
						default:
						}
					}
					if loc != nil {
						build = &loader{file: file, probe: true, maxNodes: math.MaxInt, sc: &Schedule{Location: loc}}
					}
				}
				if build != nil && len(a.full) >= aheadBuild {
					// The loader has aheadBuild batches to read still:
					// build this one's sessions while it does.
					for _, item := range b.items {
						b.pre = append(b.pre, build.prebuild(item))
					}
				}
				a.full <- b // never waits: full has room for every batch
			}
		}
	}()
	return a
}

// ready gives the goroutine the time zone the sessions are read in.
func (a *jsonAhead) ready(s *Schedule) { a.zone <- s.Location }

// prebuilt returns the session built ahead of time for n, the item the
// loader was last given, and the nodes visited for it; nil when there is
// none.
func (a *jsonAhead) prebuilt(n *yaml.Node) (*Session, int) {
	b, k := a.cur, a.next-1
	if b == nil || k < 0 || k >= len(b.pre) || b.items[k] != n {
		return nil, 0
	}
	if b.pre[k].s != nil {
		prebuiltUsed.Add(1)
	}
	return b.pre[k].s, b.pre[k].nodes
}

// prebuild builds the session of item n ahead of time, as the loader's
// buildSession would, when that cannot depend on its track or on what the
// loader has read before: it has its own id, room and date, and gives no
// finding (a session with one is read again by the loader, which reports
// it). It returns no session otherwise.
func (l *loader) prebuild(n *yaml.Node) prebuilt {
	if n.Kind != yaml.MappingNode {
		return prebuilt{}
	}
	var own [3]bool // id, room, date
	for i := 0; i+1 < len(n.Content); i += 2 {
		v := n.Content[i+1]
		if v.Kind != yaml.ScalarNode || isNull(v) {
			continue
		}
		switch n.Content[i].Value {
		case "id":
			own[0] = v.Value != ""
		case "room":
			own[1] = true
		case "date":
			own[2] = true
		}
	}
	if own != [3]bool{true, true, true} {
		return prebuilt{}
	}
	l.nodes, l.dirty = 0, false
	s := l.buildSession(l.sc, &Track{}, n)
	if s == nil || l.dirty {
		return prebuilt{}
	}
	return prebuilt{s, l.nodes}
}

// has reports whether list i is read ahead and still to come: the loader
// asks for the lists in document order, and a list asked for again (which
// it does not do) would be read by the reader, not the goroutine.
func (a *jsonAhead) has(i int) bool {
	return a != nil && i > a.asked && a.sessions[i]
}

// items yields the items of list i (see has).
func (a *jsonAhead) items(i int) iter.Seq[*yaml.Node] {
	a.asked = i
	return func(yield func(*yaml.Node) bool) {
		for {
			if a.cur == nil {
				b, ok := <-a.full
				if !ok {
					return
				}
				a.cur, a.next = b, 0
			}
			b := a.cur
			if b.list > i {
				return // not reached: every batch of list i comes before
			}
			if b.list == i {
				for a.next < len(b.items) {
					item := b.items[a.next]
					a.next++
					if !yield(item) {
						return
					}
				}
			}
			done := b.list == i && b.last
			a.cur = nil
			a.free <- b // the goroutine may fill it from here on
			if done {
				return
			}
		}
	}
}

// stop ends the reading ahead and waits for its goroutine to return.
func (a *jsonAhead) stop() {
	if a == nil {
		return
	}
	close(a.quit)
	for range a.full {
		// until the goroutine has returned
	}
}

// nodeArena hands out nodes and lists of nodes from large blocks, and
// takes back everything handed out after a mark.
type nodeArena struct {
	nodes [][]yaml.Node
	lists [][]*yaml.Node
	mk    arenaMark
}

type arenaMark struct{ node, nodeUsed, list, listUsed int }

const arenaBlock = 1024

func (a *nodeArena) mark() arenaMark { return a.mk }

// reset takes back what was handed out after m.
func (a *nodeArena) reset(m arenaMark) { a.mk = m }

func (a *nodeArena) new() *yaml.Node {
	m := &a.mk
	if m.node < len(a.nodes) && m.nodeUsed == len(a.nodes[m.node]) {
		m.node, m.nodeUsed = m.node+1, 0
	}
	if m.node == len(a.nodes) {
		a.nodes = append(a.nodes, make([]yaml.Node, arenaBlock))
	}
	n := &a.nodes[m.node][m.nodeUsed]
	m.nodeUsed++
	*n = yaml.Node{}
	return n
}

// list returns a copy of ns.
func (a *nodeArena) list(ns []*yaml.Node) []*yaml.Node {
	if len(ns) == 0 {
		return nil
	}
	m := &a.mk
	for m.list < len(a.lists) && len(a.lists[m.list])-m.listUsed < len(ns) {
		m.list, m.listUsed = m.list+1, 0
	}
	if m.list == len(a.lists) {
		a.lists = append(a.lists, make([]*yaml.Node, max(arenaBlock, len(ns))))
	}
	b := a.lists[m.list][m.listUsed : m.listUsed+len(ns) : m.listUsed+len(ns)]
	m.listUsed += len(ns)
	copy(b, ns)
	return b
}

// str reads the string at the current offset (checkJSON has checked it);
// a key is interned.
func (r *jsonReader) str(key bool) string {
	s := &r.scan
	s.i++ // "
	start := s.i
	for {
		switch r.data[s.i] {
		case '"':
			s.i++
			b := r.data[start : s.i-1]
			if !key && len(b) > jsonMaxShort {
				return string(b)
			}
			if k, ok := r.keys[string(b)]; ok {
				return k
			}
			k := string(b)
			if len(r.keys) < jsonMaxKeys {
				r.keys[k] = k
			}
			return k
		case '\\':
			return r.unescape(start)
		}
		s.i++
	}
}

// hex4 is the value of four hex digits (checkJSON has checked them).
func hex4(h []byte) rune {
	var v rune
	for _, c := range h[:4] {
		switch {
		case c >= 'a':
			c -= 'a' - 10
		case c >= 'A':
			c -= 'A' - 10
		default:
			c -= '0'
		}
		v = v<<4 | rune(c)
	}
	return v
}

// jsonReader interns keys and short values (times, dates, rooms, tags):
// a schedule repeats them in every session. The first jsonMaxKeys
// distinct ones are kept, so that a document of made-up names does not
// grow the map without end.
const (
	jsonMaxKeys  = 4096
	jsonMaxShort = 24
)

// unescape reads the rest of a string with escapes that starts at start.
func (r *jsonReader) unescape(start int) string {
	s := &r.scan
	b := append(r.buf[:0], r.data[start:s.i]...)
	for {
		c := r.data[s.i]
		switch c {
		case '"':
			s.i++
			r.buf = b
			return string(b)
		case '\\':
			e := r.data[s.i+1]
			s.i += 2
			switch e {
			case 'b':
				b = append(b, '\b')
			case 'f':
				b = append(b, '\f')
			case 'n':
				b = append(b, '\n')
			case 'r':
				b = append(b, '\r')
			case 't':
				b = append(b, '\t')
			case 'u':
				b = utf8.AppendRune(b, hex4(r.data[s.i:s.i+4]))
				s.i += 4
			default: // " \ /
				b = append(b, e)
			}
		default:
			b = append(b, c)
			s.i++
		}
	}
}

// jsonChecked is what checkJSON found: how many nodes (keys and values)
// the document has, and the lazy lists that are not empty (the tracks
// list and the tracks' sessions lists), in document order.
type jsonChecked struct {
	count int
	lists []jsonList
}

// jsonList is a lazy list: where its first item starts and where it ends
// (after the ]). sessions tells a sessions list from the tracks list.
type jsonList struct {
	start, end jsonScan
	sessions   bool
}

// jsonMaxLists bounds the lists checkJSON records (a document of a million
// tiny tracks would otherwise have a list as large as itself); the reader
// reads those beyond it as it did before it had them.
var jsonMaxLists = 1 << 16 // a variable for TestJSONReadAhead

// checkJSON reports whether data is JSON that the YAML parser reads as
// loadJSON does (see the top of this file), and what the reader needs to
// know of it.
func checkJSON(data []byte) (jsonChecked, bool) {
	c := jsonChecker{data: data, line: 1}
	c.ws()
	if c.i == len(data) || data[c.i] != '{' && data[c.i] != '[' {
		return jsonChecked{}, false
	}
	if !c.value(0, jsonRoot) {
		return jsonChecked{}, false
	}
	c.ws()
	return c.out, c.ok && c.i == len(data)
}

type jsonChecker struct {
	data            []byte
	i               int
	line, lineStart int
	out             jsonChecked
	ok              bool // no lone CR in the white space
}

// scan is the reader's position at c.i.
func (c *jsonChecker) scan() jsonScan {
	return jsonScan{i: c.i, line: c.line, lineStart: c.lineStart, colAt: c.lineStart, col: 1}
}

func (c *jsonChecker) ws() {
	c.ok = true
	for c.i < len(c.data) {
		switch c.data[c.i] {
		case ' ', '\t':
		case '\n':
			c.line++
			c.lineStart = c.i + 1
		case '\r':
			if c.i+1 == len(c.data) || c.data[c.i+1] != '\n' {
				c.ok = false
				return
			}
		default:
			return
		}
		c.i++
	}
}

// value checks the value at c.i and the white space after it. level is
// the reader's (jsonRoot, jsonLazyTracks ...): the lists it reads lazily
// are recorded.
func (c *jsonChecker) value(depth, level int) bool {
	if depth > jsonMaxDepth || c.i >= len(c.data) {
		return false
	}
	c.out.count++
	switch c.data[c.i] {
	case '{':
		c.i++
		if c.ws(); !c.ok {
			return false
		}
		if c.i < len(c.data) && c.data[c.i] == '}' {
			c.i++
			break
		}
		for {
			key := c.i
			if c.i >= len(c.data) || c.data[c.i] != '"' || !c.str() {
				return false
			}
			c.out.count++
			name := c.data[key:c.i]
			for c.i < len(c.data) && (c.data[c.i] == ' ' || c.data[c.i] == '\t') {
				c.i++ // no line break between a key and its colon
			}
			if c.i >= len(c.data) || c.data[c.i] != ':' || c.i-key > jsonMaxKey {
				return false
			}
			c.i++
			if c.ws(); !c.ok {
				return false
			}
			vl := jsonAny // as the reader's value has it
			switch {
			case level == jsonRoot && string(name) == `"tracks"`:
				vl = jsonLazyTracks
			case level == jsonTrack && string(name) == `"sessions"`:
				vl = jsonLazySessions
			}
			if !c.value(depth+1, vl) {
				return false
			}
			if c.i >= len(c.data) {
				return false
			}
			if c.data[c.i] == '}' {
				c.i++
				break
			}
			if c.data[c.i] != ',' {
				return false
			}
			c.i++
			if c.ws(); !c.ok {
				return false
			}
		}
	case '[':
		c.i++
		if c.ws(); !c.ok {
			return false
		}
		if c.i < len(c.data) && c.data[c.i] == ']' {
			c.i++
			break
		}
		lazy := (level == jsonLazyTracks || level == jsonLazySessions) && len(c.out.lists) < jsonMaxLists
		at, item := len(c.out.lists), jsonAny
		if lazy {
			// Recorded before its items: the tracks list comes before
			// the sessions lists in it.
			c.out.lists = append(c.out.lists, jsonList{start: c.scan(), sessions: level == jsonLazySessions})
		}
		if level == jsonLazyTracks {
			item = jsonTrack
		}
		for {
			if !c.value(depth+1, item) {
				return false
			}
			if c.i >= len(c.data) {
				return false
			}
			if c.data[c.i] == ']' {
				c.i++
				if lazy {
					c.out.lists[at].end = c.scan()
				}
				break
			}
			if c.data[c.i] != ',' {
				return false
			}
			c.i++
			if c.ws(); !c.ok {
				return false
			}
		}
	case '"':
		if !c.str() {
			return false
		}
	case 't':
		if !c.word("true") {
			return false
		}
	case 'f':
		if !c.word("false") {
			return false
		}
	case 'n':
		if !c.word("null") {
			return false
		}
	default:
		if !c.number() {
			return false
		}
	}
	c.ws()
	return c.ok
}

func (c *jsonChecker) word(w string) bool {
	if !strings.HasPrefix(string(c.data[c.i:min(len(c.data), c.i+len(w))]), w) {
		return false
	}
	c.i += len(w)
	return c.delimited()
}

// delimited reports whether a literal ends at c.i: YAML reads a plain
// scalar up to white space or a flow indicator.
func (c *jsonChecker) delimited() bool {
	return c.i == len(c.data) || strings.IndexByte(" \t\r\n,]}", c.data[c.i]) >= 0
}

func (c *jsonChecker) digits() int {
	n := 0
	for c.i < len(c.data) && c.data[c.i] >= '0' && c.data[c.i] <= '9' {
		c.i++
		n++
	}
	return n
}

// number checks a number as RFC 8259 §6 writes it.
func (c *jsonChecker) number() bool {
	d := c.data
	if c.i < len(d) && d[c.i] == '-' {
		c.i++
	}
	if c.i < len(d) && d[c.i] == '0' {
		c.i++
	} else if c.digits() == 0 {
		return false
	}
	if c.i < len(d) && d[c.i] == '.' {
		c.i++
		if c.digits() == 0 {
			return false
		}
	}
	if c.i < len(d) && (d[c.i] == 'e' || d[c.i] == 'E') {
		c.i++
		if c.i < len(d) && (d[c.i] == '+' || d[c.i] == '-') {
			c.i++
		}
		if c.digits() == 0 {
			return false
		}
	}
	return c.delimited()
}

// str checks the string at c.i.
func (c *jsonChecker) str() bool {
	d := c.data
	c.i++
	for c.i < len(d) {
		b := d[c.i]
		switch {
		case b == '"':
			c.i++
			return true
		case b == '\\':
			if c.i+1 >= len(d) {
				return false
			}
			switch d[c.i+1] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
				c.i += 2
			case 'u':
				if c.i+6 > len(d) {
					return false
				}
				v, err := strconv.ParseUint(string(d[c.i+2:c.i+6]), 16, 32)
				if err != nil || v >= 0xD800 && v <= 0xDFFF {
					return false // YAML has no surrogate halves
				}
				c.i += 6
			default:
				return false
			}
		case b < 0x20 || b == 0x7F:
			return false
		case b < 0x80:
			c.i++
		default:
			r, n := utf8.DecodeRune(d[c.i:])
			if r == utf8.RuneError && n <= 1 || !yamlPrintable(r) {
				return false
			}
			c.i += n
		}
	}
	return false
}

// yamlPrintable reports whether YAML allows r in a document and does not
// read it as a line break (YAML 1.2 §5.1, §5.4).
func yamlPrintable(r rune) bool {
	switch {
	case r == 0x85, r == 0x2028, r == 0x2029, r == 0xFEFF:
		return false
	case r >= 0xA0 && r <= 0xD7FF, r >= 0xE000 && r <= 0xFFFD, r >= 0x10000 && r <= 0x10FFFF:
		return true
	}
	return false
}
