package visible

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestEscape(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Hall A", "Hall A"},
		{"Ümläüte 🎤 山田", "Ümläüte 🎤 山田"},
		{"\x1b[2K\x1b[1A\r~ keynote: title", `\x1b[2K\x1b[1A\r~ keynote: title`},
		{"a\nb\tc", `a\nb\tc`},
		{"\u0085 C1 \u009b", `\u0085 C1 \u009b`},
		{"\x7f", `\x7f`},
		{"abc\u202edcba", `abc\u202edcba`},
		{"\u2066\u2067\u2068\u2069\u200e\u200f\u061c\u202a", `\u2066\u2067\u2068\u2069\u200e\u200f\u061c\u202a`},
		{"line\u2028sep\u2029", `line\u2028sep\u2029`},
		{"zwj 👩\u200d💻 kept", "zwj 👩\u200d💻 kept"},
	}
	for _, tc := range tests {
		if diff := cmp.Diff(tc.want, Escape(tc.in)); diff != "" {
			t.Errorf("Escape(%q) (-want +got):\n%s", tc.in, diff)
		}
	}
}

func TestName(t *testing.T) {
	tests := []struct{ in, want string }{
		{"schedule.yaml", "schedule.yaml"},
		{"<stdin>", "<stdin>"},
		{"dir/with space.yaml", "dir/with space.yaml"},
		{"x.yaml:1:1: error: forged [syntax]\ny.yaml", `"x.yaml:1:1: error: forged [syntax]\ny.yaml"`},
		{"evil\u202elmay.yaml", `"evil\u202elmay.yaml"`},
		{`quote".yaml`, `"quote\".yaml"`},
	}
	for _, tc := range tests {
		if diff := cmp.Diff(tc.want, Name(tc.in)); diff != "" {
			t.Errorf("Name(%q) (-want +got):\n%s", tc.in, diff)
		}
	}
}
