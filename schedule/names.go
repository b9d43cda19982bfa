package schedule

import (
	"strings"
	"sync"

	"golang.org/x/text/cases"
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
	if len(s) > maxKeyed {
		return unicodeKey(s)
	}
	keys.Lock()
	k, ok := keys.m[s]
	keys.Unlock()
	if ok {
		return k
	}
	k = unicodeKey(s)
	keys.Lock()
	if len(keys.m) >= keys.max {
		clear(keys.m)
	}
	keys.m[strings.Clone(s)] = k // not a slice of a larger text, which it would keep
	keys.Unlock()
	return k
}

func unicodeKey(s string) string {
	s = norm.NFC.String(s)
	s = folder.String(s)
	return strings.Join(strings.Fields(s), " ")
}

// keys remembers the keys of non-ASCII names: NFC and case folding cost a
// microsecond a name, and Validate and the feeds ask for the key of the
// same few thousand speakers and rooms again and again (a third of
// Validate's time at 100,000 sessions). It holds at most max names of at
// most maxKeyed bytes, and starts again when full. max is maxKeys (about
// 20 MB at worst), or more for a schedule with more names (reserveKeys).
var keys = struct {
	sync.Mutex
	m   map[string]string
	max int
}{m: map[string]string{}, max: maxKeys}

// reserveKeys lets keys hold n names before it starts again. Validate
// calls it with the number of names of its schedule (rooms and speakers,
// counted per session): a cache that starts again is empty whenever it
// is asked again for the first of more names than it holds, so past
// maxKeys distinct names every key was computed anew (1,000,000 sessions
// with 330,000 speakers: NameKey took 7.5 of 42 s CPU, against 0.12 of
// 2.7 s at 100,000). The bound grows only with a schedule already in
// memory, and an entry (a few hundred bytes at most) is for a name in it.
func reserveKeys(n int) {
	keys.Lock()
	keys.max = max(keys.max, n)
	keys.Unlock()
}

const (
	maxKeys  = 1 << 16
	maxKeyed = 128
)

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
