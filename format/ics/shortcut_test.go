package ics

import (
	"strings"
	"testing"
)

// The short cuts the feed writer takes before the general code, each
// checked against that code.

// absURLReference is absURL without its short cut for a text without a
// colon: url.Parse decides.
func absURLReference(u string) string { return parsedAbsURL(strings.TrimSpace(u)) }

// FuzzAbsURLSameAsReference: absURL, which gives up on a text without a
// colon before parsing it, answers as url.Parse does.
func FuzzAbsURLSameAsReference(f *testing.F) {
	for _, s := range []string{"", " ", "https://example.org/a", "example.org/a", "/talks/a", "#frag:x", "a#b:c",
		"mailto:x@y", ":", "a:", "1a:b", "%3A", "see the board", "http//x", "x?y:z", "\x00:", " https://x "} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := absURL(s), absURLReference(s); got != want {
			t.Errorf("absURL(%q) = %q, reference %q", s, got, want)
		}
	})
}

// FuzzPlainTextHintNeedsLess: PlainText leaves text without "<" alone
// without running htmlHint, which never matches such text.
func FuzzPlainTextHintNeedsLess(f *testing.F) {
	for _, s := range []string{"", "a > b", "p> br/> /p>", "</p>", "<br >", "**bold**"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !strings.Contains(s, "<") && htmlHint.MatchString(s) {
			t.Errorf("htmlHint matches %q, which has no <", s)
		}
	})
}
