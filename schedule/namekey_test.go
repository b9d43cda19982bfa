package schedule

import (
	"strings"
	"testing"
)

func TestASCIIKeyMatchesSlowPath(t *testing.T) {
	for _, s := range []string{"", " ", "a", "A", "  Saal   1 ", "Room\t1\n", "x\vy\fz", "MiXeD  Case ", "already clean", " lead", "trail "} {
		got, ok := asciiKey(s)
		want := strings.Join(strings.Fields(strings.ToLower(s)), " ")
		if !ok || got != want {
			t.Errorf("asciiKey(%q) = %q, %v; want %q", s, got, ok, want)
		}
	}
}

// TestSameName: SameName agrees with comparing NameKeys, on every pair of
// a list of names that differ in case, spacing, Unicode form and words.
func TestSameName(t *testing.T) {
	names := []string{"", " ", "Jane Doe", "jane  doe", " JANE\tDOE ", "Jane Does", "Jane", "Doe Jane",
		"Bernd Rücker", "bernd rücker", "Bernd Ru\u0308cker", "Straße", "STRASSE", "K", "\u212a", "a b", "ab"}
	for _, a := range names {
		for _, b := range names {
			if got, want := SameName(a, b), NameKey(a) == NameKey(b); got != want {
				t.Errorf("SameName(%q, %q) = %v, want %v (NameKey %q, %q)", a, b, got, want, NameKey(a), NameKey(b))
			}
		}
	}
}
