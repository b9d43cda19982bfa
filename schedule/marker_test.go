package schedule

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"
)

// Marker runes in test inputs, in the manner of encoding/csv's tests: they
// are removed from the input, and their line and column (in characters) are
// the positions the test expects, so no column is counted by hand.
const (
	diagMark    = '∑' // where a diagnostic is expected, in the order they sort
	sessionMark = '§' // where a session starts (its first key), in file order
)

// marked is a test input with its markers removed.
type marked struct {
	src      []byte
	diags    []Pos // positions of ∑
	sessions []Pos // positions of §
}

// parseMarked removes the markers from s and records their positions. Bytes
// that are not valid UTF-8 are copied as they are and count as one column,
// as the loader counts them.
func parseMarked(file, s string) marked {
	var m marked
	line, col := 1, 1
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch r {
		case diagMark:
			m.diags = append(m.diags, Pos{File: file, Line: line, Column: col})
		case sessionMark:
			m.sessions = append(m.sessions, Pos{File: file, Line: line, Column: col})
		default:
			m.src = append(m.src, s[i:i+n]...)
			col++
			if r == '\n' {
				line, col = line+1, 1
			}
		}
		i += n
	}
	return m
}

func TestParseMarked(t *testing.T) {
	m := parseMarked("f", "a: ∑b\n§  c: ÄÖ∑d\n\xff∑")
	if got, want := string(m.src), "a: b\n  c: ÄÖd\n\xff"; got != want {
		t.Errorf("src = %q, want %q", got, want)
	}
	want := []Pos{{"f", 1, 4}, {"f", 2, 8}, {"f", 3, 2}}
	if fmt.Sprint(m.diags) != fmt.Sprint(want) {
		t.Errorf("diags = %v, want %v", m.diags, want)
	}
	if fmt.Sprint(m.sessions) != fmt.Sprint([]Pos{{"f", 2, 1}}) {
		t.Errorf("sessions = %v", m.sessions)
	}
}

// finding is the part of a Diagnostic the table tests compare.
type finding struct {
	Pos      Pos
	Rule     string
	Severity Severity
	Related  []Related
}

// wantFindings pairs the ∑ positions with the expected rule ids. A rule id
// written "id:warning" expects that severity; the rule's default otherwise.
func wantFindings(t *testing.T, m marked, rules []string) []finding {
	t.Helper()
	if len(rules) != len(m.diags) {
		t.Fatalf("test case has %d ∑ markers but %d rules", len(m.diags), len(rules))
	}
	out := make([]finding, len(rules))
	for i, r := range rules {
		id, sev, hasSev := strings.Cut(r, ":")
		rule, ok := LookupRule(id)
		if !ok {
			t.Fatalf("test case names unknown rule %q", id)
		}
		out[i] = finding{Pos: m.diags[i], Rule: id, Severity: rule.Default}
		if hasSev {
			s, err := ParseSeverity(sev)
			if err != nil {
				t.Fatal(err)
			}
			out[i].Severity = s
		}
	}
	return out
}

func findings(ds []Diagnostic, withRelated bool) []finding {
	out := make([]finding, len(ds))
	for i, d := range ds {
		out[i] = finding{Pos: d.Pos, Rule: d.Rule, Severity: d.Severity}
		if withRelated {
			out[i].Related = d.Related
		}
	}
	return out
}

// checkDiagnostic checks what every diagnostic must satisfy whatever the
// input: a rule of the table, a position in the file, a message.
func checkDiagnostic(t *testing.T, file string, d Diagnostic) {
	t.Helper()
	if _, ok := LookupRule(d.Rule); !ok {
		t.Errorf("%v: rule %q is not in the rule table", d, d.Rule)
	}
	if d.Pos.File != file || d.Pos.Line < 1 || d.Pos.Column < 1 {
		t.Errorf("%v: position %+v is not a line and column in %s", d, d.Pos, file)
	}
	if strings.TrimSpace(d.Message) == "" {
		t.Errorf("%v: empty message", d)
	}
	for _, r := range d.Related {
		if r.Pos.File != file || r.Pos.Line < 1 || r.Pos.Column < 1 || r.Session == "" {
			t.Errorf("%v: related %+v has no position or session", d, r)
		}
	}
}
