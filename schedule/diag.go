package schedule

import (
	"bytes"
	"cmp"
	"encoding/json"
	"fmt"
	"github.com/schedkit/schedkit/internal/visible"
	"slices"
	"unicode/utf8"
)

// Pos is a position in a source file. Line and Column are 1-based; Column
// counts characters (runes), not bytes. A zero Line means the position is
// unknown (the whole file).
type Pos struct {
	File   string
	Line   int
	Column int
}

// String is FILE:LINE:COL, the file name quoted as Go quotes it when it
// holds a control character, a bidi control or a line separator (or a
// double quote), so that no file name can start a diagnostic line of its
// own (see visible.Name).
func (p Pos) String() string {
	file := visible.Name(p.File)
	switch {
	case p.Line == 0:
		return file
	case p.Column == 0:
		return fmt.Sprintf("%s:%d", file, p.Line)
	}
	return fmt.Sprintf("%s:%d:%d", file, p.Line, p.Column)
}

// OffsetPos returns the position of byte offset off in data, which is
// clamped to data: its line and its column in characters (runes; a byte
// that is not valid UTF-8 counts as one).
func OffsetPos(file string, data []byte, off int) Pos {
	off = min(max(off, 0), len(data))
	line := 1 + bytes.Count(data[:off], []byte("\n"))
	start := bytes.LastIndexByte(data[:off], '\n') + 1
	return Pos{File: file, Line: line, Column: 1 + utf8.RuneCount(data[start:off])}
}

// Severity of a diagnostic. The zero value is Error.
type Severity int

// Severities of diagnostics.
const (
	Error   Severity = iota // the schedule is wrong: validate and export fail
	Warning                 // worth a look; an error only with Severities.Strict
	Off                     // the rule is not reported
)

var severityNames = [...]string{Error: "error", Warning: "warning", Off: "off"}

func (s Severity) String() string {
	if int(s) < len(severityNames) {
		return severityNames[s]
	}
	return fmt.Sprintf("Severity(%d)", int(s))
}

// ParseSeverity parses "error", "warning" or "off".
func ParseSeverity(s string) (Severity, error) {
	for i, n := range severityNames {
		if n == s {
			return Severity(i), nil
		}
	}
	return 0, fmt.Errorf("severity %q is not one of error, warning, off", s)
}

func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// Diagnostic is one finding of a loader or of Validate: every reader and
// every rule reports through this one type.
type Diagnostic struct {
	Pos      Pos
	Severity Severity
	Rule     string
	Message  string
	// Related lists the other sessions involved, e.g. both sides of an overlap.
	Related []Related
	// Omitted is, for the closing finding of a rule whose findings
	// reached a bound (see Findings), how many were left out; 0 otherwise.
	Omitted int
}

// Related is a session a diagnostic refers to, and where it is.
type Related struct {
	Pos     Pos
	Session string // session id
}

// String is the text line of d: FILE:LINE:COL: SEVERITY: MESSAGE [RULE].
// Messages quote values with %q; whatever reached a message unquoted has
// its control characters, bidi controls and line separators escaped
// (visible.Escape), so a line printed is one line, shown as it is stored.
// MarshalJSON keeps the message exact.
func (d Diagnostic) String() string {
	return fmt.Sprintf("%s: %s: %s [%s]", d.Pos, d.Severity, visible.Escape(d.Message), d.Rule)
}

// -- output protocol: the README's "JSON diagnostics" shows it, and
// cmd/schedkit's TestREADMEJSONDiagnostics fails when the README's keys or
// their types differ from what MarshalJSON writes. --

type jsonRelated struct {
	File    string `json:"file"`
	Line    int    `json:"line"`
	Column  int    `json:"column"`
	Session string `json:"session"`
}

type jsonDiagnostic struct {
	File     string        `json:"file"`
	Line     int           `json:"line"`
	Column   int           `json:"column"`
	Severity string        `json:"severity"`
	Rule     string        `json:"rule"`
	Message  string        `json:"message"`
	Related  []jsonRelated `json:"related"`
}

// MarshalJSON writes d as the object the README documents: jsonDiagnostic,
// with the related sessions as jsonRelated.
func (d Diagnostic) MarshalJSON() ([]byte, error) {
	j := jsonDiagnostic{
		File: d.Pos.File, Line: d.Pos.Line, Column: d.Pos.Column,
		Severity: d.Severity.String(), Rule: d.Rule, Message: d.Message,
		Related: make([]jsonRelated, len(d.Related)),
	}
	for i, r := range d.Related {
		j.Related[i] = jsonRelated{File: r.Pos.File, Line: r.Pos.Line, Column: r.Pos.Column, Session: r.Session}
	}
	// Without HTML escaping: a file named <stdin> stays "<stdin>".
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(j); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), nil
}

// SortDiagnostics orders diagnostics by file, line, column, rule and message.
func SortDiagnostics(ds []Diagnostic) {
	slices.SortStableFunc(ds, func(a, b Diagnostic) int {
		return cmp.Or(
			cmp.Compare(a.Pos.File, b.Pos.File),
			cmp.Compare(a.Pos.Line, b.Pos.Line),
			cmp.Compare(a.Pos.Column, b.Pos.Column),
			cmp.Compare(a.Rule, b.Rule),
			cmp.Compare(a.Message, b.Message),
		)
	})
}

// Severities decides the reported severity of each rule: the rule table's
// default, then the schedule's rules.severity, then command-line overrides,
// then Strict, which turns every remaining warning into an error.
type Severities struct {
	Schedule map[string]Severity
	Override map[string]Severity
	Strict   bool
}

// Apply sets each diagnostic's severity, drops those turned off and sorts
// the rest.
func (sv Severities) Apply(ds []Diagnostic) []Diagnostic {
	out := ds[:0:0]
	for _, d := range ds {
		if s, ok := sv.Schedule[d.Rule]; ok {
			d.Severity = s
		}
		if s, ok := sv.Override[d.Rule]; ok {
			d.Severity = s
		}
		if d.Severity == Off {
			continue
		}
		if sv.Strict && d.Severity == Warning {
			d.Severity = Error
		}
		out = append(out, d)
	}
	SortDiagnostics(out)
	return out
}

// HasErrors reports whether any diagnostic is an error.
func HasErrors(ds []Diagnostic) bool {
	return slices.ContainsFunc(ds, func(d Diagnostic) bool { return d.Severity == Error })
}

// Count returns the number of errors and warnings in ds.
func Count(ds []Diagnostic) (errors, warnings int) {
	for _, d := range ds {
		switch d.Severity {
		case Error:
			errors++
		case Warning:
			warnings++
		}
	}
	return errors, warnings
}
