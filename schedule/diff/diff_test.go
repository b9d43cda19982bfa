package diff

import (
	"os"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/schedkit/schedkit/schedule"
)

// loadSide loads one side of a comparison from schedkit YAML and
// canonicalises its rooms, as schedkit diff does before comparing.
func loadSide(t *testing.T, name, src string) *schedule.Schedule {
	t.Helper()
	s, diags := schedule.Load(name, []byte(src), schedule.LoadOptions{})
	if s == nil || schedule.HasErrors(diags) {
		t.Fatalf("%s does not load: %v", name, diags)
	}
	schedule.Normalize(s)
	return s
}

const (
	conf  = "conference: {name: D, id: d, timezone: Europe/Berlin}\n"
	track = "tracks:\n  - name: T\n    date: 2024-05-01\n    sessions:\n"
)

// change is the FieldChange of field from old to new.
func change(field, old, new string) FieldChange { return FieldChange{Field: field, Old: old, New: new} }

// result fills in the empty lists Compare gives.
func result(r Result) *Result {
	for _, l := range []*[]FieldChange{&r.Conference} {
		if *l == nil {
			*l = []FieldChange{}
		}
	}
	if r.Tracks == nil {
		r.Tracks = []TrackChange{}
	}
	if r.Days == nil {
		r.Days = []DayChange{}
	}
	if r.Added == nil {
		r.Added = []SessionRef{}
	}
	if r.Removed == nil {
		r.Removed = []SessionRef{}
	}
	if r.Changed == nil {
		r.Changed = []SessionChange{}
	}
	if r.Paired == nil {
		r.Paired = []Pairing{}
	}
	return &r
}

// TestCompare: pairing of duplicate ids, rooms as validate canonicalises
// them, lists item by item, conference fields, and the order of the
// result.
func TestCompare(t *testing.T) {
	long := strings.Repeat("All work and no play makes Jack a dull boy. ", 4)
	for _, tc := range []struct {
		name     string
		old, new string
		want     *Result
	}{{
		name: "second use of a duplicate id moved",
		old: conf + track + `
      - {id: x, title: First, room: A, start: "10:00", end: "11:00", speakers: [Ann]}
      - {id: x, title: Second, room: B, start: "12:00", end: "13:00", speakers: [Bob]}`,
		new: conf + track + `
      - {id: x, title: First, room: A, start: "10:00", end: "11:00", speakers: [Ann]}
      - {id: x, title: Second, room: B, start: "15:00", end: "16:00", speakers: [Carl]}`,
		want: result(Result{Changed: []SessionChange{{ID: "x", Title: "Second", Index: 1, Fields: []FieldChange{
			change("start", "2024-05-01 12:00 CEST", "2024-05-01 15:00 CEST"),
			change("end", "2024-05-01 13:00 CEST", "2024-05-01 16:00 CEST"),
			change("speakers", "Bob", "Carl"),
		}}}}),
	}, {
		name: "duplicate ids reordered are the same",
		old: conf + track + `
      - {id: x, title: First, room: A, start: "10:00", end: "11:00"}
      - {id: x, title: Second, room: B, start: "12:00", end: "13:00"}`,
		new: conf + track + `
      - {id: x, title: Second, room: B, start: "12:00", end: "13:00"}
      - {id: x, title: First, room: A, start: "10:00", end: "11:00"}`,
		want: result(Result{}),
	}, {
		name: "a third use is added, a use dropped is removed",
		old: conf + track + `
      - {id: x, title: First, room: A, start: "10:00", end: "11:00"}
      - {id: x, title: Second, room: B, start: "12:00", end: "13:00"}
      - {id: y, title: Why, room: B, start: "09:00", end: "10:00"}
      - {id: y, title: Why Not, room: B, start: "13:00", end: "14:00"}`,
		new: conf + track + `
      - {id: x, title: First, room: A, start: "10:00", end: "11:00"}
      - {id: x, title: Second, room: B, start: "12:00", end: "13:00"}
      - {id: x, title: Third, room: C, start: "14:00", end: "15:00"}
      - {id: y, title: Why Not, room: B, start: "13:00", end: "14:00"}`,
		want: result(Result{
			Added:   []SessionRef{{ID: "x", Title: "Third", Start: "2024-05-01 14:00 CEST", End: "2024-05-01 15:00 CEST", Room: "C", Index: 2}},
			Removed: []SessionRef{{ID: "y", Title: "Why", Start: "2024-05-01 09:00 CEST", End: "2024-05-01 10:00 CEST", Room: "B", Index: 2}},
		}),
	}, {
		name: "the rest paired by start time, room and title",
		old: conf + track + `
      - {id: x, title: Late, room: A, start: "14:00", end: "15:00"}
      - {id: x, title: Early, room: A, start: "10:00", end: "11:00"}`,
		new: conf + track + `
      - {id: x, title: Early, room: A, start: "10:30", end: "11:00"}
      - {id: x, title: Late, room: A, start: "14:30", end: "15:00"}`,
		want: result(Result{Changed: []SessionChange{
			{ID: "x", Title: "Early", Index: 0, Fields: []FieldChange{change("start", "2024-05-01 10:00 CEST", "2024-05-01 10:30 CEST")}},
			{ID: "x", Title: "Late", Index: 1, Fields: []FieldChange{change("start", "2024-05-01 14:00 CEST", "2024-05-01 14:30 CEST")}},
		}}),
	}, {
		name: "the rest paired by guid first",
		old: conf + track + `
      - {id: x, guid: 00000000-0000-4000-8000-000000000001, title: One, room: A, start: "10:00", end: "11:00"}
      - {id: x, guid: 00000000-0000-4000-8000-000000000002, title: Two, room: A, start: "11:00", end: "12:00"}`,
		new: conf + track + `
      - {id: x, guid: 00000000-0000-4000-8000-000000000002, title: Two, room: A, start: "10:00", end: "11:00"}
      - {id: x, guid: 00000000-0000-4000-8000-000000000001, title: One, room: A, start: "11:00", end: "12:00"}`,
		want: result(Result{Changed: []SessionChange{
			{ID: "x", Title: "Two", Index: 0, Fields: []FieldChange{
				change("start", "2024-05-01 11:00 CEST", "2024-05-01 10:00 CEST"),
				change("end", "2024-05-01 12:00 CEST", "2024-05-01 11:00 CEST"),
			}},
			{ID: "x", Title: "One", Index: 1, Fields: []FieldChange{
				change("start", "2024-05-01 10:00 CEST", "2024-05-01 11:00 CEST"),
				change("end", "2024-05-01 11:00 CEST", "2024-05-01 12:00 CEST"),
			}},
		}}),
	}, {
		name: "room alias is the registry name",
		old: conf + "rooms: [{name: Hall A, aliases: [Big Hall]}]\n" + track + `
      - {id: x, title: X, room: Big Hall, start: "10:00", end: "11:00"}`,
		new: conf + "rooms: [{name: Hall A, aliases: [Big Hall]}]\n" + track + `
      - {id: x, title: X, room: Hall A, start: "10:00", end: "11:00"}`,
		want: result(Result{}),
	}, {
		name: "room moved to another registry room",
		old: conf + "rooms: [{name: Hall A, aliases: [Big Hall]}, Hall B]\n" + track + `
      - {id: x, title: X, room: Big Hall, start: "10:00", end: "11:00"}`,
		new: conf + "rooms: [{name: Hall A, aliases: [Big Hall]}, Hall B]\n" + track + `
      - {id: x, title: X, room: hall b, start: "10:00", end: "11:00"}`,
		want: result(Result{Changed: []SessionChange{{ID: "x", Title: "X", Fields: []FieldChange{change("room", "Hall A", "Hall B")}}}}),
	}, {
		name: "speakers element by element",
		old: conf + track + `
      - {id: x, title: X, start: "10:00", end: "11:00", speakers: ["Ann, Bob"]}`,
		new: conf + track + `
      - {id: x, title: X, start: "10:00", end: "11:00", speakers: [Ann, Bob]}`,
		want: result(Result{Changed: []SessionChange{{ID: "x", Title: "X", Fields: []FieldChange{change("speakers", `"Ann, Bob"`, `"Ann", "Bob"`)}}}}),
	}, {
		name: "affiliation is not part of the name",
		old: conf + track + `
      - {id: x, title: X, start: "10:00", end: "11:00", speakers: ["Ann (ACME)"]}`,
		new: conf + track + `
      - {id: x, title: X, start: "10:00", end: "11:00", speakers: [{name: Ann, affiliation: ACME}]}`,
		want: result(Result{Changed: []SessionChange{{ID: "x", Title: "X", Fields: []FieldChange{change("speakers", `"Ann (ACME)"`, `"Ann" ("ACME")`)}}}}),
	}, {
		name: "speakers that print differently stay joined",
		old: conf + track + `
      - {id: x, title: X, start: "10:00", end: "11:00", speakers: [{name: Ann, affiliation: ACME}]}`,
		new: conf + track + `
      - {id: x, title: X, start: "10:00", end: "11:00", speakers: [{name: Ann, affiliation: ACME}, Kim]}`,
		want: result(Result{Changed: []SessionChange{{ID: "x", Title: "X", Fields: []FieldChange{change("speakers", "Ann (ACME)", "Ann (ACME), Kim")}}}}),
	}, {
		name: "speaker ids are not compared, as before",
		old: conf + track + `
      - {id: x, title: X, start: "10:00", end: "11:00", speakers: [{name: Ann, id: "1"}]}`,
		new: conf + track + `
      - {id: x, title: X, start: "10:00", end: "11:00", speakers: [{name: Ann, id: "2"}]}`,
		want: result(Result{}),
	}, {
		name: "tags element by element",
		old: conf + track + `
      - {id: x, title: X, start: "10:00", end: "11:00", tags: ["a, b"]}`,
		new: conf + track + `
      - {id: x, title: X, start: "10:00", end: "11:00", tags: [a, b]}`,
		want: result(Result{Changed: []SessionChange{{ID: "x", Title: "X", Fields: []FieldChange{change("tags", `"a, b"`, `"a", "b"`)}}}}),
	}, {
		name: "long values are whole: shortening is for the text output",
		old: conf + track + `
      - {id: x, title: X, start: "10:00", end: "11:00", abstract: "` + long + `Old."}`,
		new: conf + track + `
      - {id: x, title: X, start: "10:00", end: "11:00", abstract: "` + long + `New."}`,
		want: result(Result{Changed: []SessionChange{{ID: "x", Title: "X", Fields: []FieldChange{change("abstract", long+"Old.", long+"New.")}}}}),
	}, {
		name: "the same instants in another zone",
		old: conf + track + `
      - {id: x, title: X, start: "10:00", end: "11:00"}`,
		new: "conference: {name: D, id: d, timezone: Europe/London}\n" + track + `
      - {id: x, title: X, start: "09:00", end: "10:00"}`,
		want: result(Result{Conference: []FieldChange{change("timezone", "Europe/Berlin", "Europe/London")}}),
	}, {
		name: "conference fields; a new id changes derived guids",
		old: conf + track + `
      - {id: x, title: X, start: "10:00", end: "11:00"}
      - {id: y, title: Y, guid: 00000000-0000-4000-8000-000000000001, start: "11:00", end: "12:00"}`,
		new: "conference: {name: E, id: e, timezone: Europe/Berlin, url: https://e.example}\n" + track + `
      - {id: x, title: X, start: "10:00", end: "11:00"}
      - {id: y, title: Y, guid: 00000000-0000-4000-8000-000000000001, start: "11:00", end: "12:00"}`,
		want: result(Result{
			Conference: []FieldChange{change("name", "D", "E"), change("id", "d", "e"), change("url", "", "https://e.example")},
			Changed: []SessionChange{{ID: "x", Title: "X", Fields: []FieldChange{
				change("guid", schedule.DerivedGUID("d", "x"), schedule.DerivedGUID("e", "x")),
			}}},
		}),
	}, {
		name: "ids differ: paired by guid, then by title and start",
		old: conf + track + `
      - {id: "884", guid: 0f8fad5b-d9cb-469f-a165-70867728950e, title: Dup, start: "09:00", end: "10:00"}
      - {id: welcome, title: Welcome, start: "10:00", end: "11:00"}
      - {id: gone, title: Gone, start: "12:00", end: "13:00"}`,
		new: conf + track + `
      - {id: "346835636", guid: 0f8fad5b-d9cb-469f-a165-70867728950e, title: Dup, start: "09:00", end: "10:00"}
      - {id: program-welcome, title: Welcome, start: "10:00", end: "11:00"}
      - {id: other, title: Gone, start: "12:30", end: "13:00"}`,
		want: result(Result{
			Added:   []SessionRef{{ID: "other", Title: "Gone", Start: "2024-05-01 12:30 CEST", End: "2024-05-01 13:00 CEST", Index: 2}},
			Removed: []SessionRef{{ID: "gone", Title: "Gone", Start: "2024-05-01 12:00 CEST", End: "2024-05-01 13:00 CEST", Index: 2}},
			Changed: []SessionChange{{ID: "program-welcome", Title: "Welcome", Index: 1, Fields: []FieldChange{
				change("guid", schedule.DerivedGUID("d", "welcome"), schedule.DerivedGUID("d", "program-welcome")),
			}}},
			Paired: []Pairing{
				{OldID: "884", NewID: "346835636", Title: "Dup", By: ByGUID},
				{OldID: "welcome", NewID: "program-welcome", Title: "Welcome", By: ByTitleStart},
			},
		}),
	}, {
		name: "added and changed in the new file's order, removed in the old's",
		old: conf + track + `
      - {id: a, title: A, start: "09:00", end: "10:00"}
      - {id: b, title: B, start: "10:00", end: "11:00"}
      - {id: c, title: C, start: "11:00", end: "12:00"}
      - {id: d, title: D, start: "12:00", end: "13:00"}`,
		new: conf + track + `
      - {id: e, title: E, start: "08:00", end: "09:00"}
      - {id: c, title: C2, start: "11:00", end: "12:00"}
      - {id: f, title: F, start: "13:00", end: "14:00"}
      - {id: a, title: A2, start: "09:00", end: "10:00"}`,
		want: result(Result{
			Added: []SessionRef{
				{ID: "e", Title: "E", Start: "2024-05-01 08:00 CEST", End: "2024-05-01 09:00 CEST", Index: 0},
				{ID: "f", Title: "F", Start: "2024-05-01 13:00 CEST", End: "2024-05-01 14:00 CEST", Index: 2},
			},
			Removed: []SessionRef{
				{ID: "b", Title: "B", Start: "2024-05-01 10:00 CEST", End: "2024-05-01 11:00 CEST", Index: 1},
				{ID: "d", Title: "D", Start: "2024-05-01 12:00 CEST", End: "2024-05-01 13:00 CEST", Index: 3},
			},
			Changed: []SessionChange{
				{ID: "c", Title: "C2", Index: 1, Fields: []FieldChange{change("title", "C", "C2")}},
				{ID: "a", Title: "A2", Index: 3, Fields: []FieldChange{change("title", "A", "A2")}},
			},
		}),
	}, {
		name: "track renamed: the track once, each of its sessions",
		old: conf + `tracks:
  - {id: t1, name: Old, date: 2024-05-01, sessions: [{id: a, title: A, start: "09:00", end: "10:00"}, {id: b, title: B, start: "10:00", end: "11:00"}]}
  - {id: t2, name: Other, date: 2024-05-01, sessions: [{id: c, title: C, start: "09:00", end: "10:00"}]}`,
		new: conf + `tracks:
  - {id: t1, name: New, date: 2024-05-01, sessions: [{id: a, title: A, start: "09:00", end: "10:00"}, {id: b, title: B2, start: "10:00", end: "11:00"}]}
  - {id: t2, name: Other, date: 2024-05-01, sessions: [{id: c, title: C, start: "09:00", end: "10:00"}]}`,
		want: result(Result{
			Tracks: []TrackChange{{ID: "t1", Change: KindChanged, Name: "New", Fields: []FieldChange{change("name", "Old", "New")}, Sessions: 2}},
			Changed: []SessionChange{
				{ID: "a", Title: "A", Index: 0, Fields: []FieldChange{change("track name", "Old", "New")}},
				{ID: "b", Title: "B2", Index: 1, Fields: []FieldChange{change("title", "B", "B2"), change("track name", "Old", "New")}},
			},
		}),
	}, {
		name: "track added and removed: its sessions moved",
		old: conf + `tracks:
  - {id: t1, name: One, date: 2024-05-01, sessions: [{id: a, title: A, start: "09:00", end: "10:00"}]}
  - {id: t2, name: Two, date: 2024-05-01, sessions: [{id: b, title: B, start: "09:00", end: "10:00"}]}`,
		new: conf + `tracks:
  - {id: t1, name: One, date: 2024-05-01, sessions: [{id: a, title: A, start: "09:00", end: "10:00"}]}
  - {id: t3, name: Three, date: 2024-05-01, sessions: [{id: b, title: B, start: "09:00", end: "10:00"}, {id: c, title: C, start: "10:00", end: "11:00"}]}`,
		want: result(Result{
			Tracks: []TrackChange{
				{ID: "t3", Change: KindAdded, Name: "Three", Fields: []FieldChange{}, Sessions: 2},
				{ID: "t2", Change: KindRemoved, Name: "Two", Fields: []FieldChange{}, Sessions: 1},
			},
			Added: []SessionRef{{ID: "c", Title: "C", Start: "2024-05-01 10:00 CEST", End: "2024-05-01 11:00 CEST", Index: 2}},
			Changed: []SessionChange{{ID: "b", Title: "B", Index: 1, Fields: []FieldChange{
				change("track", "t2", "t3"), change("track name", "Two", "Three"),
			}}},
		}),
	}, {
		name: "a track without sessions is not compared",
		old: conf + track + `
      - {id: a, title: A, start: "09:00", end: "10:00"}`,
		new: conf + track + `
      - {id: a, title: A, start: "09:00", end: "10:00"}
  - {name: Empty, date: 2024-05-01}`,
		want: result(Result{}),
	}, {
		name: "day_change moved: a night session changes day",
		old: "conference: {name: D, id: d, timezone: Europe/Berlin, day_change: \"04:00\"}\n" + track + `
      - {id: a, title: A, start: "20:00", end: "21:00"}
      - {id: n, title: Night, date: 2024-05-02, start: "04:30", end: "05:00"}`,
		new: "conference: {name: D, id: d, timezone: Europe/Berlin, day_change: \"05:00\"}\n" + track + `
      - {id: a, title: A, start: "20:00", end: "21:00"}
      - {id: n, title: Night, date: 2024-05-02, start: "04:30", end: "05:00"}`,
		want: result(Result{
			Conference: []FieldChange{change("day_change", "04:00", "05:00")},
			Days: []DayChange{{Date: "2024-05-01", Change: KindChanged, Start: "2024-05-01 05:00 CEST", End: "2024-05-02 04:59 CEST", Sessions: 2,
				Fields: []FieldChange{
					change("start", "2024-05-01 04:00 CEST", "2024-05-01 05:00 CEST"),
					change("end", "2024-05-02 03:59 CEST", "2024-05-02 04:59 CEST"),
				}}, {
				Date: "2024-05-02", Change: KindRemoved, Start: "2024-05-02 04:00 CEST", End: "2024-05-03 03:59 CEST", Fields: []FieldChange{}, Sessions: 1,
			}},
		}),
	}, {
		name: "day_change unset is midnight",
		old: conf + track + `
      - {id: a, title: A, start: "09:00", end: "10:00"}`,
		new: "conference: {name: D, id: d, timezone: Europe/Berlin, day_change: \"0:00\"}\n" + track + `
      - {id: a, title: A, start: "09:00", end: "10:00"}`,
		want: result(Result{}),
	}, {
		name: "listed days: bounds changed, a day added",
		old: `conference:
  {name: D, id: d, timezone: Europe/Berlin, days: [{date: 2024-05-01, start: "2024-05-01T11:00", end: "2024-05-02T04:00"}]}
` + track + `
      - {id: a, title: A, start: "12:00", end: "13:00"}`,
		new: `conference:
  name: D
  id: d
  timezone: Europe/Berlin
  days:
    - {date: 2024-05-01, start: "2024-05-01T10:00", end: "2024-05-02T04:00:00"}
    - {date: 2024-05-02, start: "2024-05-02T10:00", end: "2024-05-03T03:59:59"}
` + track + `
      - {id: a, title: A, start: "12:00", end: "13:00"}
      - {id: b, title: B, date: 2024-05-02, start: "12:00", end: "13:00"}`,
		want: result(Result{
			Days: []DayChange{{
				Date: "2024-05-01", Change: KindChanged, Start: "2024-05-01 10:00 CEST", End: "2024-05-02 04:00 CEST", Sessions: 1,
				Fields: []FieldChange{change("start", "2024-05-01 11:00 CEST", "2024-05-01 10:00 CEST")},
			}, {
				Date: "2024-05-02", Change: KindAdded, Start: "2024-05-02 10:00 CEST", End: "2024-05-03 03:59 CEST", Fields: []FieldChange{}, Sessions: 1,
			}},
			Added: []SessionRef{{ID: "b", Title: "B", Start: "2024-05-02 12:00 CEST", End: "2024-05-02 13:00 CEST", Index: 1}},
		}),
	}, {
		name: "day_change of no session's day is not compared",
		old: `conference:
  {name: D, id: d, timezone: Europe/Berlin, days: [{date: 2024-05-01, start: "2024-05-01T11:00", end: "2024-05-02T04:00"}]}
` + track + `
      - {id: a, title: A, start: "12:00", end: "13:00"}`,
		new: `conference:
  {name: D, id: d, timezone: Europe/Berlin, day_change: "04:00", days: [{date: 2024-05-01, start: "2024-05-01T11:00", end: "2024-05-02T04:00"}]}
` + track + `
      - {id: a, title: A, start: "12:00", end: "13:00"}`,
		want: result(Result{}),
	}, {
		name: "day_change of a session's day not listed",
		old: `conference:
  {name: D, id: d, timezone: Europe/Berlin, days: [{date: 2024-05-01, start: "2024-05-01T11:00", end: "2024-05-02T04:00"}]}
` + track + `
      - {id: a, title: A, start: "12:00", end: "13:00"}
      - {id: b, title: B, date: 2024-05-02, start: "12:00", end: "13:00"}`,
		new: `conference:
  {name: D, id: d, timezone: Europe/Berlin, day_change: "04:00", days: [{date: 2024-05-01, start: "2024-05-01T11:00", end: "2024-05-02T04:00"}]}
` + track + `
      - {id: a, title: A, start: "12:00", end: "13:00"}
      - {id: b, title: B, date: 2024-05-02, start: "12:00", end: "13:00"}`,
		want: result(Result{
			Conference: []FieldChange{change("day_change", "00:00", "04:00")},
			Days: []DayChange{{Date: "2024-05-02", Change: KindChanged, Start: "2024-05-02 04:00 CEST", End: "2024-05-03 03:59 CEST", Sessions: 1,
				Fields: []FieldChange{
					change("start", "2024-05-02 00:00 CEST", "2024-05-02 04:00 CEST"),
					change("end", "2024-05-02 23:59 CEST", "2024-05-03 03:59 CEST"),
				}}},
		}),
	}, {
		name: "day end seconds apart",
		old: `conference:
  {name: D, id: d, timezone: Europe/Berlin, days: [{date: 2024-05-01, start: "2024-05-01T04:00", end: "2024-05-02T03:59"}]}
` + track + `
      - {id: a, title: A, start: "12:00", end: "13:00"}`,
		new: `conference:
  {name: D, id: d, timezone: Europe/Berlin, days: [{date: 2024-05-01, start: "2024-05-01T04:00", end: "2024-05-02T03:59:59"}]}
` + track + `
      - {id: a, title: A, start: "12:00", end: "13:00"}`,
		want: result(Result{Days: []DayChange{{
			Date: "2024-05-01", Change: KindChanged, Start: "2024-05-01 04:00 CEST", End: "2024-05-02 03:59 CEST", Sessions: 1,
			Fields: []FieldChange{change("end", "2024-05-02 03:59:00", "2024-05-02 03:59:59")},
		}}}),
	}, {
		name: "organizer",
		old: "conference: {name: D, id: d, timezone: Europe/Berlin, organizer: {name: Program, email: program@d.example}}\n" + track + `
      - {id: a, title: A, start: "09:00", end: "10:00"}`,
		new: "conference: {name: D, id: d, timezone: Europe/Berlin, organizer: {name: Program, email: \"mailto:info@d.example\"}}\n" + track + `
      - {id: a, title: A, start: "09:00", end: "10:00"}`,
		want: result(Result{Conference: []FieldChange{change("organizer", "Program <program@d.example>", "Program <info@d.example>")}}),
	}} {
		t.Run(tc.name, func(t *testing.T) {
			got := Compare(loadSide(t, "old.yaml", tc.old), loadSide(t, "new.yaml", tc.new))
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("Compare (-want +got):\n%s", diff)
			}
			if got, want := got.Same(), tc.want.Same(); got != want {
				t.Errorf("Same() = %v, want %v", got, want)
			}
		})
	}
}

// TestFields edits one thing of a session at a time: an edit of a field of
// the table is exactly that field's change (and a different content key,
// so that pairing does not take the two as identical); an edit of anything
// else is no change.
func TestFields(t *testing.T) {
	const src = conf + `rooms: [{name: Hall A}, {name: Hall B}]
tracks:
  - {name: T, id: t, date: 2024-05-01, sessions: [{id: other, title: O, start: "08:00", end: "09:00"}]}
  - name: U
    id: u
    date: 2024-05-01
    sessions:
      - id: x
        title: X
        subtitle: Sub
        room: Hall A
        start: "10:00"
        end: "11:00"
        type: talk
        status: confirmed
        speakers: [{name: Ann, affiliation: ACME, id: "7"}, Bob]
        abstract: About.
        url: https://x.example/x
        language: en
        tags: [a, b]
        description: Longer.
        links: [{title: Slides, url: https://x.example/slides}]
        attachments: [{title: Paper, url: https://x.example/paper.pdf}]
        do_not_record: true
        recording_license: CC BY 4.0
        slug: d-12-x
        logo: https://x.example/logo.png
        feedback_url: https://x.example/feedback
        origin_url: https://x.example/origin
        frab_type: Lecture
        frab_id: 12
`
	for _, tc := range []struct {
		name string
		edit func(s *schedule.Schedule, x *schedule.Session)
		want []FieldChange // nil: no change
	}{
		{"title", func(_ *schedule.Schedule, x *schedule.Session) { x.Title = "Y" }, []FieldChange{change("title", "X", "Y")}},
		{"subtitle", func(_ *schedule.Schedule, x *schedule.Session) { x.Subtitle = "" }, []FieldChange{change("subtitle", "Sub", "")}},
		{"track", func(s *schedule.Schedule, x *schedule.Session) { x.Track = s.Tracks[0] },
			[]FieldChange{change("track", "u", "t"), change("track name", "U", "T")}},
		{"track renamed", func(_ *schedule.Schedule, x *schedule.Session) { x.Track.Name = "New name" },
			[]FieldChange{change("track name", "U", "New name")}},
		{"track of the same name", func(s *schedule.Schedule, x *schedule.Session) {
			x.Track = &schedule.Track{ID: "v", Name: "U"}
		}, []FieldChange{change("track", "u", "v")}},
		{"to the placeholder of no track", func(s *schedule.Schedule, x *schedule.Session) {
			x.Track = &schedule.Track{ID: schedule.NoTrackID, Name: schedule.NoTrackName}
		}, []FieldChange{change("track", "u", ""), change("track name", "U", "")}},
		{"no track", func(_ *schedule.Schedule, x *schedule.Session) { x.Track = nil },
			[]FieldChange{change("track", "u", ""), change("track name", "U", "")}},
		{"room", func(_ *schedule.Schedule, x *schedule.Session) { x.Room = "Hall B" }, []FieldChange{change("room", "Hall A", "Hall B")}},
		{"start", func(_ *schedule.Schedule, x *schedule.Session) { x.Start = x.Start.Add(-time.Hour) },
			[]FieldChange{change("start", "2024-05-01 10:00 CEST", "2024-05-01 09:00 CEST")}},
		{"end", func(_ *schedule.Schedule, x *schedule.Session) { x.End = x.End.Add(time.Hour) },
			[]FieldChange{change("end", "2024-05-01 11:00 CEST", "2024-05-01 12:00 CEST")}},
		{"start, seconds apart", func(_ *schedule.Schedule, x *schedule.Session) { x.Start = x.Start.Add(30 * time.Second) },
			[]FieldChange{change("start", "2024-05-01 10:00:00 CEST +02:00", "2024-05-01 10:00:30 CEST +02:00")}},
		{"end, an abbreviation of another offset", func(_ *schedule.Schedule, x *schedule.Session) {
			x.End = time.Date(2024, 5, 1, 11, 0, 0, 0, time.FixedZone("CEST", 3600))
		}, []FieldChange{change("end", "2024-05-01 11:00:00 CEST +02:00", "2024-05-01 11:00:00 CEST +01:00")}},
		{"type", func(_ *schedule.Schedule, x *schedule.Session) { x.Type = "keynote" }, []FieldChange{change("type", "talk", "keynote")}},
		{"status", func(_ *schedule.Schedule, x *schedule.Session) { x.Status = "cancelled" }, []FieldChange{change("status", "confirmed", "cancelled")}},
		{"speakers", func(_ *schedule.Schedule, x *schedule.Session) { x.Speakers = x.Speakers[1:] },
			[]FieldChange{change("speakers", "Ann (ACME), Bob", "Bob")}},
		{"speaker affiliation", func(_ *schedule.Schedule, x *schedule.Session) { x.Speakers[1].Affiliation = "Uni" },
			[]FieldChange{change("speakers", "Ann (ACME), Bob", "Ann (ACME), Bob (Uni)")}},
		{"abstract", func(_ *schedule.Schedule, x *schedule.Session) { x.Abstract = "About!" }, []FieldChange{change("abstract", "About.", "About!")}},
		{"url", func(_ *schedule.Schedule, x *schedule.Session) { x.URL = "" }, []FieldChange{change("url", "https://x.example/x", "")}},
		{"language", func(_ *schedule.Schedule, x *schedule.Session) { x.Language = "de" }, []FieldChange{change("language", "en", "de")}},
		{"tags reordered", func(_ *schedule.Schedule, x *schedule.Session) { x.Tags = []string{"b", "a"} }, []FieldChange{change("tags", "a, b", "b, a")}},
		{"description", func(_ *schedule.Schedule, x *schedule.Session) { x.Description = "Longer!" },
			[]FieldChange{change("description", "Longer.", "Longer!")}},
		{"links", func(_ *schedule.Schedule, x *schedule.Session) { x.Links = nil },
			[]FieldChange{change("links", "Slides <https://x.example/slides>", "")}},
		{"link title", func(_ *schedule.Schedule, x *schedule.Session) {
			x.Links = []schedule.Link{{URL: "https://x.example/slides"}}
		},
			[]FieldChange{change("links", "Slides <https://x.example/slides>", "https://x.example/slides")}},
		{"attachments", func(_ *schedule.Schedule, x *schedule.Session) {
			x.Attachments = append(x.Attachments, schedule.Link{Title: "Code", URL: "https://x.example/code.tgz"})
		}, []FieldChange{change("attachments", "Paper <https://x.example/paper.pdf>", "Paper <https://x.example/paper.pdf>, Code <https://x.example/code.tgz>")}},
		{"do_not_record", func(_ *schedule.Schedule, x *schedule.Session) { x.DoNotRecord = false },
			[]FieldChange{change("do_not_record", "true", "false")}},
		{"recording_license", func(_ *schedule.Schedule, x *schedule.Session) { x.RecordingLicense = "" },
			[]FieldChange{change("recording_license", "CC BY 4.0", "")}},
		{"logo", func(_ *schedule.Schedule, x *schedule.Session) { x.Logo = "https://x.example/logo2.png" },
			[]FieldChange{change("logo", "https://x.example/logo.png", "https://x.example/logo2.png")}},
		{"logo to a path no frab writer writes", func(_ *schedule.Schedule, x *schedule.Session) { x.Logo = "/logo.png" },
			[]FieldChange{change("logo", "https://x.example/logo.png", "/logo.png")}},
		{"feedback_url", func(_ *schedule.Schedule, x *schedule.Session) { x.FeedbackURL = "" },
			[]FieldChange{change("feedback_url", "https://x.example/feedback", "")}},
		{"origin_url", func(_ *schedule.Schedule, x *schedule.Session) { x.OriginURL = "http://x.example/origin" },
			[]FieldChange{change("origin_url", "https://x.example/origin", "http://x.example/origin")}},
		{"guid", func(_ *schedule.Schedule, x *schedule.Session) { x.GUID = "00000000-0000-4000-8000-000000000009" },
			[]FieldChange{change("guid", schedule.DerivedGUID("d", "x"), "00000000-0000-4000-8000-000000000009")}},
		{"every field at once", func(s *schedule.Schedule, x *schedule.Session) {
			*x = schedule.Session{ID: "x", Title: "Y", Track: s.Tracks[0], GUID: "00000000-0000-4000-8000-000000000009"}
		}, []FieldChange{
			change("title", "X", "Y"), change("subtitle", "Sub", ""), change("track", "u", "t"), change("track name", "U", "T"), change("room", "Hall A", ""),
			change("start", "2024-05-01 10:00 CEST", ""), change("end", "2024-05-01 11:00 CEST", ""),
			change("type", "talk", ""), change("status", "confirmed", ""), change("speakers", "Ann (ACME), Bob", ""),
			change("abstract", "About.", ""), change("description", "Longer.", ""), change("url", "https://x.example/x", ""), change("language", "en", ""),
			change("tags", "a, b", ""), change("links", "Slides <https://x.example/slides>", ""),
			change("attachments", "Paper <https://x.example/paper.pdf>", ""), change("do_not_record", "true", "false"),
			change("recording_license", "CC BY 4.0", ""), change("logo", "https://x.example/logo.png", ""),
			change("feedback_url", "https://x.example/feedback", ""), change("origin_url", "https://x.example/origin", ""),
			change("guid", schedule.DerivedGUID("d", "x"), "00000000-0000-4000-8000-000000000009"),
		}},

		{"the derived guid written out", func(_ *schedule.Schedule, x *schedule.Session) { x.GUID = schedule.DerivedGUID("d", "x") }, nil},
		{"room spelled otherwise", func(_ *schedule.Schedule, x *schedule.Session) { x.Room = " hall  a" }, nil},
		{"the same instant in another zone", func(_ *schedule.Schedule, x *schedule.Session) { x.Start = x.Start.UTC() }, nil},
		{"speaker id", func(_ *schedule.Schedule, x *schedule.Session) { x.Speakers[0].ID = "8" }, nil},
		{"frab id", func(_ *schedule.Schedule, x *schedule.Session) { x.FrabID = 13 }, nil},
		{"slug", func(_ *schedule.Schedule, x *schedule.Session) { x.Slug = "d-12-y" }, nil},
		{"frab_type", func(_ *schedule.Schedule, x *schedule.Session) { x.SourceType = "Talk" }, nil},
		{"calendar uid", func(_ *schedule.Schedule, x *schedule.Session) { x.UID = "x@example" }, nil},
		{"implicit id", func(_ *schedule.Schedule, x *schedule.Session) { x.ImplicitID = true }, nil},
		{"positions", func(_ *schedule.Schedule, x *schedule.Session) { x.Pos, x.FieldPos = schedule.Pos{}, nil }, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			old, new := loadSide(t, "old.yaml", src), loadSide(t, "new.yaml", src)
			o, n := old.Sessions[1], new.Sessions[1]
			tc.edit(new, n)
			if diff := cmp.Diff(tc.want, Changes(old, o, new, n)); diff != "" {
				t.Errorf("Changes (-want +got):\n%s", diff)
			}
			if got, want := Changed(old, o, new, n), tc.want != nil; got != want {
				t.Errorf("Changed = %v, want %v", got, want)
			}
			if got, want := contentKey(old, o) != contentKey(new, n), tc.want != nil; got != want {
				t.Errorf("content keys differ: %v, want %v", got, want)
			}
		})
	}
}

// TestNoTrack: a session of no track and one on the placeholder track
// that readers give such sessions (schedule.IsNoTrack) are the same, as
// writers write no track for either; a track of the schedule's own that is
// only called no-track is a track.
func TestNoTrack(t *testing.T) {
	s := &schedule.Schedule{Conference: schedule.Conference{ID: "d"}}
	for _, tc := range []struct {
		name string
		old  *schedule.Track
		new  *schedule.Track
		want []FieldChange
	}{
		{"none and the placeholder", nil, &schedule.Track{ID: schedule.NoTrackID, Name: schedule.NoTrackName}, nil},
		{"a track called no-track", nil, &schedule.Track{ID: schedule.NoTrackID, Name: "Other"},
			[]FieldChange{change("track", "", schedule.NoTrackID), change("track name", "", "Other")}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			o := &schedule.Session{ID: "x", Title: "X", Track: tc.old}
			n := &schedule.Session{ID: "x", Title: "X", Track: tc.new}
			if diff := cmp.Diff(tc.want, Changes(s, o, s, n)); diff != "" {
				t.Errorf("Changes (-want +got):\n%s", diff)
			}
		})
	}
}

// TestFieldNames pins the table's order, which is the order of changes in
// the output, and checks that no two fields share a name.
func TestFieldNames(t *testing.T) {
	var got []string
	for _, f := range Fields() {
		got = append(got, f.Name)
	}
	want := []string{"title", "subtitle", "track", "track name", "room", "start", "end", "type", "status", "speakers", "abstract", "description", "url", "language", "tags",
		"links", "attachments", "do_not_record", "recording_license", "logo", "feedback_url", "origin_url", "guid"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Fields (-want +got):\n%s", diff)
	}
}

// TestCompareDoesNotMutate: Compare leaves both schedules as loaded, also
// when it sorts the uses of a duplicate id and when rooms are spelled
// differently (canonicalising is the caller's business).
func TestCompareDoesNotMutate(t *testing.T) {
	old := conf + "rooms: [{name: Hall A, aliases: [Big Hall]}]\n" + track + `
      - {id: x, title: Late, room: Big Hall, start: "14:00", end: "15:00", speakers: [Ann], tags: [b, a]}
      - {id: x, title: Early, room: hall a, start: "10:00", end: "11:00"}
      - {id: y, title: Y, start: "11:00", end: "12:00"}`
	new := conf + "rooms: [{name: Hall A, aliases: [Big Hall]}]\n" + track + `
      - {id: x, title: Early, room: HALL A, start: "10:30", end: "11:00"}
      - {id: x, title: Late, room: Big Hall, start: "14:30", end: "15:00"}
      - {id: z, title: Z, start: "11:00", end: "12:00"}`
	load := func(name, src string) *schedule.Schedule {
		s, diags := schedule.Load(name, []byte(src), schedule.LoadOptions{})
		if s == nil {
			t.Fatalf("%s: %v", name, diags)
		}
		return s
	}
	o, n := load("old.yaml", old), load("new.yaml", new)
	r := Compare(o, n)
	if r.Same() {
		t.Fatal("Compare found no difference; the test compares nothing")
	}
	same := cmp.Comparer(func(a, b *time.Location) bool { return a.String() == b.String() })
	if diff := cmp.Diff(load("old.yaml", old), o, same); diff != "" {
		t.Errorf("Compare changed old (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(load("new.yaml", new), n, same); diff != "" {
		t.Errorf("Compare changed new (-want +got):\n%s", diff)
	}
}

func TestDuplicateIDs(t *testing.T) {
	s := loadSide(t, "dup.yaml", conf+track+`
      - {id: a, title: A1, start: "09:00", end: "10:00"}
      - {id: b, title: B1, start: "09:00", end: "10:00"}
      - {id: b, title: B2, start: "10:00", end: "11:00"}
      - {id: c, title: C, start: "10:00", end: "11:00"}
      - {id: a, title: A2, start: "11:00", end: "12:00"}
      - {id: b, title: B3, start: "11:00", end: "12:00"}`)
	want := []DuplicateID{{"b", 3}, {"a", 2}}
	if diff := cmp.Diff(want, DuplicateIDs(s)); diff != "" {
		t.Errorf("DuplicateIDs (-want +got):\n%s", diff)
	}
	if got := DuplicateIDs(loadSide(t, "one.yaml", conf+track+`
      - {id: a, title: A, start: "09:00", end: "10:00"}`)); got != nil {
		t.Errorf("DuplicateIDs of unique ids = %v, want nil", got)
	}
}

// TestCompareFixtures: every fixture compared with itself loaded
// again is the same.
func TestCompareFixtures(t *testing.T) {
	for _, file := range []string{"../../testdata/qcon-ny-2019.yaml", "../../testdata/ics/dst-berlin-2024.yaml", "../../testdata/ics/multiday-newyear.yaml", "../../testdata/ics/nasty-text.yaml"} {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		r := Compare(loadSide(t, file, string(data)), loadSide(t, file, string(data)))
		if diff := cmp.Diff(result(Result{}), r); diff != "" {
			t.Errorf("%s against itself (-want +got):\n%s", file, diff)
		}
	}
}

// TestEventChanged: what gives a calendar event a new SEQUENCE is a change
// of a field the event shows (Field.InEvent). The description shows only
// in the DESCRIPTION of a session without an abstract (Session.Text); the
// recording opt-out, links, attachments and frab's logo and URLs no event
// shows, so diff reports them (Changed) and the ics state does not bump.
func TestEventChanged(t *testing.T) {
	base := schedule.Session{ID: "x", Title: "X", Abstract: "About.", Description: "Longer."}
	s := &schedule.Schedule{Conference: schedule.Conference{ID: "d"}}
	for _, tc := range []struct {
		name               string
		edit               func(x *schedule.Session)
		wantEvent, wantAny bool
	}{
		{"nothing", func(x *schedule.Session) {}, false, false},
		{"title", func(x *schedule.Session) { x.Title = "Y" }, true, true},
		{"description under an abstract", func(x *schedule.Session) { x.Description = "Longer!" }, false, true},
		{"description without an abstract", func(x *schedule.Session) { x.Abstract, x.Description = "", "Longer!" }, true, true},
		{"abstract dropped, the description shown instead", func(x *schedule.Session) { x.Abstract = "" }, true, true},
		{"do_not_record", func(x *schedule.Session) { x.DoNotRecord = true }, false, true},
		{"recording_license", func(x *schedule.Session) { x.RecordingLicense = "CC0" }, false, true},
		{"links", func(x *schedule.Session) { x.Links = []schedule.Link{{URL: "https://x.example"}} }, false, true},
		{"attachments", func(x *schedule.Session) { x.Attachments = []schedule.Link{{URL: "https://x.example"}} }, false, true},
		{"logo", func(x *schedule.Session) { x.Logo = "https://x.example/l.png" }, false, true},
		{"feedback_url", func(x *schedule.Session) { x.FeedbackURL = "https://x.example/f" }, false, true},
		{"origin_url", func(x *schedule.Session) { x.OriginURL = "https://x.example/o" }, false, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			o, n := base, base
			tc.edit(&n)
			if got := EventChanged(s, &o, s, &n); got != tc.wantEvent {
				t.Errorf("EventChanged = %v, want %v", got, tc.wantEvent)
			}
			if got := Changed(s, &o, s, &n); got != tc.wantAny {
				t.Errorf("Changed = %v, want %v", got, tc.wantAny)
			}
		})
	}
	var inEvent []string
	for _, f := range Fields() {
		if f.InEvent() {
			inEvent = append(inEvent, f.Name)
		}
	}
	want := []string{"title", "subtitle", "track", "track name", "room", "start", "end", "type", "status", "speakers", "abstract", "description", "url", "language", "tags", "guid"}
	if diff := cmp.Diff(want, inEvent); diff != "" {
		t.Errorf("fields in an event (-want +got):\n%s", diff)
	}
}

// TestWebURL: logo, feedback_url and origin_url are compared as the frab
// writers keep them, those matching ^https?://\S+$.
func TestWebURL(t *testing.T) {
	re := regexp.MustCompile(`^https?://\S+$`)
	for _, u := range []string{"", "https://x.example/l.png", "http://x", "https://", "http://", "ftp://x.example", "/system/logos/x.png",
		"https://x.example/a b", "https://x.example/a\tb", "https://x.example/\u00a0", " https://x.example", "HTTPS://x.example", "https://x.example/\n"} {
		want := ""
		if re.MatchString(u) {
			want = u
		}
		if got := webURL(u); got != want {
			t.Errorf("webURL(%q) = %q, want %q", u, got, want)
		}
	}
}
