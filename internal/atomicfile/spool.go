package atomicfile

import "io"

// spoolBlock is the size of a Spool's blocks.
const spoolBlock = 1 << 20

// Spool holds content in memory until it is complete, in blocks that are
// never copied to grow: unlike a bytes.Buffer, which doubles and copies,
// a 100 MB feed touches 100 MB of fresh memory, not twice that (on a
// machine where every page fault counts, a tenth of a second per 40 MB).
// The zero value is empty and ready to use.
type Spool struct {
	blocks [][]byte
}

// Write appends p; it never fails.
func (s *Spool) Write(p []byte) (int, error) {
	n := len(p)
	for len(p) > 0 {
		k := len(s.blocks) - 1
		if k < 0 || len(s.blocks[k]) == cap(s.blocks[k]) {
			s.blocks = append(s.blocks, make([]byte, 0, spoolBlock))
			k++
		}
		b := s.blocks[k]
		c := copy(b[len(b):cap(b)], p)
		s.blocks[k] = b[:len(b)+c]
		p = p[c:]
	}
	return n, nil
}

// WriteTo writes the content to w, block by block.
func (s *Spool) WriteTo(w io.Writer) (int64, error) {
	var n int64
	for _, b := range s.blocks {
		k, err := w.Write(b)
		n += int64(k)
		if err != nil {
			return n, err
		}
	}
	return n, nil
}
