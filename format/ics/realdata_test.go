package ics

import (
	"bytes"
	"os"
	"strings"
	"testing"
	"time"

	ical "github.com/arran4/golang-ical"
	"github.com/google/go-cmp/cmp"
	"github.com/schedkit/schedkit/format/frab"
	"github.com/schedkit/schedkit/internal/testutil"
	"github.com/schedkit/schedkit/schedule"
)

// TestRealDataInstants exports FOSDEM 2025 (frab XML) and pretalx DemoCon
// (schedule.json), reads the feeds back with golang-ical's parser and
// resolves every DTSTART/DTEND itself; each must be its session's instant.
func TestRealDataInstants(t *testing.T) {
	for _, name := range []string{"fosdem-2025.schedule.xml", "pretalx-democon.schedule.json"} {
		t.Run(name, func(t *testing.T) {
			read := frab.ReadXML
			if strings.HasSuffix(name, ".json") {
				read = frab.ReadJSON
			}
			data, err := os.ReadFile(testutil.Shared(t, "realdata/"+name))
			if err != nil {
				t.Fatal(err)
			}
			s, diags := read(name, data, schedule.LoadOptions{})
			if s == nil {
				t.Fatalf("%s cannot be read: %v", name, diags)
			}
			out := encode(t, s, s.Sessions, Options{})
			cal, err := ical.ParseCalendar(bytes.NewReader(out))
			if err != nil {
				t.Fatal(err)
			}
			type span struct{ Start, End time.Time }
			want, got := map[string]span{}, map[string]span{}
			for _, x := range s.Sessions {
				if x.Timed() {
					want[UID(s.Conference.ID, x.ID)] = span{x.Start.UTC(), x.End.UTC()}
				}
			}
			for _, ev := range cal.Events() {
				got[ev.Id()] = span{readTime(t, ev.GetProperty(ical.ComponentPropertyDtStart)), readTime(t, ev.GetProperty(ical.ComponentPropertyDtEnd))}
			}
			if len(want) < 30 {
				t.Fatalf("only %d timed sessions read from %s", len(want), name)
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("instants read back differ (-want +got):\n%s", diff)
			}
		})
	}
}
