package schedule

import (
	"fmt"
	"strconv"
	"unicode/utf8"
)

// The bounds on findings. A hostile or broken file (an alias bomb, a
// hundred thousand sessions at one time in one room) would otherwise give
// millions of findings: 400,000 simultaneous sessions ran out of memory
// holding 43 findings each. Past a bound the findings are counted, not
// kept, and one closing finding per rule says how many were left out, as
// MaxOverlapsListed does for the overlaps of one session.
const (
	// MaxFindingsPerRule bounds the findings of one rule listed for one file.
	MaxFindingsPerRule = 1000
	// MaxFindings bounds the findings listed for one file, all rules together.
	MaxFindings = 5000
)

// Findings collects diagnostics up to the bounds above. The zero value is
// ready to use.
type Findings struct {
	list   []Diagnostic
	byRule map[string]int      // findings listed per rule
	left   map[string]*leftOut // findings left out per rule
	order  []string            // rules with findings left out, in order of the first
}

type leftOut struct {
	n     int
	at    Pos // where the first finding left out is
	after int // the findings listed before it: see replay
}

// Room reports whether a finding of rule can still be listed. When it
// cannot, the finding (at pos) is counted as left out: a caller that
// builds findings costly checks Room first and calls Add only when it is
// true, so a finding left out costs no formatting.
func (f *Findings) Room(rule string, pos Pos) bool {
	if f.open(rule) {
		return true
	}
	f.leave(rule, pos, 1)
	return false
}

// open reports whether a finding of rule can still be listed, counting
// nothing: a sweep that finds it false only counts what it finds from then
// on, and need not look for more than changes the count.
func (f *Findings) open(rule string) bool {
	return f.byRule[rule] < MaxFindingsPerRule && len(f.list) < MaxFindings
}

func (f *Findings) leave(rule string, pos Pos, n int) {
	if f.left == nil {
		f.left = map[string]*leftOut{}
	}
	l, ok := f.left[rule]
	if !ok {
		l = &leftOut{at: pos, after: len(f.list)}
		f.left[rule] = l
		f.order = append(f.order, rule)
	}
	l.n += n
}

// Add lists d, or counts it as left out when a bound is reached. A closing
// finding (Omitted > 0) adds its count to the findings left out.
func (f *Findings) Add(d Diagnostic) {
	if d.Omitted > 0 {
		f.leave(d.Rule, d.Pos, d.Omitted)
		return
	}
	if !f.Room(d.Rule, d.Pos) {
		return
	}
	d.Message = clipMessage(d.Message)
	f.keep(d)
}

// keep lists d, which has room.
func (f *Findings) keep(d Diagnostic) {
	if f.byRule == nil {
		f.byRule = map[string]int{}
	}
	f.byRule[d.Rule]++
	f.list = append(f.list, d)
}

// replay adds to f what g collected, as if the calls that filled g had
// been made on f instead, after those that filled f. Validate runs its
// rule families at the same time, each with a Findings of its own, and
// replays them in turn into the first (see validate).
//
// That is exact when what g was called with depends on g's answers only
// in what is formatted, not in what is counted (Room and open only spare
// the formatting of a finding left out), and when g had no room only
// where f would have had none: then a bound g reached f has reached too,
// as f's counts at each call are g's plus those before, until f is full.
// So a finding g listed is listed in f, or left out of f at its position
// and counted one; a finding g left out is left out of f, and what
// matters of it beyond the count is only whether it is the first of its
// rule left out: that is where the rule's closing finding points, and the
// closing findings come in the order of their rules' first. g keeps, for
// each rule, its first left out (leftOut.at), the findings listed before
// it (leftOut.after) and the count, which is what replay replays. The
// messages of g's findings are clipped already.
func (f *Findings) replay(g *Findings) {
	i := 0
	relist := func(to int) {
		for ; i < to; i++ {
			if d := g.list[i]; f.Room(d.Rule, d.Pos) {
				f.keep(d)
			}
		}
	}
	for _, rule := range g.order {
		l := g.left[rule]
		relist(l.after)
		f.leave(rule, l.at, l.n)
	}
	relist(len(g.list))
}

// Len is the number of findings listed so far.
func (f *Findings) Len() int { return len(f.list) }

// Diagnostics returns the findings listed and, for each rule with findings
// left out, one closing finding of that rule that counts them (so an error
// left out still makes the run fail, and --rule applies to it).
func (f *Findings) Diagnostics() []Diagnostic {
	out := f.list
	for _, rule := range f.order {
		l := f.left[rule]
		findings := "findings"
		if l.n == 1 {
			findings = "finding"
		}
		d := Diag(rule, l.at, "%d more %s %s from here on, not listed (at most %d are listed per rule and %d in all)",
			l.n, rule, findings, MaxFindingsPerRule, MaxFindings)
		d.Omitted = l.n
		out = append(out, d)
	}
	return out
}

// Limit bounds ds as Findings does, in their order: sort them first to
// keep the earliest. It returns ds itself when nothing is left out.
func Limit(ds []Diagnostic) []Diagnostic {
	if len(ds) <= MaxFindingsPerRule {
		closing := false
		for _, d := range ds {
			closing = closing || d.Omitted > 0
		}
		if !closing {
			return ds
		}
	}
	var f Findings
	for _, d := range ds {
		f.Add(d)
	}
	return f.Diagnostics()
}

// maxQuoted bounds the characters of a value shown in a finding. A title
// of 30,000 characters, given to 500 sessions by one alias, made a 58 KB
// file print 118 MB of findings, each naming two sessions.
const maxQuoted = 120

// quote is a value as findings show it: quoted and escaped as %q does,
// and when longer than maxQuoted characters, its first maxQuoted and an
// ellipsis after the closing quote, with the length, so that no one reads
// the start for the whole: "AAAA"… (30000 bytes).
func quote(s string) string {
	if cut := clipAt(s); cut < len(s) {
		return fmt.Sprintf("%s… (%d bytes)", strconv.Quote(s[:cut]), len(s))
	}
	return strconv.Quote(s)
}

// appendQuote appends quote(s) to b.
func appendQuote(b []byte, s string) []byte {
	if cut := clipAt(s); cut < len(s) {
		b = strconv.AppendQuote(b, s[:cut])
		b = append(b, "… ("...)
		b = strconv.AppendInt(b, int64(len(s)), 10)
		return append(b, " bytes)"...)
	}
	return strconv.AppendQuote(b, s)
}

// clip is an unquoted value (an id) as findings show it: its first
// maxQuoted characters and an ellipsis when longer.
func clip(s string) string {
	if cut := clipAt(s); cut < len(s) {
		return s[:cut] + "…"
	}
	return s
}

// clipAt is the byte offset of s after maxQuoted characters, or len(s).
func clipAt(s string) int {
	if len(s) <= maxQuoted {
		return len(s)
	}
	n := 0
	for i := range s {
		if n == maxQuoted {
			return i
		}
		n++
	}
	return len(s)
}

// maxMessage bounds the message of a finding kept, whatever quoted it: a
// backstop for values that reach a message unshortened. 500 sessions given
// a type of 30,000 characters by one alias printed 30 MB of bad-value
// findings, 124 MB at the peak.
const maxMessage = 2000

// clipMessage is msg, or its first maxMessage bytes (cut between
// characters) and a note of its length.
func clipMessage(msg string) string {
	if len(msg) <= maxMessage {
		return msg
	}
	cut := maxMessage
	for cut > 0 && !utf8.RuneStart(msg[cut]) {
		cut--
	}
	return fmt.Sprintf("%s… (a message of %d bytes, shortened)", msg[:cut], len(msg))
}
