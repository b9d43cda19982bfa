package schedule

import (
	"os"
	"strings"
	"testing"
)

// FuzzLoad feeds arbitrary bytes to Load and Validate. Whatever the input,
// they must not panic or hang, every diagnostic must carry a rule of the
// table and a position in the file, a nil schedule must come with a syntax
// error, and loading twice must give the same findings.
func FuzzLoad(f *testing.F) {
	if data, err := os.ReadFile("../testdata/qcon-ny-2019.yaml"); err == nil {
		f.Add(data)
	}
	for _, tt := range loadTests {
		f.Add(parseMarked("in.yaml", tt.in).src)
	}
	for _, tt := range validateTests {
		f.Add(parseMarked("in.yaml", tt.in).src)
	}
	f.Add([]byte("a: &a [x, x]\nb: &b [*a, *a]\ntracks: [*b]\n"))
	f.Add([]byte("{\"conference\": {\"name\": \"X\", \"timezone\": \"UTC\"}, \"tracks\": [{\"name\": \"T\", \"sessions\": [{\"title\": \"S\", \"start\": \"2024-01-01T10:00\", \"duration\": \"1h\"}]}]}"))
	f.Fuzz(func(t *testing.T, data []byte) {
		const file = "fuzz.yaml"
		s, diags := Load(file, data, LoadOptions{})
		if s == nil && !strings.Contains(lines(diags), "[syntax]") {
			t.Fatalf("nil schedule without a syntax error:\n%s", lines(diags))
		}
		if s != nil {
			if s.Location == nil {
				t.Fatal("nil Location")
			}
			diags = append(diags, Validate(s)...)
		}
		for _, d := range diags {
			checkDiagnostic(t, file, d)
		}
		if len(diags) > 0 && HasErrors(diags) != hasError(diags) {
			t.Fatal("HasErrors disagrees")
		}
		s2, diags2 := Load(file, data, LoadOptions{})
		if s2 != nil {
			diags2 = append(diags2, Validate(s2)...)
		}
		if a, b := lines(diags), lines(diags2); a != b {
			t.Fatalf("two loads differ:\n%s\n---\n%s", a, b)
		}
	})
}

func hasError(ds []Diagnostic) bool {
	for _, d := range ds {
		if d.Severity == Error {
			return true
		}
	}
	return false
}
