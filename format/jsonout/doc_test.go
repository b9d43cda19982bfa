package jsonout

import (
	"go/parser"
	"go/token"
	"strings"
	"testing"

	"github.com/schedkit/schedkit/internal/testutil"
)

// TestPackageDocSchema: the schema sketched in the package comment names
// exactly the keys Document is written with.
func TestPackageDocSchema(t *testing.T) {
	f, err := parser.ParseFile(token.NewFileSet(), "json.go", nil, parser.PackageClauseOnly|parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	var sketch []string
	for _, l := range strings.Split(f.Doc.Text(), "\n") {
		if strings.HasPrefix(l, "\t") { // the indented block: the sketch
			sketch = append(sketch, l)
		}
	}
	if len(sketch) == 0 {
		t.Fatal("the package comment has no indented schema sketch")
	}
	testutil.CheckSketch(t, "the package comment of json.go", strings.Join(sketch, "\n"), Document{})
}
