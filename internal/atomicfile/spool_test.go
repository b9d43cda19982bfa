package atomicfile

import (
	"bytes"
	"testing"
)

// TestSpool: what is written in pieces of any size, across block
// boundaries, comes out of WriteTo whole and in order.
func TestSpool(t *testing.T) {
	var want bytes.Buffer
	var s Spool
	for i, size := range []int{0, 1, spoolBlock - 1, 2, spoolBlock, 3*spoolBlock + 7, 5} {
		p := bytes.Repeat([]byte{byte('a' + i)}, size)
		want.Write(p)
		if n, err := s.Write(p); n != size || err != nil {
			t.Fatalf("Write(%d bytes) = %d, %v", size, n, err)
		}
	}
	var got bytes.Buffer
	if n, err := s.WriteTo(&got); n != int64(want.Len()) || err != nil {
		t.Fatalf("WriteTo = %d, %v", n, err)
	}
	if !bytes.Equal(got.Bytes(), want.Bytes()) {
		t.Error("WriteTo wrote other bytes than were written")
	}
}
