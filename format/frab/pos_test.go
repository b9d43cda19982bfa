package frab

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestLinesPos compares lines.pos with a plain count for every offset of
// texts with multibyte runes across the chunk boundaries.
func TestLinesPos(t *testing.T) {
	texts := []string{
		"",
		"a\nb\n",
		strings.Repeat("é", 300) + "\n" + strings.Repeat("x€", 200) + "\n\n𝄞𝄞",
		strings.Repeat("ab\n", 200),
	}
	for ti, text := range texts {
		data := []byte(text)
		l := newLines("f", data)
		line, start := 1, 0
		for off := 0; off <= len(data); off++ {
			if off > 0 && data[off-1] == '\n' {
				line, start = line+1, off
			}
			want := fmt.Sprintf("%d:%d", line, 1+utf8.RuneCount(data[start:off]))
			p := l.pos(off)
			if got := fmt.Sprintf("%d:%d", p.Line, p.Column); got != want && utf8.RuneStart(data[min(off, len(data)-1)]) {
				t.Fatalf("text %d offset %d: %s, want %s", ti, off, got, want)
			}
		}
	}
}
