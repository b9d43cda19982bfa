package main

import (
	"fmt"

	"github.com/schedkit/schedkit/format"
)

// noteSplitAmplification says on stderr when a split export writes many
// times the sessions it selected: with --split speaker a session goes to
// the file of each of its speakers, so a file whose sessions list many
// speakers (one YAML alias can give every session the same thousand)
// writes far more than it reads: 22 KB made 169 MB. The export still
// runs; the note says what it writes before it is written.
func (e *env) noteSplitAmplification(split string, all format.Group, groups []format.Group) {
	copies := 0
	for _, g := range groups {
		copies += len(g.Sessions)
	}
	if copies <= splitNoteMin || copies <= splitNoteFactor*len(all.Sessions) {
		return
	}
	fmt.Fprintf(e.stderr, "schedkit: note: --split %s writes %d files holding %d sessions in all, %d times the %d sessions selected (a session is in the file of each of its %ss)\n",
		split, len(groups)+1, copies+len(all.Sessions), copies/max(1, len(all.Sessions)), len(all.Sessions), split)
}

// A split export is noted when its groups hold more than splitNoteMin
// sessions and more than splitNoteFactor times the sessions selected.
const (
	splitNoteMin    = 1000
	splitNoteFactor = 10
)
