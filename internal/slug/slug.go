// Package slug makes the identifiers schedkit derives from names: session,
// track and conference ids and the file names of split exports, all in
// [a-z0-9-].
package slug

import (
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// Make returns s in [a-z0-9-]: letters with diacritics lose them, every
// other run of characters becomes one hyphen, and hyphens at either end are
// dropped. The slug of a string with no letters or digits is "".
func Make(s string) string {
	if !isASCII(s) {
		s = foldMarks(s)
	}
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
		case r == 'ß':
			b.WriteString("ss")
		default:
			dash = true
		}
	}
	return b.String()
}

// Unique returns base, or else the first of base-2, base-3, … that used
// does not hold, and adds the result to used. The readers of other formats
// make track ids (and the page reader session ids) with it, split exports
// their file names.
func Unique(used map[string]bool, base string) string {
	name := base
	for k := 2; used[name]; k++ {
		name = base + "-" + strconv.Itoa(k)
	}
	used[name] = true
	return name
}

// foldMarks decomposes s (NFKD), drops the combining marks and composes
// what is left (NFC): "Café" becomes "Cafe", "ﬁ" "fi". ASCII text comes
// out as it went in, so Make calls it only for other text: the chain of
// transforms allocates buffers of some kilobytes each time.
func foldMarks(s string) string {
	t := transform.Chain(norm.NFKD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
	if r, _, err := transform.String(t, s); err == nil {
		return r
	}
	return s
}

// isASCII reports whether s is all ASCII.
func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}
