package jsonout

import (
	"bytes"
	"encoding/json"
	"github.com/schedkit/schedkit/internal/uuid"
	"maps"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/schedkit/schedkit/internal/testutil"
	"github.com/schedkit/schedkit/schedule"
)

func load(t *testing.T, name string) (*schedule.Schedule, []*schedule.Session) {
	t.Helper()
	s, _ := testutil.Fixture(t, name)
	return s, schedule.Filter{}.Select(s)
}

// TestRoundTrip decodes the output again: the document survives, every key
// is present, and start/end are the sessions' instants.
func TestRoundTrip(t *testing.T) {
	for _, name := range []string{"qcon-ny-2019.yaml", "csv/tricky.yaml"} {
		t.Run(name, func(t *testing.T) {
			s, sessions := load(t, name)
			var buf bytes.Buffer
			if err := Write(&buf, s, sessions); err != nil {
				t.Fatal(err)
			}
			var got Document
			dec := json.NewDecoder(bytes.NewReader(buf.Bytes()))
			dec.DisallowUnknownFields()
			if err := dec.Decode(&got); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(Build(s, sessions), got); diff != "" {
				t.Errorf("decoded document (-want +got):\n%s", diff)
			}
			if len(got.Sessions) != len(sessions) {
				t.Fatalf("%d sessions, want %d", len(got.Sessions), len(sessions))
			}
			for i, ss := range sessions {
				g := got.Sessions[i]
				if g.ID != ss.ID || g.Title != ss.Title {
					t.Errorf("session %d = %s %q, want %s %q", i, g.ID, g.Title, ss.ID, ss.Title)
				}
				for _, c := range []struct {
					v    *string
					want time.Time
				}{{g.Start, ss.Start}, {g.End, ss.End}} {
					at, err := time.Parse(time.RFC3339, *c.v)
					if err != nil || !at.Equal(c.want) || at.Format(time.RFC3339) != c.want.Format(time.RFC3339) {
						t.Errorf("%s: %q is not %v (%v)", ss.ID, *c.v, c.want, err)
					}
				}
				if want := int64(ss.Duration() / time.Minute); *g.DurationMin != want {
					t.Errorf("%s: duration_min %d, want %d", ss.ID, *g.DurationMin, want)
				}
			}
			// Every key present, even empty ones: a generic decode sees them.
			var generic struct{ Sessions []map[string]any }
			if err := json.Unmarshal(buf.Bytes(), &generic); err != nil {
				t.Fatal(err)
			}
			wantKeys := []string{"abstract", "date", "duration_min", "end", "frab_id", "guid", "id", "language", "links",
				"room", "speakers", "start", "status", "subtitle", "tags", "title", "track", "type", "url"}
			for _, m := range generic.Sessions {
				keys := slices.Sorted(maps.Keys(m))
				if diff := cmp.Diff(wantKeys, keys); diff != "" {
					t.Errorf("session %v keys (-want +got):\n%s", m["id"], diff)
				}
			}
			if strings.Contains(buf.String(), `\u003c`) {
				t.Error("HTML-escaped output")
			}
		})
	}
}

func TestUntimedAndEmpty(t *testing.T) {
	tr := &schedule.Track{ID: "t", Name: "T"}
	ss := &schedule.Session{ID: "x", Title: "Untimed", Track: tr}
	s := &schedule.Schedule{Tracks: []*schedule.Track{tr}}
	var buf bytes.Buffer
	if err := Write(&buf, s, []*schedule.Session{ss}); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"start": null`, `"duration_min": null`, `"speakers": []`, `"tags": []`, `"organizer": null`, `"timezone": "UTC"`} {
		if !strings.Contains(buf.String(), want) {
			t.Errorf("output lacks %s:\n%s", want, buf.String())
		}
	}
	buf.Reset()
	if err := Write(&buf, s, nil); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), `"sessions": []`) || !strings.Contains(buf.String(), `"tracks": []`) {
		t.Errorf("empty selection:\n%s", buf.String())
	}
}

// TestGUID: a session's own guid is kept; one without gets the UUIDv5 that
// the frab exports and import derive from the conference and session ids.
func TestGUID(t *testing.T) {
	tr := &schedule.Track{ID: "t", Name: "T"}
	s := &schedule.Schedule{Conference: schedule.Conference{ID: "conf2026"}, Tracks: []*schedule.Track{tr}}
	sessions := []*schedule.Session{
		{ID: "kept", Title: "Kept", Track: tr, GUID: "0f8fad5b-d9cb-469f-a165-70867728950e"},
		{ID: "derived", Title: "Derived", Track: tr},
	}
	var got []string
	for _, ss := range Build(s, sessions).Sessions {
		got = append(got, ss.GUID)
	}
	want := []string{
		"0f8fad5b-d9cb-469f-a165-70867728950e",
		// UUIDv5, URL namespace, of "urn:schedkit:conf2026:derived".
		schedule.DerivedGUID("conf2026", "derived"),
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("guids (-want +got):\n%s", diff)
	}
	if !uuid.Valid(got[1]) || got[1][14] != '5' {
		t.Errorf("derived guid %q is not a version 5 UUID", got[1])
	}
}
