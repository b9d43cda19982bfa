package format

import (
	"go/build"
	"os"
	"path"
	"strings"
	"testing"
)

// TestFormatPackagesStandAlone checks the layout's rule: a format package
// never imports another format package (what two formats share belongs to
// package schedule or internal/), so only this registry knows them all.
// Test files may: a reader's tests read fixtures written by another format.
func TestFormatPackagesStandAlone(t *testing.T) {
	const module = "github.com/schedkit/schedkit/"
	entries, err := os.ReadDir(".")
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, e := range entries {
		if !e.IsDir() || e.Name() == "testdata" {
			continue
		}
		pkg, err := build.ImportDir(e.Name(), 0)
		if err != nil {
			t.Fatalf("%s: %v", e.Name(), err)
		}
		n++
		for _, imp := range pkg.Imports {
			if rest, ok := strings.CutPrefix(imp, module+"format"); ok && rest != "" {
				t.Errorf("format/%s imports %s: a format package must not import another (share through schedule or internal/)", e.Name(), path.Base(imp))
			}
		}
	}
	if n < 7 {
		t.Errorf("found %d format packages; the test is looking in the wrong place", n)
	}
}
