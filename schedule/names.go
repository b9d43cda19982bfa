package schedule

import (
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/cases"
	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

var folder = cases.Fold()

// NameKey is the comparison key of a room or speaker name: Unicode NFC, case
// folded, white space collapsed to single spaces and trimmed. Two names with
// the same key name the same room (or person).
func NameKey(s string) string {
	if k, ok := asciiKey(s); ok {
		return k
	}
	s = norm.NFC.String(s)
	s = folder.String(s)
	return strings.Join(strings.Fields(s), " ")
}

// asciiKey is NameKey for ASCII text, where NFC changes nothing and case
// folding is lower-casing; it allocates only when the key differs from s.
// ok is false for non-ASCII text.
func asciiKey(s string) (key string, ok bool) {
	clean := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 0x80:
			return "", false
		case c >= 'A' && c <= 'Z', c == '\t', c == '\n', c == '\r', c == '\v', c == '\f':
			clean = false
		case c == ' ' && (i == 0 || i == len(s)-1 || s[i+1] == ' '):
			clean = false
		}
	}
	if clean {
		return s, true
	}
	// One pass, one allocation: lower-case, and each run of white space
	// becomes one space, none at either end.
	b := make([]byte, 0, len(s))
	space := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f':
			space = len(b) > 0
			continue
		case c >= 'A' && c <= 'Z':
			c += 'a' - 'A'
		}
		if space {
			b = append(b, ' ')
			space = false
		}
		b = append(b, c)
	}
	return string(b), true
}

// Slug returns s in [a-z0-9-]: letters with diacritics lose them, every
// other run of characters becomes one hyphen, and hyphens at either end are
// dropped. The slug of a string with no letters or digits is "".
func Slug(s string) string {
	t := transform.Chain(norm.NFKD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
	if r, _, err := transform.String(t, s); err == nil {
		s = r
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

// Suggest returns the candidate closest to s by edit distance, or "" when
// none is close enough to be a plausible typo.
func Suggest(s string, candidates []string) string {
	best, bestD := "", 1<<30
	for _, c := range candidates {
		d := editDistance(strings.ToLower(s), strings.ToLower(c))
		if d < bestD {
			best, bestD = c, d
		}
	}
	if bestD <= max(2, len(s)/3) && bestD < len(s) {
		return best
	}
	return ""
}

// editDistance is the Levenshtein distance between a and b, in runes.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// SameName reports whether NameKey(a) == NameKey(b), without building the
// keys when both are ASCII: word by word, ignoring case and the white
// space between words.
func SameName(a, b string) bool {
	if a == b {
		return true
	}
	if !isASCII(a) || !isASCII(b) {
		return NameKey(a) == NameKey(b)
	}
	const space = " \t\n\r\v\f"
	for {
		a, b = strings.TrimLeft(a, space), strings.TrimLeft(b, space)
		if a == "" || b == "" {
			return a == b
		}
		i, j := strings.IndexAny(a, space), strings.IndexAny(b, space)
		if i < 0 {
			i = len(a)
		}
		if j < 0 {
			j = len(b)
		}
		if !strings.EqualFold(a[:i], b[:j]) {
			return false
		}
		a, b = a[i:], b[j:]
	}
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}
