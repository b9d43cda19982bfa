package slug

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestMake(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Microservices / Serverless", "microservices-serverless"},
		{"  Café Zürich  ", "cafe-zurich"},
		{"Straße", "strasse"},
		{"ﬁle №5", "file-no5"}, // NFKD: the ligature and № come apart
		{"--a--b--", "a-b"},
		{"日本語", ""},
		{"", ""},
		{"Track 2024", "track-2024"},
	}
	for _, tt := range tests {
		if got := Make(tt.in); got != tt.want {
			t.Errorf("Make(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestUnique(t *testing.T) {
	used := map[string]bool{"all": true}
	var got []string
	for _, base := range []string{"a", "a", "all", "a", "a-2", "b"} {
		got = append(got, Unique(used, base))
	}
	want := []string{"a", "a-2", "all-2", "a-3", "a-2-2", "b"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Unique (-want +got):\n%s", diff)
	}
}
