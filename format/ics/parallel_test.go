package ics_test

import (
	"bytes"
	"errors"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/schedkit/schedkit/format/ics"
	"github.com/schedkit/schedkit/internal/gen"
	"github.com/schedkit/schedkit/internal/realdata"
	"github.com/schedkit/schedkit/schedule"
)

// encodeOn is the feed of every session of s rendered on workers
// goroutines.
func encodeOn(t *testing.T, s *schedule.Schedule, workers int) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := ics.EncodeOn(&b, s, s.Sessions, ics.Options{Version: "test"}, workers); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// sameOnAnyCores checks that s's feed rendered on 2 and 5 goroutines is
// byte for byte the feed rendered on one.
func sameOnAnyCores(t *testing.T, s *schedule.Schedule) {
	t.Helper()
	serial := encodeOn(t, s, 1)
	if n := bytes.Count(serial, []byte("BEGIN:VEVENT")); n < 30 {
		t.Fatalf("only %d events", n)
	}
	for _, workers := range []int{2, 5} {
		if got := encodeOn(t, s, workers); !bytes.Equal(got, serial) {
			g, w := strings.Split(string(got), "\r\n"), strings.Split(string(serial), "\r\n")
			for i := range min(len(g), len(w)) {
				if g[i] != w[i] {
					t.Fatalf("%d workers: line %d is %q, serially %q", workers, i+1, g[i], w[i])
				}
			}
			t.Fatalf("%d workers: %d lines, serially %d", workers, len(g), len(w))
		}
	}
}

// TestParallelSameAsSerial: a feed rendered in chunks on several
// goroutines has the bytes of the feed rendered on one, for a generated
// schedule of a few thousand sessions (more than the parallel threshold,
// not a whole number of chunks) and, in small chunks that make every
// worker wait for free buffers, for the real schedules.
func TestParallelSameAsSerial(t *testing.T) {
	t.Run("generated", func(t *testing.T) {
		var in bytes.Buffer
		if err := gen.Write(&in, gen.Config{N: 3001, JSON: true}); err != nil {
			t.Fatal(err)
		}
		s, diags := schedule.Load("gen.json", in.Bytes(), schedule.LoadOptions{})
		if s == nil {
			t.Fatalf("generated schedule not read: %v", diags)
		}
		schedule.Normalize(s)
		sameOnAnyCores(t, s)
	})
	defer ics.SetChunks(7, 1)()
	for _, name := range realdata.Schedules {
		t.Run(name, func(t *testing.T) {
			s, _ := realdata.Read(t, name)
			sameOnAnyCores(t, s)
		})
	}
}

// failAfter fails every write after the first n bytes.
type failAfter struct{ n int }

var errFull = errors.New("disk full")

func (w *failAfter) Write(p []byte) (int, error) {
	if len(p) > w.n {
		return 0, errFull
	}
	w.n -= len(p)
	return len(p), nil
}

// TestParallelWriteError: when the output fails, Encode returns the error
// and leaves no goroutine behind, wherever the failure comes.
func TestParallelWriteError(t *testing.T) {
	defer ics.SetChunks(5, 1)()
	s, _ := realdata.Read(t, "fosdem-2025.schedule.xml")
	before := runtime.NumGoroutine()
	for _, n := range []int{0, 1 << 16, 1 << 18, 1 << 20} {
		err := ics.EncodeOn(&failAfter{n: n}, s, s.Sessions, ics.Options{}, 3)
		if !errors.Is(err, errFull) {
			t.Errorf("failing after %d bytes: error %v, want %v", n, err, errFull)
		}
	}
	deadline := time.Now().Add(5 * time.Second)
	for runtime.NumGoroutine() > before && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	if n := runtime.NumGoroutine(); n > before {
		t.Errorf("%d goroutines left running, %d before", n, before)
	}
}
