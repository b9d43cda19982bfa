package frab

import "github.com/schedkit/schedkit/schedule"

// The track of events without one, both directions. frab and pretalx
// write such an event with an empty (or no) track; schedkit's sessions
// always belong to a track, so the readers put them on the track
// schedule.NoTrackName (noTrack), and the writers write that track as an empty one again
// (trackName).

// noTrack returns the track the readers put events without a track on,
// defined at pos.
func noTrack(pos schedule.Pos) *schedule.Track {
	return &schedule.Track{ID: schedule.NoTrackID, Name: schedule.NoTrackName, Pos: pos, IDPos: pos}
}

// isNoTrack reports whether t is the track noTrack makes (by id and name:
// a track of the schedule's own that is only called no-track is kept).
func isNoTrack(t *schedule.Track) bool { return schedule.IsNoTrack(t) }

// trackName is the <track> the writers write for ss: its track's name, or
// "" for none and for the no-track track.
func trackName(ss *schedule.Session) string {
	if ss.Track == nil || isNoTrack(ss.Track) {
		return ""
	}
	return ss.Track.Name
}
