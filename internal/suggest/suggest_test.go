package suggest

import (
	"strings"
	"testing"
)

func TestClosest(t *testing.T) {
	rules := []string{"room-overlap", "speaker-overlap", "track-overlap", "changeover", "duplicate-id"}
	tests := []struct {
		in, want string
	}{
		{"room-overlaps", "room-overlap"},
		{"ROOM-OVERLAP", "room-overlap"}, // case does not count
		{"speker-overlap", "speaker-overlap"},
		{"changover", "changeover"},
		{"xyz", ""},     // nothing close
		{"ab", ""},      // too short for any suggestion to be plausible
		{"", ""},        // nothing typed
		{"dupe-id", ""}, // 4 edits: too far for 7 characters
		// Bounded (issue 14.7): names longer than MaxLen get no suggestion.
		{strings.Repeat("room-overlap", 6), ""},
	}
	for _, tt := range tests {
		if got := Closest(tt.in, rules); got != tt.want {
			t.Errorf("Closest(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestEditDistance(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"", "", 0}, {"a", "", 1}, {"", "abc", 3}, {"kitten", "sitting", 3}, {"café", "cafe", 1}, {"日本", "日本語", 1},
	}
	for _, tt := range tests {
		if got := editDistance(tt.a, tt.b); got != tt.want {
			t.Errorf("editDistance(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
}

// TestClosestBounded: only the first MaxCandidates candidates are
// compared, and none longer than MaxLen; a long candidate list of long
// names costs little.
func TestClosestBounded(t *testing.T) {
	var cands []string
	for range MaxCandidates {
		cands = append(cands, strings.Repeat("q", MaxLen))
	}
	if got := Closest("hall-b", append(cands, "hall-a")); got != "" {
		t.Errorf("candidate %d compared: %q", MaxCandidates+1, got)
	}
	if got := Closest("hall-b", append(cands[:10], "hall-a")); got != "hall-a" {
		t.Errorf("Closest = %q, want hall-a", got)
	}
	long := strings.Repeat("x", MaxLen) + "a"
	if got := Closest(long[:MaxLen]+"b", []string{long}); got != "" {
		t.Errorf("a candidate longer than MaxLen suggested: %q", got)
	}
}

func TestDistanceUpTo(t *testing.T) {
	for _, tt := range []struct {
		a, b    string
		k, want int
	}{
		{"kitten", "sitting", 3, 3},
		{"kitten", "sitting", 2, 3},
		{"abcdef", "uvwxyz", 1, 2},
		{"a", "abcd", 2, 3},
	} {
		if got := distanceUpTo([]rune(tt.a), []rune(tt.b), tt.k); got != tt.want {
			t.Errorf("distanceUpTo(%q, %q, %d) = %d, want %d", tt.a, tt.b, tt.k, got, tt.want)
		}
	}
}

// TestMaxEdits: the bound Closest applies, and which callers use to leave
// out candidates of a length too different to be suggested.
func TestMaxEdits(t *testing.T) {
	for _, tc := range []struct {
		s    string
		want int
	}{
		{"", -1}, {"a", 0}, {"ab", 1}, {"abc", 2}, {"Europe/Berln", 4}, {"America/Los_Angels", 6},
	} {
		if got := MaxEdits(tc.s); got != tc.want {
			t.Errorf("MaxEdits(%q) = %d, want %d", tc.s, got, tc.want)
		}
	}
}
