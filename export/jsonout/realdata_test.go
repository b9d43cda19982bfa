package jsonexport

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/schedkit/schedkit/importer"
	"github.com/schedkit/schedkit/internal/testutil"
	"github.com/schedkit/schedkit/schedule"
)

// TestRealDataJSON exports the real schedules of ../shared/realdata and
// decodes them again strictly.
func TestRealDataJSON(t *testing.T) {
	dir := testutil.Shared(t, "realdata")
	for _, name := range []string{"36c3-merged.schedule.xml", "debconf23.schedule.xml", "fosdem-2025.schedule.xml", "jres-2022.ics", "pretalx-democon.schedule.json"} {
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join(dir, name))
			if err != nil {
				t.Fatal(err)
			}
			s, _, err := importer.Read("", name, data, schedule.LoadOptions{})
			if err != nil || s == nil {
				t.Fatalf("importer.Read: %v", err)
			}
			ss := schedule.Filter{}.Select(s)
			var buf bytes.Buffer
			if err := Write(&buf, s, ss); err != nil {
				t.Fatal(err)
			}
			var got Document
			dec := json.NewDecoder(&buf)
			dec.DisallowUnknownFields()
			if err := dec.Decode(&got); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(Build(s, ss), got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
			n := 0
			for _, tr := range got.Tracks {
				n += len(tr.Sessions)
			}
			if len(got.Sessions) != len(ss) || (n != len(ss) && len(s.Tracks) > 0) {
				t.Errorf("%d sessions, %d in tracks, want %d", len(got.Sessions), n, len(ss))
			}
		})
	}
}
