package ics

import (
	"io"

	"github.com/schedkit/schedkit/schedule"
)

// EncodeOn is encodeOn for the tests of package ics_test, which may use
// internal/realdata (it imports package format, which imports this one).
func EncodeOn(w io.Writer, s *schedule.Schedule, sessions []*schedule.Session, opt Options, workers int) error {
	return encodeOn(w, s, sessions, opt, workers)
}

// SetChunks makes Encode render chunks of n events from parallel events
// on, until the returned function restores the defaults.
func SetChunks(n, parallel int) (restore func()) {
	n0, p0 := chunkEvents, parallelEvents
	chunkEvents, parallelEvents = n, parallel
	return func() { chunkEvents, parallelEvents = n0, p0 }
}
