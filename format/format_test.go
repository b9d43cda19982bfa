package format

import (
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
