package ics

import (
	"bufio"
	"bytes"
	"fmt"
	"math"
	"runtime"
	"strconv"
	"sync"
	"sync/atomic"
	"time"
	"unicode/utf8"

	ical "github.com/arran4/golang-ical"
	"github.com/schedkit/schedkit/internal/uuid"
	"github.com/schedkit/schedkit/schedule"
)

// The feed writer: Encode writes the calendar's header with golang-ical
// and every VEVENT itself, byte for byte as golang-ical's SerializeTo(w,
// ical.WithNewLineWindows) writes the Calendar of the same sessions
// (TestEncodeSameAsGolangIcal), straight from the sessions into byte
// buffers: no Event, no intermediate strings. Events are rendered in
// chunks, on every core for a large feed, and written in order, so the
// bytes do not depend on the number of cores.

// chunkEvents is the number of events rendered as one piece of work
// (about 600 KB of a feed with abstracts of 400 characters); a variable
// for tests.
var chunkEvents = 512

// parallelEvents is the number of events from which Encode renders on
// more than one goroutine: below it, starting goroutines costs more than
// it saves.
var parallelEvents = 4 * chunkEvents

// header returns the calendar's properties and components, as golang-ical
// writes them, without its END:VCALENDAR.
func header(cal *ical.Calendar) ([]byte, error) {
	var b bytes.Buffer
	if err := cal.SerializeTo(&b, ical.WithNewLineWindows); err != nil {
		return nil, fmt.Errorf("ics: %w", err)
	}
	head, ok := bytes.CutSuffix(b.Bytes(), []byte("END:VCALENDAR\r\n"))
	if !ok {
		return nil, fmt.Errorf("ics: the calendar does not end with END:VCALENDAR")
	}
	return head, nil
}

// writeEvents writes the VEVENTs of f's sessions to w, in order: in chunks
// of chunkEvents on up to workers goroutines when there are at least
// parallelEvents of them, else on the calling one.
func (f *feed) writeEvents(w *bufio.Writer, workers int) error {
	ss := f.sessions
	if workers < 2 || len(ss) < parallelEvents {
		r := f.renderer()
		for len(ss) > 0 {
			n := min(len(ss), chunkEvents)
			r.out = r.out[:0]
			for _, x := range ss[:n] {
				r.event(x)
			}
			if _, err := w.Write(r.out); err != nil {
				return err
			}
			ss = ss[n:]
		}
		return nil
	}
	return f.writeParallel(w, workers)
}

// writeParallel is writeEvents on workers goroutines. Each claims the next
// chunk and renders it into a buffer taken from free, which holds
// 2×workers buffers: a worker waits for one there, and the writer puts
// each back once it wrote its chunk, so at most that many chunks are
// rendered ahead of the writer and memory stays bounded. On a write error
// the writer closes quit and waits for the workers, which stop at their
// next chunk: none is left behind, blocked or running.
func (f *feed) writeParallel(w *bufio.Writer, workers int) error {
	ss := f.sessions
	chunks := (len(ss) + chunkEvents - 1) / chunkEvents
	done := make([]chan []byte, chunks) // chunk i's bytes; buffered, so a worker never waits
	for i := range done {
		done[i] = make(chan []byte, 1)
	}
	free := make(chan []byte, 2*workers)
	for range cap(free) {
		free <- nil
	}
	quit := make(chan struct{})
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r := f.renderer()
			for {
				select {
				case r.out = <-free:
				case <-quit:
					return
				}
				i := int(next.Add(1) - 1)
				if i >= chunks {
					return
				}
				r.out = r.out[:0]
				for _, x := range ss[i*chunkEvents : min(len(ss), (i+1)*chunkEvents)] {
					r.event(x)
				}
				done[i] <- r.out
			}
		}()
	}
	var err error
	for _, d := range done {
		b := <-d
		if _, err = w.Write(b); err != nil {
			break
		}
		free <- b // a place freed by the <-d above
	}
	close(quit)
	wg.Wait()
	return err
}

// renderer renders VEVENTs into out; each goroutine has its own, which
// keeps its scratch buffers from event to event.
type renderer struct {
	f    *feed
	out  []byte
	val  []byte // a cleaned value before it is escaped
	line []byte // a content line being folded
	uid  []byte // UUID name space and name
	cats []byte // an event's categories, cleaned
	ends []int  // where each category ends in cats
	// stamp is stampOf formatted as DTSTAMP's value.
	stampOf time.Time
	stamp   []byte
	// No instant from clearFrom to before clearTo (Unix seconds) is
	// ambiguous in the feed's location; the zero values hold none.
	clearFrom, clearTo int64
}

func (f *feed) renderer() *renderer {
	return &renderer{f: f}
}

// event appends the VEVENT of session x: what addEvent adds for
// eventOf(x) (TestEncodeSameAsGolangIcal), with the properties in its
// order.
func (r *renderer) event(x *schedule.Session) {
	f := r.f
	rev, ok := f.revisions[x]
	r.out = append(r.out, "BEGIN:VEVENT\r\n"...)
	if ok {
		r.text("UID", rev.UID)
	} else {
		rev.Modified = f.stamp
		r.val = r.appendSessionUID(r.val[:0], x)
		r.textBytes("UID", r.val)
	}
	if r.stamp == nil || !rev.Modified.Equal(r.stampOf) {
		r.stampOf = rev.Modified
		r.stamp = rev.Modified.UTC().AppendFormat(r.stamp[:0], "20060102T150405Z")
	}
	r.raw("DTSTAMP", r.stamp)
	r.raw("LAST-MODIFIED", r.stamp)
	l := r.begin("SEQUENCE")
	r.out = strconv.AppendInt(r.out, int64(rev.Sequence), 10)
	r.end(l)
	r.time("DTSTART", x.Start)
	if x.End.After(x.Start) { // else (only with --force) a zero-length event: DTEND must be later
		r.time("DTEND", x.End)
	}

	r.val = appendClean(r.val[:0], x.Title, false)
	if len(r.val) == 0 {
		r.val = appendClean(r.val, x.ID, false)
	}
	if len(r.val) == 0 {
		r.val = append(r.val, "(untitled)"...)
	}
	r.textBytes("SUMMARY", guardQuotesBytes(r.val))
	if r.val = guardQuotesBytes(appendClean(r.val[:0], x.Room, false)); len(r.val) > 0 {
		r.textBytes("LOCATION", r.val)
	}
	u := uriValue(x.URL)
	if r.val = guardQuotesBytes(appendDescription(r.val[:0], x, x.Text(), u)); len(r.val) > 0 {
		r.textBytes("DESCRIPTION", r.val)
	}
	if u != "" {
		l := r.begin("URL")
		r.out = append(r.out, u...)
		r.end(l)
	}
	r.text("STATUS", string(status(x.Status)))
	if x.IsBreak() {
		r.text("TRANSP", string(ical.TransparencyTransparent))
	}
	r.out = append(r.out, f.organizer...)
	r.categories(x)
	r.out = append(r.out, "END:VEVENT\r\n"...)
}

// appendSessionUID appends sessionUID(f.s, x, f.repeat[x]).
func (r *renderer) appendSessionUID(b []byte, x *schedule.Session) []byte {
	n := r.f.repeat[x]
	if n == 0 && x.UID != "" {
		return append(b, x.UID...) // read from a feed
	}
	// UID(conference, id), or UID(conference, id+"\x00"+n+1) for a repeat
	r.uid = append(append(append(append(r.uid[:0], uidSpace[:]...), r.f.s.Conference.ID...), 0), x.ID...)
	if n > 0 {
		r.uid = strconv.AppendInt(append(r.uid, 0), int64(n+1), 10)
	}
	return append(uuid.AppendFormat(b, uuid.V5Of(r.uid)), "@schedkit"...)
}

// time appends DTSTART or DTEND as setTime sets it.
func (r *renderer) time(name string, t time.Time) {
	f := r.f
	t = t.In(f.loc)
	if f.local && !r.ambiguous(t) {
		l := len(r.out)
		r.out = append(append(r.out, name...), f.tzid...)
		r.out = appendDateTime(r.out, t)
		r.end(l)
		return
	}
	l := r.begin(name)
	r.out = append(appendDateTime(r.out, t.UTC()), 'Z')
	r.end(l)
}

// ambiguous is schedule.Ambiguous(t) for t in the feed's location. That
// resolves the wall clock of t and looks for another reading a day
// either side, which took a fifth of the time of an event; but a wall
// clock can occur twice only near a change of the UTC offset, and the
// sessions of a schedule mostly lie far from one. So when the offset of
// t holds from more than a day before it to more than a day after it
// (time.Time.ZoneBounds), t is not ambiguous, and neither is any instant
// in that stretch, which r remembers (TestAmbiguousSameAsSchedule).
func (r *renderer) ambiguous(t time.Time) bool {
	u := t.Unix()
	if r.clearFrom <= u && u < r.clearTo {
		return false
	}
	// Ambiguous looks at the wall clock to the minute, a day either side
	// of it: a margin of 25 hours covers both.
	const margin = 25 * 60 * 60
	from, to := int64(math.MinInt64), int64(math.MaxInt64)
	start, end := t.ZoneBounds()
	if !start.IsZero() {
		from = start.Unix() + margin
	}
	if !end.IsZero() {
		to = end.Unix() - margin
	}
	if from <= u && u < to {
		r.clearFrom, r.clearTo = from, to
		return false
	}
	return schedule.Ambiguous(t)
}

// appendDateTime appends t as a DATE-TIME without the zone,
// t.AppendFormat(b, "20060102T150405") without reading the layout.
func appendDateTime(b []byte, t time.Time) []byte {
	y, mo, d := t.Date()
	if y < 0 || y > 9999 {
		return t.AppendFormat(b, "20060102T150405")
	}
	h, mi, s := t.Clock()
	return append(b,
		byte('0'+y/1000), byte('0'+y/100%10), byte('0'+y/10%10), byte('0'+y%10),
		byte('0'+mo/10), byte('0'+mo%10), byte('0'+d/10), byte('0'+d%10), 'T',
		byte('0'+h/10), byte('0'+h%10), byte('0'+mi/10), byte('0'+mi%10), byte('0'+s/10), byte('0'+s%10))
}

// categories appends the CATEGORIES line of x, as addEvent adds it for
// categories(x).
func (r *renderer) categories(x *schedule.Session) {
	r.cats, r.ends = r.cats[:0], r.ends[:0]
	add := func(c string) {
		start := 0
		if n := len(r.ends); n > 0 {
			start = r.ends[n-1]
		}
		r.cats = appendClean(r.cats, c, true)
		v := r.cats[start:]
		if len(v) == 0 {
			return
		}
		prev := 0
		for _, e := range r.ends {
			if bytes.Equal(r.cats[prev:e], v) {
				r.cats = r.cats[:start]
				return
			}
			prev = e
		}
		r.ends = append(r.ends, len(r.cats))
	}
	if !schedule.IsNoTrack(x.Track) {
		add(x.TrackName())
	}
	for _, t := range x.Tags {
		add(t)
	}
	if len(r.ends) == 0 {
		return
	}
	l := r.begin("CATEGORIES")
	prev := 0
	for i, e := range r.ends {
		if i > 0 {
			r.out = append(r.out, ',')
		}
		c := r.cats[prev:e]
		r.out = appendText(r.out, c)
		if wrappedInQuotesBytes(c) {
			r.out = append(r.out, wordJoiner...) // guardQuotes
		}
		prev = e
	}
	r.end(l)
}

// begin starts a content line: its name and the colon. It returns where
// the line starts, for end.
func (r *renderer) begin(name string) int {
	l := len(r.out)
	r.out = append(append(r.out, name...), ':')
	return l
}

// end ends the content line that starts at l, folding it when it is
// longer than maxLine.
func (r *renderer) end(l int) {
	if len(r.out)-l <= maxLine {
		r.out = append(r.out, '\r', '\n')
		return
	}
	r.line = append(r.line[:0], r.out[l:]...)
	r.out = appendFolded(r.out[:l], r.line)
}

// raw writes a content line whose value needs no escape.
func (r *renderer) raw(name string, value []byte) {
	l := r.begin(name)
	r.out = append(r.out, value...)
	r.end(l)
}

// text writes a content line with a TEXT value (RFC 5545 §3.3.11),
// escaped as golang-ical escapes it.
func (r *renderer) text(name, value string) {
	l := r.begin(name)
	r.out = appendText(r.out, value)
	r.end(l)
}

// textBytes is text of a value being written. A value that may need
// folding is escaped into r.line and folded from there into r.out, which
// end would first copy back out of r.out.
func (r *renderer) textBytes(name string, value []byte) {
	if len(name)+1+2*len(value) <= maxLine { // short even with every byte escaped
		r.begin(name)
		r.out = append(appendText(r.out, value), '\r', '\n')
		return
	}
	r.line = appendText(append(append(r.line[:0], name...), ':'), value)
	r.out = appendFolded(r.out, r.line)
}

// propValue returns the content line name;param=pv:value (the parameter
// left out when pv is ""), value not escaped, unfolded: as golang-ical's
// BaseProperty.SerializeTo writes it before folding.
func propValue(name, param, pv, value string) []byte {
	l := append([]byte(nil), name...)
	if param != "" && pv != "" {
		l = append(l, ';')
		l = append(l, param...)
		l = append(l, '=')
		l = appendParam(l, pv)
	}
	return append(append(l, ':'), value...)
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

// textEscape marks the bytes appendText escapes.
var textEscape = [256]bool{'\\': true, ';': true, ',': true, '\n': true}

// appendText appends v as a TEXT value: \ ; , and newline escaped. Runs
// of bytes that need no escape are appended whole.
func appendText[T string | []byte](b []byte, v T) []byte {
	for {
		i := 0
		for i < len(v) && !textEscape[v[i]] {
			i++
		}
		b = append(b, v[:i]...)
		if i == len(v) {
			return b
		}
		if c := v[i]; c == '\n' {
			b = append(b, '\\', 'n')
		} else {
			b = append(b, '\\', c)
		}
		v = v[i+1:]
	}
}

// maxLine is golang-ical's line length in octets, CRLF not counted.
const maxLine = 75

// appendFolded appends the content line r folded as golang-ical folds it:
// lines of at most 75 octets, continuation lines starting with a space and
// holding at most 74, each broken before the last space or < (or after a
// >) that fits when there is one, else after the last whole character that
// fits; each line ends with CRLF.
func appendFolded(b, r []byte) []byte {
	if len(r) > maxLine {
		n := foldAt(maxLine, r)
		b = append(append(b, r[:n]...), '\r', '\n')
		r = r[n:]
		for len(r) > maxLine-1 {
			n := foldAt(maxLine-1, r)
			b = append(append(append(b, ' '), r[:n]...), '\r', '\n')
			r = r[n:]
		}
		b = append(b, ' ')
	}
	return append(append(b, r...), '\r', '\n')
}

// foldAt returns how many bytes of s go on a line of at most max octets,
// as golang-ical's trimUT8StringUpTo decides.
func foldAt(max int, s []byte) int {
	if n := foldAtUTF8(max, s); n >= 0 {
		return n
	}
	return foldAtRunes(max, s)
}

// foldAtRunes is foldAt, character by character: the specification
// foldAtUTF8 is checked against (FuzzFoldAtSameAsRunes), and what foldAt
// does when the bytes are not valid UTF-8 (an invalid byte counts as the
// three octets of U+FFFD, as golang-ical counts it).
func foldAtRunes(max int, s []byte) int {
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

// foldAtUTF8 is foldAt when len(s) > max and the characters that start at
// s[0] to s[max] are valid UTF-8, as cleaned text always is, and -1 when
// they are not. Then a character's octets are its bytes, so foldAtRunes
// looks at the characters that start at index 0 to max and, without a
// boundary among them, keeps the bytes up to the last start at or before
// max. A boundary is a byte, not a character, test: a continuation byte
// is neither ' ' nor '<' and never follows a '>', so the test is false
// on it, and the boundaries are found scanning back over bytes.
func foldAtUTF8(max int, s []byte) int {
	if len(s) <= max {
		return -1
	}
	// The end of the character that starts at or before s[max].
	p := max
	for p > 0 && !utf8.RuneStart(s[p]) {
		p--
	}
	e := p + 1
	switch c := s[p]; {
	case c >= 0xf0:
		e = p + 4
	case c >= 0xe0:
		e = p + 3
	case c >= 0xc0:
		e = p + 2
	}
	// e <= max: s[max] is a stray continuation byte, a character of its
	// own to foldAtRunes.
	if e <= max || e > len(s) || !utf8.Valid(s[:e]) {
		return -1
	}
	for i := max; i > 0; i-- {
		if c := s[i]; c == ' ' || c == '<' || s[i-1] == '>' {
			return i
		}
	}
	return p
}

// defaultWorkers is the number of goroutines Encode renders on.
func defaultWorkers() int { return runtime.GOMAXPROCS(0) }
