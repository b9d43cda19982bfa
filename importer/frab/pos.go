package frab

import (
	"sort"
	"unicode/utf8"

	"github.com/schedkit/schedkit/schedule"
)

// lines converts byte offsets into 1-based lines and rune columns.
type lines struct {
	file   string
	data   []byte
	starts []int // byte offset of each line's first byte
}

func newLines(file string, data []byte) *lines {
	l := &lines{file: file, data: data, starts: []int{0}}
	for i, c := range data {
		if c == '\n' {
			l.starts = append(l.starts, i+1)
		}
	}
	return l
}

func (l *lines) pos(off int) schedule.Pos {
	off = max(0, min(off, len(l.data)))
	i := sort.Search(len(l.starts), func(i int) bool { return l.starts[i] > off }) - 1
	return schedule.Pos{File: l.file, Line: i + 1, Column: 1 + utf8.RuneCount(l.data[l.starts[i]:off])}
}
