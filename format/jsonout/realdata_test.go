package jsonout

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/schedkit/schedkit/internal/realdata"
	"github.com/schedkit/schedkit/schedule"
)

// TestRealDataJSON exports the real schedules of ../shared/realdata and
// decodes them again strictly.
func TestRealDataJSON(t *testing.T) {
	for _, name := range realdata.Schedules {
		t.Run(name, func(t *testing.T) {
			s, _ := realdata.Read(t, name)
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
