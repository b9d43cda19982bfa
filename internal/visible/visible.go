// Package visible makes text from a schedule safe to print for people: in
// a terminal, a CI log, a diagnostic line. Schedules carry text from many
// hands, and a room name holding "ESC [2K ESC [1A CR" would otherwise
// erase the line above it and print a forged one; a bidi override would
// show text in another order than it is.
package visible

import (
	"fmt"
	"strconv"
	"strings"
)

// Unsafe reports whether r must not reach a terminal or log raw: C0 and C1
// control characters and DEL (line breaks and tabs included), the bidi
// controls (U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069) and the
// line and paragraph separators (U+2028, U+2029).
func Unsafe(r rune) bool {
	switch {
	case r < 0x20 || r == 0x7f || r >= 0x80 && r < 0xa0:
		return true
	case r == 0x061c || r == 0x200e || r == 0x200f:
		return true
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
		return true
	case r == 0x2028 || r == 0x2029:
		return true
	}
	return false
}

// Escape returns s with each Unsafe character written as a Go escape, as
// %q writes it (\n, \r, \t, \x1b, \u202e), and the rest unchanged. It
// returns s itself when nothing needs escaping.
func Escape(s string) string {
	if strings.IndexFunc(s, Unsafe) < 0 {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if !Unsafe(r) {
			b.WriteRune(r)
			continue
		}
		b.WriteString(escapeRune(r))
	}
	return b.String()
}

func escapeRune(r rune) string {
	switch r {
	case '\n':
		return `\n`
	case '\r':
		return `\r`
	case '\t':
		return `\t`
	}
	if r < 0x80 {
		return fmt.Sprintf(`\x%02x`, r)
	}
	return fmt.Sprintf(`\u%04x`, r)
}

// Name shows a file name in a diagnostic line: as it is, or quoted as Go
// quotes it when it holds an Unsafe character or a double quote, so that a
// name holding a newline cannot start a line of its own.
func Name(s string) string {
	if strings.IndexFunc(s, Unsafe) < 0 && !strings.Contains(s, `"`) {
		return s
	}
	return strconv.Quote(s)
}
