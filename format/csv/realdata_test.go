package csv

import (
	"bytes"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/schedkit/schedkit/internal/realdata"
	"github.com/schedkit/schedkit/schedule"
)

// TestRealDataRoundTrip exports the real schedules of ../shared/realdata
// (frab XML, pretalx JSON, iCalendar) as CSV and reads them back with
// encoding/csv: one row per session, every field as in the model (with the
// neutralising prefix by default), instants intact.
func TestRealDataRoundTrip(t *testing.T) {
	for _, name := range realdata.Schedules {
		t.Run(name, func(t *testing.T) {
			s, _ := realdata.Read(t, name)
			sessions := schedule.Filter{}.Select(s)
			if len(sessions) == 0 {
				t.Fatal("no sessions")
			}
			for _, raw := range []bool{true, false} {
				var buf bytes.Buffer
				if err := Write(&buf, s, sessions, Options{Raw: raw, Rows: RowsSession}); err != nil {
					t.Fatal(err)
				}
				recs := readAll(t, buf.Bytes(), ',')
				if len(recs)-1 != len(sessions) {
					t.Fatalf("raw=%v: %d rows, %d sessions", raw, len(recs)-1, len(sessions))
				}
				for i, ss := range sessions {
					want := Record(s, ss)
					if !raw {
						for j := range want {
							want[j] = NeutralizeColumn(j, want[j])
						}
					}
					if diff := cmp.Diff(want, recs[i+1]); diff != "" {
						t.Fatalf("raw=%v row %d (%s) (-want +got):\n%s", raw, i+1, ss.ID, diff)
					}
					if ss.Timed() {
						at, err := time.Parse(time.RFC3339, recs[i+1][ColStartISO])
						if err != nil || !at.Equal(ss.Start) {
							t.Fatalf("row %d: start_iso %q is not %v", i+1, recs[i+1][ColStartISO], ss.Start)
						}
					}
				}
			}
		})
	}
}
