package frab

import (
	"sort"

	"github.com/schedkit/schedkit/schedule"
)

// lines converts byte offsets into 1-based lines and rune columns, in any
// order and in O(log n + 256) each: a minified one-line schedule.json has
// every value on line 1, so counting from the line start would be O(n²).
type lines struct {
	file   string
	data   []byte
	starts []int // byte offset of each line's first byte
	// runes[k] is the number of runes in data[:k*chunk]; a rune is counted
	// at its first byte, so chunks may split runes.
	runes []int
}

const chunk = 256

func newLines(file string, data []byte) *lines {
	l := &lines{file: file, data: data, starts: []int{0}, runes: make([]int, 0, len(data)/chunk+1)}
	n := 0
	for i, c := range data {
		if i%chunk == 0 {
			l.runes = append(l.runes, n)
		}
		if c&0xC0 != 0x80 {
			n++
		}
		if c == '\n' {
			l.starts = append(l.starts, i+1)
		}
	}
	return l
}

// runesBefore returns the number of runes in data[:off].
func (l *lines) runesBefore(off int) int {
	k := off / chunk
	if k >= len(l.runes) {
		k = len(l.runes) - 1
	}
	if k < 0 {
		return 0
	}
	n := l.runes[k]
	for _, c := range l.data[k*chunk : off] {
		if c&0xC0 != 0x80 {
			n++
		}
	}
	return n
}

func (l *lines) pos(off int) schedule.Pos {
	off = max(0, min(off, len(l.data)))
	i := sort.Search(len(l.starts), func(i int) bool { return l.starts[i] > off }) - 1
	return schedule.Pos{File: l.file, Line: i + 1, Column: 1 + l.runesBefore(off) - l.runesBefore(l.starts[i])}
}
