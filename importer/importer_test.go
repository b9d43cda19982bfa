package importer

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
