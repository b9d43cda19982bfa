package ics

import (
	"bytes"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// TEXT values (RFC 5545 §3.3.11), both directions. Writing, Text cleans a
// value and golang-ical escapes it (\\ \; \, \n); reading, unescapeText
// undoes those escapes. The two share two rules of schedkit's own, both
// with the word joiner below: between a backslash and n (Text), and after
// quotes that wrap a whole value (guardQuotes).

// wordJoiner (U+2060 WORD JOINER, invisible) is what the writer puts
// between a backslash and a following n or N, and what the reader drops
// there again. The correct escape of that pair is "\\n", but python
// icalendar 4 and node-ical read it as a backslash and a line break; with
// the joiner in between every parser reads the same text.
const wordJoiner = "\u2060"

// lineBreakLetters are the letters that, after a backslash, escape a line
// break in TEXT (RFC 5545 §3.3.11: "\n" or "\N"), so the ones the word
// joiner keeps apart from a literal backslash.
const lineBreakLetters = "nN"

// isLineBreakLetter reports whether c escapes a line break after a
// backslash.
func isLineBreakLetter(c byte) bool {
	return strings.IndexByte(lineBreakLetters, c) >= 0
}

// joinedLineBreakLetter reports whether s starts with the word joiner and
// a line-break letter: what joinBackslashN wrote after a backslash.
func joinedLineBreakLetter(s string) bool {
	return len(s) > len(wordJoiner) && strings.HasPrefix(s, wordJoiner) && isLineBreakLetter(s[len(wordJoiner)])
}

// quote is what node-ical strips from both ends of every TEXT value it
// reads, after unescaping, when the value starts and ends with it and has
// no line break: the SUMMARY "\"What can a mixnet do?\"" loses its quotes.
const quote = `"`

// wrappedInQuotes reports whether node-ical would strip the quotes around
// s, taking word joiners after the closing quote as part of it: s has no
// line break, starts with a quote and ends with another one followed by
// any number of word joiners.
func wrappedInQuotes(s string) bool {
	if !strings.HasPrefix(s, quote) || strings.Contains(s, "\n") {
		return false
	}
	t := strings.TrimRight(s, wordJoiner)
	return len(t) > len(quote) && strings.HasSuffix(t, quote)
}

// guardQuotes returns a cleaned TEXT value (see Text) that node-ical would
// strip of the quotes around it with wordJoiner appended: the value then
// ends with the invisible joiner, not with a quote, and every parser reads
// the quotes. A value that already ends with joiners after its closing
// quote gets one more, so that the reader (unguardQuotes, which drops one)
// gives back exactly the value. The writer guards whole property values:
// SUMMARY, LOCATION, DESCRIPTION, each category, the calendar's name.
func guardQuotes(s string) string {
	if wrappedInQuotes(s) {
		return s + wordJoiner
	}
	return s
}

// unguardQuotes undoes guardQuotes on a read value.
func unguardQuotes(s string) string {
	if t, ok := strings.CutSuffix(s, wordJoiner); ok && wrappedInQuotes(t) {
		return t
	}
	return s
}

// Text cleans a TEXT value (RFC 5545 §3.3.11) before golang-ical escapes it:
// CRLF and lone CR become LF, tabs become spaces, every other control
// character (C0, DEL, C1), the byte-order mark and the line and paragraph
// separators are dropped or turned into LF, trailing white space is trimmed
// from every line (libical drops it, other parsers keep it), runs of more
// than one empty line are collapsed, and the value is trimmed. A backslash
// followed by n or N gets an invisible U+2060 WORD JOINER in between (see
// wordJoiner), and the percent-escapes %2C %3A %3B %5C get lower-case hex
// digits, because python icalendar decodes them in every value.
func Text(s string) string {
	if s == "" {
		return ""
	}
	return string(appendClean(nil, s, false))
}

// appendClean appends Text(s) to b, in one pass and without intermediate
// strings: the feed writer cleans every value into its line buffer with
// it. With spaceLF, every LF of s is a space first, as in a category
// (before CRLF and CR are read, so a CR then still breaks the line).
// Runs of printable ASCII, most of any text, are copied whole.
func appendClean(b []byte, s string, spaceLF bool) []byte {
	start, line, blank := len(b), len(b), 0
	for i := 0; i < len(s); {
		if j := keptRun(s, i); j > i {
			b = append(b, s[i:j]...)
			if i = j; i == len(s) {
				break
			}
		}
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		i += size
		if r == '\n' && spaceLF {
			r = ' '
		}
		switch {
		case r == '\r' && !spaceLF && i < len(s) && s[i] == '\n':
			// CRLF: the LF ends the line
		case r == '\n' || r == '\r' || r == '\u2028' || r == '\u2029' || r == '\u0085':
			b, blank = endCleanLine(b, line, blank)
			b = append(b, '\n')
			line = len(b)
		case r == '\t' || r == ' ':
			b = append(b, ' ')
		case r < ' ' || r == 0x7f || (r >= 0x80 && r < 0xa0) || r == '\ufeff':
			// dropped
		case r == utf8.RuneError && size == 1:
			b = utf8.AppendRune(b, r) // an invalid byte, as range reads it
		default:
			b = append(b, s[i-size:i]...)
		}
	}
	b, _ = endCleanLine(b, line, blank)
	// strings.TrimSpace of the joined lines: the end holds only empty
	// lines' LFs (each line is trimmed), the start any white space.
	for len(b) > start {
		c, size := utf8.DecodeLastRune(b[start:])
		if !unicode.IsSpace(c) {
			break
		}
		b = b[:len(b)-size]
	}
	k := start
	for k < len(b) {
		c, size := utf8.DecodeRune(b[k:])
		if !unicode.IsSpace(c) {
			break
		}
		k += size
	}
	if k > start {
		b = b[:start+copy(b[start:], b[k:])]
	}
	// The percent escapes and the joiners after backslashes, on the
	// cleaned value as Text applies them.
	if bytes.IndexByte(b[start:], '%') >= 0 {
		for i := start; i+2 < len(b); i++ {
			if b[i] == '%' && isPercentHex(b[i+1], b[i+2]) {
				b[i+2] += 'a' - 'A'
				i += 2
			}
		}
	}
	if bytes.IndexByte(b[start:], '\\') >= 0 {
		b = joinBackslashN(b, start)
	}
	return b
}

// joinBackslashN puts wordJoiner between each backslash of b[start:] and
// a line-break letter after it, as backslashN.Replace (the reference in
// the tests) does, but in b itself: no string is made of the value and
// none of the replacement.
func joinBackslashN(b []byte, start int) []byte {
	n := 0
	for i := start; ; i++ {
		k := bytes.IndexByte(b[i:], '\\')
		if k < 0 {
			break
		}
		if i += k; i+1 < len(b) && isLineBreakLetter(b[i+1]) {
			n++
		}
	}
	if n == 0 {
		return b
	}
	// Move the bytes back from the end, a joiner in front of each letter
	// that follows a backslash, until every joiner is in.
	end := len(b)
	b = slices.Grow(b, n*len(wordJoiner))[:end+n*len(wordJoiner)]
	w := len(b)
	for i := end - 1; n > 0; i-- {
		w--
		b[w] = b[i]
		if i > start && b[i-1] == '\\' && isLineBreakLetter(b[i]) {
			w -= len(wordJoiner)
			copy(b[w:], wordJoiner)
			n--
		}
	}
	return b
}

// keptRun returns the end of the run of characters from s[i] that
// appendClean keeps as they are: printable ASCII, eight bytes at a time
// where it can, and the characters from U+00A0 on but the line and
// paragraph separators and the byte-order mark, as valid UTF-8.
func keptRun(s string, i int) int {
	for i < len(s) {
		if i+8 <= len(s) && printableASCII8(s[i:i+8]) {
			i += 8
			continue
		}
		if c := s[i]; c >= ' ' && c < 0x7f {
			i++
			continue
		} else if c < utf8.RuneSelf {
			return i
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r < 0xa0 || r == '\u2028' || r == '\u2029' || r == '\ufeff' || r == utf8.RuneError && size == 1 {
			return i
		}
		i += size
	}
	return i
}

// printableASCII8 reports whether the eight bytes of s are all printable
// ASCII (' ' to '~'), testing them as one word: no high bit, no byte
// below ' ' (a borrow out of it), none that is DEL (a carry into the
// high bit once there is none).
func printableASCII8(s string) bool {
	_ = s[7]
	w := uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	return (w|(w+ones)|(w-' '*ones)&^w)&highs == 0
}

// endCleanLine ends the line of appendClean that starts at line: it trims
// the white space at its end, and drops it (with the LF before it) when it
// is the second empty line in a row. blank counts the empty lines before
// it; endCleanLine returns b and the new count.
func endCleanLine(b []byte, line, blank int) ([]byte, int) {
	for len(b) > line {
		c, size := rune(b[len(b)-1]), 1
		if c >= utf8.RuneSelf {
			c, size = utf8.DecodeLastRune(b[line:])
		}
		if !unicode.IsSpace(c) {
			break
		}
		b = b[:len(b)-size]
	}
	if len(b) > line {
		return b, 0
	}
	if blank++; blank > 1 {
		b = b[:line-1] // the LF that started it
	}
	return b, blank
}

// isPercentHex reports whether "%" + d + c is one of the escapes
// percentHex lowers.
func isPercentHex(d, c byte) bool {
	return d == '2' && c == 'C' || d == '3' && (c == 'A' || c == 'B') || d == '5' && c == 'C'
}

// percentHex lowers the hex digits of the percent-escapes python icalendar
// 4 decodes in every value (%2C %3A %3B %5C become , : ; \), which turns
// "?uri=CELEX%3A32014" into "?uri=CELEX:32014". In a URL the lower-case
// escape means the same (RFC 3986 §2.1); the decoder leaves it alone.
var percentHex = strings.NewReplacer("%2C", "%2c", "%3A", "%3a", "%3B", "%3b", "%5C", "%5c")

// unescapeText undoes RFC 5545 §3.3.11 TEXT escapes and cleans the result:
// CRLF and CR become LF, other control characters (but tab) are dropped,
// white space at line ends is trimmed. An unknown escape keeps its character.
// The word joiner between an escaped backslash and n or N is dropped: Text
// puts it there (see wordJoiner); so is the one guardQuotes puts after a
// closing quote.
func unescapeText(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '\\' && i+1 < len(s) {
			i++
			switch {
			case isLineBreakLetter(s[i]):
				b.WriteByte('\n')
			case s[i] == '\\':
				b.WriteByte('\\')
				if joinedLineBreakLetter(s[i+1:]) {
					i += len(wordJoiner)
				}
			default:
				b.WriteByte(s[i])
			}
			continue
		}
		b.WriteByte(c)
	}
	return unguardQuotes(clean(b.String()))
}

// clean is the reader's cleaning of an unescaped TEXT value: line breaks
// as LF, control characters but tab dropped, white space at line ends
// trimmed, the value trimmed.
func clean(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	s = strings.Map(func(c rune) rune {
		if c != '\n' && c != '\t' && unicode.IsControl(c) {
			return -1
		}
		return c
	}, s)
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " \t")
	}
	return strings.TrimSpace(strings.Join(lines, "\n"))
}

// wrappedInQuotesBytes is wrappedInQuotes of a value being written.
func wrappedInQuotesBytes(s []byte) bool {
	if !bytes.HasPrefix(s, []byte(quote)) || bytes.IndexByte(s, '\n') >= 0 {
		return false
	}
	t := bytes.TrimRight(s, wordJoiner)
	return len(t) > len(quote) && bytes.HasSuffix(t, []byte(quote))
}

// guardQuotesBytes is guardQuotes of a value being written: it appends
// wordJoiner to b when node-ical would strip the quotes around it.
func guardQuotesBytes(b []byte) []byte {
	if wrappedInQuotesBytes(b) {
		return append(b, wordJoiner...)
	}
	return b
}
