package suggest

import "testing"

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
