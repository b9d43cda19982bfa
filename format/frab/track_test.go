package frab

import (
	"testing"

	"github.com/schedkit/schedkit/schedule"
)

// TestTrackName: the track the readers give events without one is written
// as no track; a track of the schedule's own keeps its name, even one
// called "No track".
func TestTrackName(t *testing.T) {
	tests := []struct {
		name  string
		track *schedule.Track
		want  string
	}{
		{"none", nil, ""},
		{"the readers' no-track", noTrack(schedule.Pos{}), ""},
		{"a track", &schedule.Track{ID: "web", Name: "Web"}, "Web"},
		{"called No track, another id", &schedule.Track{ID: "nt", Name: schedule.NoTrackName}, schedule.NoTrackName},
		{"id no-track, another name", &schedule.Track{ID: schedule.NoTrackID, Name: "Misc"}, "Misc"},
	}
	for _, tc := range tests {
		if got := trackName(&schedule.Session{Track: tc.track}); got != tc.want {
			t.Errorf("%s: trackName = %q, want %q", tc.name, got, tc.want)
		}
	}
}
