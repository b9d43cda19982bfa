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
