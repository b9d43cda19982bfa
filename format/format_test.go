package format

import (
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestDetect(t *testing.T) {
	for _, tc := range []struct {
		name, file, data, want string
	}{
		{"FrabXML", "x", "\ufeff  <?xml version=\"1.0\"?><schedule/>", "frab-xml"},
		{"ICS", "x", "begin:vcalendar\r\n", "ics"},
		{"FrabJSON", "x.json", `{"$schema": "x", "schedule": {}}`, "frab-json"},
		{"OwnJSON", "x", `{"conference": {}}`, "yaml"},
		{"FrabJSONAfterGenerator", "x", `{"generator": {"name": "pretalx"}, "schedule": {}}`, "frab-json"},
		// A key schedule.json does not allow ends the search.
		{"OwnJSONWithScheduleKeyLater", "x", `{"tracks": [], "schedule": {}}`, "yaml"},
		{"YAMLAfterComments", "x.txt", "# c\n\nconference:\n", "yaml"},
		{"PageText", "x", "Track: Main\n10:00 - 11:00\nTalk\n", "text"},
		{"ExtensionDecidesUnknownContent", "x.ics", "hello\n", "ics"},
		// Empty input says nothing: the extension, else schedkit's own
		// format, whose loader reports an empty file (not "no session
		// found" from the program-page reader).
		{"EmptyStdin", "<stdin>", "", "yaml"},
		{"BlankNoExtension", "schedule", " \n\t\r\n", "yaml"},
		{"EmptyTxt", "program.txt", "", "text"},
		{"EmptyXML", "s.xml", "", "frab-xml"},
		{"JSONArray", "<stdin>", "[1, 2]", "yaml"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if diff := cmp.Diff(tc.want, Detect(tc.file, []byte(tc.data))); diff != "" {
				t.Errorf("Detect(%q, %q) (-want +got):\n%s", tc.file, tc.data, diff)
			}
		})
	}
}

func TestLookup(t *testing.T) {
	for _, tc := range []struct{ name, want string }{
		{"frab-json", ""},
		{"xml", `unknown input format "xml": use one of yaml, frab-xml, frab-json, ics, text (did you mean frab-xml?)`},
		{"JSON", `unknown input format "JSON": use one of yaml, frab-xml, frab-json, ics, text (did you mean yaml (schedkit's format, also as JSON) or frab-json (schedule.json)?)`},
		{"txt", `unknown input format "txt": use one of yaml, frab-xml, frab-json, ics, text (did you mean text?)`},
		{"frab-xm", `unknown input format "frab-xm": use one of yaml, frab-xml, frab-json, ics, text (did you mean frab-xml?)`},
		{"pdf", `unknown input format "pdf": use one of yaml, frab-xml, frab-json, ics, text`},
	} {
		f, err := Lookup(tc.name)
		got := ""
		if err != nil {
			got = err.Error()
		} else if f.Name != tc.name {
			got = "found " + f.Name
		}
		if diff := cmp.Diff(tc.want, got); diff != "" {
			t.Errorf("Lookup(%q) (-want +got):\n%s", tc.name, diff)
		}
	}
}

// TestFormatsImportNoFormat: no format package imports another outside its
// tests (the package documentation's rule); what one format needs of
// another, the command passes in (format/html gets format/ics's events
// through html.Options).
func TestFormatsImportNoFormat(t *testing.T) {
	dirs, err := os.ReadDir(".")
	if err != nil {
		t.Fatal(err)
	}
	const prefix = "github.com/schedkit/schedkit/format/"
	checked := 0
	for _, d := range dirs {
		if !d.IsDir() || d.Name() == "testdata" {
			continue
		}
		files, _ := filepath.Glob(filepath.Join(d.Name(), "*.go"))
		for _, f := range files {
			if strings.HasSuffix(f, "_test.go") {
				continue
			}
			file, err := parser.ParseFile(token.NewFileSet(), f, nil, parser.ImportsOnly)
			if err != nil {
				t.Fatal(err)
			}
			checked++
			for _, imp := range file.Imports {
				if p, _ := strconv.Unquote(imp.Path.Value); strings.HasPrefix(p, prefix) {
					t.Errorf("%s imports %s", f, p)
				}
			}
		}
	}
	if checked < 10 {
		t.Errorf("only %d files checked", checked)
	}
}
