package ics

import (
	"strings"
	"testing"
	"unicode"

	"github.com/google/go-cmp/cmp"
)

func TestPlainText(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"not html", "a < b and c > d", "a < b and c > d"},
		{"markdown kept", "**bold** and [link](https://x.org)", "**bold** and [link](https://x.org)"},
		{"paragraphs", "<p>One\n  two</p>\n<p>Three &amp; four</p>", "\n\nOne two\n\n\n\nThree & four\n\n"},
		{"link url kept", `<p>See <a href="https://x.org/a?b=1&amp;c=2">the page</a>.</p>`, "\n\nSee the page (https://x.org/a?b=1&c=2).\n\n"},
		{"link text is the url", `<p><a href="https://x.org">https://x.org</a></p>`, "\n\nhttps://x.org\n\n"},
		{"relative and script links dropped", `<p><a href="/local">here</a> <a href="javascript:alert(1)">x</a></p>`, "\n\nhere x\n\n"},
		{"list", "<ul><li>a</li><li>b</li></ul>", "\n\n\n- a\n- b\n\n"},
		{"br and entities", "x<br>y<br/>z &lt;tag&gt; &#x1F389;", "x\ny\nz <tag> 🎉"},
		{"comment", "<p>a<!-- <b>hidden</b> -->b</p>", "\n\nab\n\n"},
		{"unclosed tag", "<p>a <b", "\n\na <b"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if diff := cmp.Diff(tc.want, PlainText(tc.in)); diff != "" {
				t.Errorf("PlainText(%q) (-want +got):\n%s", tc.in, diff)
			}
		})
	}
	// Through Text, as Description uses it, blank lines collapse.
	if got, want := Text(PlainText("<p>One</p><p>Two</p>")), "One\n\nTwo"; got != want {
		t.Errorf("Text(PlainText) = %q, want %q", got, want)
	}
}

// FuzzPlainText: no panic, and what Text makes of the result is clean
// TEXT: no control character but LF, no CR, and cleaning it again changes
// nothing.
func FuzzPlainText(f *testing.F) {
	for _, s := range []string{"<p>a</p>", `<a href="https://x">y</a>`, "<a href='", "</a></a><a>", "<li><ul><br>"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := Text(PlainText(s))
		if i := strings.IndexFunc(got, func(r rune) bool { return r != '\n' && unicode.IsControl(r) }); i >= 0 {
			t.Fatalf("Text(PlainText(%q)) = %q has a control character at byte %d", s, got, i)
		}
		if again := Text(got); again != got {
			t.Fatalf("Text is not idempotent on %q: %q", got, again)
		}
	})
}
