package frab

import (
	"bytes"
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/schedkit/schedkit/internal/testutil"
)

// The keys that consumers of schedule.json read without checking that
// they are there (a Python dict lookup d["key"], or del d["key"]): a
// file without one makes them fail, although the c3voc JSON schema, which
// requires fewer, accepts it. Each list names where it comes from.
//
//   - pyfahrplan, pyfahrplan/lib.py Fahrplan.flatten_fahrplans
//     (github.com/saschalalala/pyfahrplan, commit c11a05cf): conference
//     title, acronym, days; day index, rooms; event title, id, start, date,
//     duration, description, abstract, track; and a person's public_name
//     (else full_public_name, else "": a speaker without it shows blank).
//   - c3voc schedule tools, voc/event.py (github.com/voc/schedule, commit
//     1990792a): Event.__init__ needs date (or start), id (or guid), title,
//     duration (or end); graphql() reads id, type, room, start, date,
//     duration, persons; voctoimport() deletes id, type, start, persons,
//     logo, subtitle; meta() deletes guid, slug, room, start, date,
//     duration, track and reads links. Event.persons reads a person's name,
//     else public_name. (meta() also deletes track_id, a field of the rC3
//     hub's own events that the schema does not define: not written.)
//   - the c3voc schedule.schema.json's required Event keys: abstract, date,
//     duration, guid, id, language, links, persons, room, slug, start,
//     subtitle, title, track, type, url; pretalx writes these and also
//     description, recording_license, do_not_record, attachments and logo
//     for every event, which the issue asks for too.
var (
	consumerConferenceKeys = []string{"title", "acronym", "days"}
	consumerDayKeys        = []string{"index", "date", "day_start", "day_end", "rooms"}
	consumerEventKeys      = []string{
		"guid", "id", "date", "start", "duration", "room", "slug", "url", "title", "subtitle",
		"track", "type", "language", "abstract", "description", "logo",
		"recording_license", "do_not_record", "persons", "links", "attachments",
	}
)

// missing returns the keys of want that m lacks.
func missing(m map[string]any, want []string) []string {
	var out []string
	for _, k := range want {
		if _, ok := m[k]; !ok {
			out = append(out, k)
		}
	}
	return out
}

// consumerProblems lists what a schedule.json lacks of the keys above.
func consumerProblems(data []byte) ([]string, int, error) {
	var f struct {
		Schedule struct {
			Conference map[string]any `json:"conference"`
		} `json:"schedule"`
	}
	if err := json.Unmarshal(data, &f); err != nil {
		return nil, 0, err
	}
	c := f.Schedule.Conference
	var problems []string
	if m := missing(c, consumerConferenceKeys); m != nil {
		problems = append(problems, fmt.Sprintf("conference lacks %v", m))
	}
	days, _ := c["days"].([]any)
	events := 0
	for i, d := range days {
		day, _ := d.(map[string]any)
		if m := missing(day, consumerDayKeys); m != nil {
			problems = append(problems, fmt.Sprintf("day %d lacks %v", i+1, m))
		}
		rooms, _ := day["rooms"].(map[string]any)
		for _, name := range slices.Sorted(maps.Keys(rooms)) {
			evs, _ := rooms[name].([]any)
			for _, e := range evs {
				events++
				ev, _ := e.(map[string]any)
				who := fmt.Sprintf("day %d, room %q, event %v", i+1, name, ev["id"])
				if m := missing(ev, consumerEventKeys); m != nil {
					problems = append(problems, fmt.Sprintf("%s lacks %v", who, m))
				}
				persons, _ := ev["persons"].([]any)
				for j, p := range persons {
					pm, _ := p.(map[string]any)
					if _, ok := pm["public_name"].(string); !ok {
						problems = append(problems, fmt.Sprintf("%s: person %d has no public_name (pyfahrplan shows a blank speaker)", who, j+1))
					}
					_, hasName := pm["name"]
					_, hasID := pm["id"]
					if !hasName && !hasID {
						problems = append(problems, fmt.Sprintf("%s: person %d has neither a name nor an id", who, j+1))
					}
				}
			}
		}
	}
	return problems, events, nil
}

// TestRealDataJSONConsumerKeys: every event `schedkit export frab-json`
// writes of the real files and the fixtures has the keys pyfahrplan and
// the c3voc tools read (see consumerEventKeys), and so do its conference,
// days and persons.
func TestRealDataJSONConsumerKeys(t *testing.T) {
	inputs := map[string][]byte{}
	for _, name := range []string{"mini.schedule.xml", "mini.schedule.json"} {
		b, err := os.ReadFile(filepath.Join(testutil.Root(), "testdata", "frab", name))
		if err != nil {
			t.Fatal(err)
		}
		inputs[name] = b
	}
	for _, name := range []string{"fosdem-2025.schedule.xml", "36c3-merged.schedule.xml", "debconf23.schedule.xml", "pretalx-democon.schedule.json"} {
		b, err := os.ReadFile(testutil.Shared(t, "realdata/"+name))
		if err != nil {
			t.Fatal(err)
		}
		inputs[name] = b
	}
	for _, name := range slices.Sorted(maps.Keys(inputs)) {
		t.Run(name, func(t *testing.T) {
			read := ReadXML
			if filepath.Ext(name) == ".json" {
				read = ReadJSON
			}
			s := mustRead(t, read, name, inputs[name])
			var out bytes.Buffer
			if err := WriteJSON(&out, s, s.Sessions); err != nil {
				t.Fatal(err)
			}
			problems, events, err := consumerProblems(out.Bytes())
			if err != nil {
				t.Fatal(err)
			}
			for i, p := range problems {
				if i == 20 {
					t.Errorf("and %d more", len(problems)-i)
					break
				}
				t.Error(p)
			}
			if events == 0 {
				t.Error("the export has no event to check")
			}
			t.Logf("%d events checked", events)
		})
	}
}

// TestConsumerProblems: the check finds what is missing.
func TestConsumerProblems(t *testing.T) {
	in := `{"schedule": {"conference": {"title": "T", "days": [{"index": 1, "date": "2024-01-01", "day_start": "", "day_end": "",
		"rooms": {"R": [{"id": 1, "title": "x", "persons": [{"name": "A"}, {"public_name": "B"}]}]}}]}}}`
	got, events, err := consumerProblems([]byte(in))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"conference lacks [acronym]",
		`day 1, room "R", event 1 lacks [guid date start duration room slug url subtitle track type language abstract description logo recording_license do_not_record links attachments]`,
		`day 1, room "R", event 1: person 1 has no public_name (pyfahrplan shows a blank speaker)`,
		`day 1, room "R", event 1: person 2 has neither a name nor an id`,
	}
	if events != 1 || !slices.Equal(got, want) {
		t.Errorf("consumerProblems = %d events,\n%q\nwant 1 event,\n%q", events, got, want)
	}
}
