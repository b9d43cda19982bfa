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

// FuzzFoldMarksKeepsASCII: the transforms Make skips for ASCII text leave
// every ASCII text as it is, so skipping them changes no slug.
func FuzzFoldMarksKeepsASCII(f *testing.F) {
	f.Add("Microservices / Serverless")
	f.Add("\x00\x7f~ `a\tb\r\n")
	f.Fuzz(func(t *testing.T, s string) {
		if !isASCII(s) {
			return
		}
		if got := foldMarks(s); got != s {
			t.Errorf("foldMarks(%q) = %q", s, got)
		}
	})
}

// TestFoldMarksKeepsASCII: every ASCII character, alone and in the text
// of all of them, comes out of the transforms as it went in.
func TestFoldMarksKeepsASCII(t *testing.T) {
	all := make([]byte, 128)
	for c := range all {
		all[c] = byte(c)
		if got := foldMarks(string(all[c : c+1])); got != string(all[c:c+1]) {
			t.Errorf("foldMarks(%q) = %q", all[c:c+1], got)
		}
	}
	if got := foldMarks(string(all)); got != string(all) {
		t.Errorf("foldMarks(%q) = %q", all, got)
	}
}
