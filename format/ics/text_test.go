package ics

import (
	"testing"

	ical "github.com/arran4/golang-ical"
	"github.com/google/go-cmp/cmp"
)

func TestText(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"plain", "Hello", "Hello"},
		{"crlf and cr", "a\r\nb\rc\nd", "a\nb\nc\nd"},
		{"controls dropped", "a\x00b\x07c\x1bd\x7fe\u0085f\u009fg", "abcd" + "e\nf" + "g"},
		{"tab", "a\tb", "a b"},
		{"trailing spaces per line", "a  \nb \t\n c ", "a\nb\n c"},
		{"blank lines collapsed", "a\n\n\n\nb", "a\n\nb"},
		{"trimmed", "  \n a \n ", "a"},
		{"bom and separators", "\ufeffa\u2028b\u2029c", "a\nb\nc"},
		{"backslash n", `C:\new \N \x`, "C:\\\u2060new \\\u2060N \\x"},
		{"punctuation kept", `a,b;c:"d"\`, `a,b;c:"d"\`},
		{"percent escapes", "?u=C%3A1%2C%3B%5C %20 %3a", "?u=C%3a1%2c%3b%5c %20 %3a"},
		{"emoji", "🎉 👩‍💻", "🎉 👩‍💻"},
		{"empty", "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if diff := cmp.Diff(tc.want, Text(tc.in)); diff != "" {
				t.Errorf("Text(%q) (-want +got):\n%s", tc.in, diff)
			}
		})
	}
}

func TestUnescapeText(t *testing.T) {
	tests := []struct{ in, want string }{
		{`a\, b\; c\\ d\nE\NF`, "a, b; c\\ d\nE\nF"},
		{"x\r\r\\ny", "x\n\ny"},
		{"tab\there\x07", "tab\there"},
		{`unknown \q escape`, "unknown q escape"},
		{"trailing \\", "trailing \\"},
		// export ics writes U+2060 between a backslash and n (ics.Text).
		{"back\\\\\u2060n and \\\\\u2060N", "back\\n and \\N"},
		{"kept \\\\\u2060x \u2060n", "kept \\\u2060x \u2060n"},
	}
	for _, tt := range tests {
		if got := unescapeText(tt.in); got != tt.want {
			t.Errorf("unescapeText(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestGuardQuotes: a value node-ical would strip of the quotes around it
// ends with a word joiner, one more when it already ends with joiners, and
// the reader gives back exactly the value.
func TestGuardQuotes(t *testing.T) {
	const wj = "\u2060"
	tests := []struct{ in, want string }{
		{`"What can a mixnet do? …"`, `"What can a mixnet do? …"` + wj},
		{`"a"`, `"a"` + wj},
		{`""`, `""` + wj},
		{`"Two" quoted "words"`, `"Two" quoted "words"` + wj},
		{`"a"` + wj, `"a"` + wj + wj},
		{`"a"` + wj + wj, `"a"` + wj + wj + wj},
		{`"`, `"`},
		{`"` + wj, `"` + wj},
		{`"a`, `"a`},
		{`a "b"`, `a "b"`},
		{"\"a\"\n\"b\"", "\"a\"\n\"b\""}, // node-ical strips only one-line values
		{`"a, b; c\d"`, `"a, b; c\d"` + wj},
		{"", ""},
	}
	for _, tt := range tests {
		got := guardQuotes(tt.in)
		if got != tt.want {
			t.Errorf("guardQuotes(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if back := unescapeText(ical.ToText(got)); back != tt.in {
			t.Errorf("unescapeText(guardQuotes(%q)) = %q", tt.in, back)
		}
	}
}
