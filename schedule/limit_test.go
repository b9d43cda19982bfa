package schedule

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestQuote: values in findings are quoted and escaped as %q does; one
// longer than maxQuoted characters shows its start, an ellipsis after the
// closing quote and its length, cut between characters, never inside one.
func TestQuote(t *testing.T) {
	long := strings.Repeat("A", 30000)
	wide := strings.Repeat("é", maxQuoted+1) // two bytes each
	tests := []struct{ in, quote, clip string }{
		{"", `""`, ""},
		{"Hall\x1b[2K", `"Hall\x1b[2K"`, "Hall\x1b[2K"},
		{strings.Repeat("A", maxQuoted), `"` + strings.Repeat("A", maxQuoted) + `"`, strings.Repeat("A", maxQuoted)},
		{long, `"` + long[:maxQuoted] + `"… (30000 bytes)`, long[:maxQuoted] + "…"},
		{wide, `"` + wide[:2*maxQuoted] + `"… (242 bytes)`, wide[:2*maxQuoted] + "…"},
	}
	for _, tt := range tests {
		got := [2]string{quote(tt.in), clip(tt.in)}
		if diff := cmp.Diff([2]string{tt.quote, tt.clip}, got); diff != "" {
			t.Errorf("%.40q (-want +got):\n%s", tt.in, diff)
		}
	}
	s := &Session{ID: long, Title: long}
	if got, want := Who(s), `session "`+long[:maxQuoted]+`"… (30000 bytes) (`+long[:maxQuoted]+"…)"; got != want {
		t.Errorf("Who = %.300s, want %.300s", got, want)
	}
}

// TestFindingsClipMessage: a message longer than maxMessage is kept
// shortened, cut between characters, with its length.
func TestFindingsClipMessage(t *testing.T) {
	long := strings.Repeat("é", maxMessage) // 2 bytes each
	var f Findings
	f.Add(Diag(RuleBadValue, Pos{File: "f", Line: 1, Column: 1}, "type %s", long))
	f.Add(Diag(RuleBadValue, Pos{File: "f", Line: 2, Column: 1}, "short"))
	got := []string{}
	for _, d := range f.Diagnostics() {
		got = append(got, d.Message)
	}
	want := []string{"type " + long[:maxMessage-6] + "… (a message of 4005 bytes, shortened)", "short"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}
