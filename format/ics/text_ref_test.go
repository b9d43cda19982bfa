package ics

import (
	"cmp"
	"strings"
	"testing"
	"unicode"

	"github.com/schedkit/schedkit/schedule"
)

// backslashN puts wordJoiner between a backslash and each of
// lineBreakLetters: "\n" becomes "\⁠n". joinBackslashN does it in place.
var backslashN = func() *strings.Replacer {
	var oldnew []string
	for _, c := range lineBreakLetters {
		oldnew = append(oldnew, `\`+string(c), `\`+wordJoiner+string(c))
	}
	return strings.NewReplacer(oldnew...)
}()

// textReference is Text as it was before appendClean: split into lines,
// trimmed, joined, then the backslash and percent replacers. It stays as
// the specification appendClean is checked against (FuzzTextSameAsReference).
func textReference(s string) string {
	if s == "" {
		return ""
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r == '\n' || r == '\r' || r == '\u2028' || r == '\u2029' || r == '\u0085':
			b.WriteByte('\n')
		case r == '\t':
			b.WriteByte(' ')
		case r < ' ' || r == 0x7f || (r >= 0x80 && r < 0xa0) || r == '\ufeff':
			// dropped
		default:
			b.WriteRune(r)
		}
	}
	lines := strings.Split(b.String(), "\n")
	out := lines[:0]
	blank := 0
	for _, l := range lines {
		l = strings.TrimRightFunc(l, unicode.IsSpace)
		if l == "" {
			blank++
			if blank > 1 {
				continue
			}
		} else {
			blank = 0
		}
		out = append(out, l)
	}
	s = strings.TrimSpace(strings.Join(out, "\n"))
	if strings.Contains(s, `\`) {
		s = backslashN.Replace(s)
	}
	if strings.Contains(s, "%") {
		s = percentHex.Replace(s)
	}
	return s
}

// FuzzTextSameAsReference: Text (appendClean, one pass) cleans every value
// as the split-trim-join-replace reference does, also with spaceLF, as a
// category is cleaned.
func FuzzTextSameAsReference(f *testing.F) {
	for _, s := range []string{"", "a", " a \r\n\r\n\r\n b \t", "\\n \\\x01N %2C %\x003A %5c %%3B",
		"\u2028\u2029\u0085x\ufeff\x7f\u0080", "\xff\xfe a \u00a0\n\u3000 b\u3000", "\n\n\n x \n\n\n\n", "\"q\"\u2060", "a\r\nb\rc\n",
		"12345678\x7f12345678 \t 12345678\u00a012345678\u009f1234567e\u0301 \\N\\\\n", "abcdefg\xe2\x80\xa8abcdefgh\xef\xbb\xbfabcdefgh\xc2\x85ab\xc2cdefghij\xed\xa0\x80",
		benchText} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := Text(s), textReference(s); got != want {
			t.Errorf("Text(%q) = %q, reference %q", s, got, want)
		}
		if got, want := string(appendClean([]byte("x"), s, true)), "x"+textReference(strings.ReplaceAll(s, "\n", " ")); got != want {
			t.Errorf("appendClean(%q, spaceLF) = %q, reference %q", s, got, want)
		}
	})
}

// descriptionReference is Description as it was before appendDescription,
// with textReference for Text: paragraphs made as strings and joined.
func descriptionReference(x *schedule.Session) string {
	var parts []string
	if t := strings.ReplaceAll(textReference(x.Subtitle), paragraphBreak, "\n"); t != "" {
		parts = append(parts, markParagraphs(t))
	}
	oneLine := func(s string) string { return strings.ReplaceAll(textReference(s), "\n", " ") }
	var names []string
	for _, p := range x.Speakers {
		n := oneLine(p.Name)
		if a := oneLine(p.Affiliation); a != "" {
			n += " (" + a + ")"
		} else if needsMarkAfter(n) {
			n += wordJoiner
		}
		if n != "" {
			names = append(names, n)
		}
	}
	switch len(names) {
	case 0:
	case 1:
		parts = append(parts, speakerLabel+" "+names[0])
	default:
		parts = append(parts, speakersLabel+"\n"+strings.Join(names, "\n"))
	}
	if t := textReference(PlainText(x.Abstract)); t != "" {
		parts = append(parts, markParagraphs(t))
	}
	if u := cmp.Or(uriValue(x.URL), textReference(x.URL)); u != "" {
		parts = append(parts, u)
	}
	return strings.Join(parts, paragraphBreak)
}

// FuzzDescriptionSameAsReference: Description (appendDescription, written
// into one buffer) is the description the string-joining reference makes,
// for any subtitle, abstract, speakers and URL.
func FuzzDescriptionSameAsReference(f *testing.F) {
	f.Add("Sub\n\n\ntitle", "Speakers:\nFake One\n\n\u2060x", "James (purpleidea)", "", "", "Ann\nB", "https://e.org/a b")
	f.Add("", "", "", "", "", "", "")
	f.Add("Speaker x", "<p>a <a href=\"https://x.org\">b</a></p>", "A\u2060", "X", " ", "", "not a url %2C")
	f.Fuzz(func(t *testing.T, sub, abstract, n1, a1, n2, a2, url string) {
		x := &schedule.Session{Subtitle: sub, Abstract: abstract, URL: url,
			Speakers: []schedule.Person{{Name: n1, Affiliation: a1}, {Name: n2, Affiliation: a2}}}
		for _, k := range []int{0, 1, 2} {
			x.Speakers = x.Speakers[:k]
			if got, want := Description(x), descriptionReference(x); got != want {
				t.Fatalf("Description(%d speakers) = %q, reference %q", k, got, want)
			}
			x.Speakers = x.Speakers[:2]
		}
	})
}

// TestPrintableASCII8: the word-wide test of eight bytes agrees with the
// byte-wise one for every pair of byte values, side by side and apart at
// every position, among printable bytes and among DEL and NUL, where a
// borrow or carry between bytes could hide one.
func TestPrintableASCII8(t *testing.T) {
	printable := func(w []byte) bool {
		for _, c := range w {
			if c < ' ' || c > '~' {
				return false
			}
		}
		return true
	}
	w := make([]byte, 8)
	for _, fill := range []byte{' ', '~', 'a', 0x7f, 0} {
		for p := range 8 {
			for _, q := range []int{(p + 1) % 8, (p + 3) % 8, (p + 7) % 8} {
				for c1 := range 256 {
					for c2 := range 256 {
						for i := range w {
							w[i] = fill
						}
						w[p], w[q] = byte(c1), byte(c2)
						if got, want := printableASCII8(string(w)), printable(w); got != want {
							t.Fatalf("printableASCII8(%q) = %v, want %v", w, got, want)
						}
					}
				}
			}
		}
	}
}
