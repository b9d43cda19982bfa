package main

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/schedkit/schedkit/schedule"
)

// loadDiffSide loads one side of a diff test from schedkit YAML.
func loadDiffSide(t *testing.T, name, sessions string) *schedule.Schedule {
	t.Helper()
	src := "conference: {name: D, id: d, timezone: Europe/Berlin}\n" + sessions
	s, diags := schedule.Load(name, []byte(src), schedule.LoadOptions{})
	if s == nil || schedule.HasErrors(diags) {
		t.Fatalf("%s does not load: %v", name, diags)
	}
	return s
}

// TestDiffText compares schedules through diffSchedules and writeText:
// pairing of duplicate ids, rooms as validate canonicalises them, lists
// element by element, and long values shortened around their difference.
func TestDiffText(t *testing.T) {
	const track = "tracks:\n  - name: T\n    date: 2024-05-01\n    sessions:\n"
	long := strings.Repeat("All work and no play makes Jack a dull boy. ", 4)
	for _, tc := range []struct {
		name     string
		old, new string
		want     string
	}{{
		name: "second use of a duplicate id moved",
		old: track + `
      - {id: x, title: First, room: A, start: "10:00", end: "11:00", speakers: [Ann]}
      - {id: x, title: Second, room: B, start: "12:00", end: "13:00", speakers: [Bob]}`,
		new: track + `
      - {id: x, title: First, room: A, start: "10:00", end: "11:00", speakers: [Ann]}
      - {id: x, title: Second, room: B, start: "15:00", end: "16:00", speakers: [Carl]}`,
		want: `~ x: start "2024-05-01 12:00 CEST" → "2024-05-01 15:00 CEST"
~ x: end "2024-05-01 13:00 CEST" → "2024-05-01 16:00 CEST"
~ x: speakers "Bob" → "Carl"
`,
	}, {
		name: "duplicate ids reordered are the same",
		old: track + `
      - {id: x, title: First, room: A, start: "10:00", end: "11:00"}
      - {id: x, title: Second, room: B, start: "12:00", end: "13:00"}`,
		new: track + `
      - {id: x, title: Second, room: B, start: "12:00", end: "13:00"}
      - {id: x, title: First, room: A, start: "10:00", end: "11:00"}`,
		want: ``,
	}, {
		name: "a third use is added, a use dropped is removed",
		old: track + `
      - {id: x, title: First, room: A, start: "10:00", end: "11:00"}
      - {id: x, title: Second, room: B, start: "12:00", end: "13:00"}
      - {id: y, title: Why, room: B, start: "09:00", end: "10:00"}
      - {id: y, title: Why Not, room: B, start: "13:00", end: "14:00"}`,
		new: track + `
      - {id: x, title: First, room: A, start: "10:00", end: "11:00"}
      - {id: x, title: Second, room: B, start: "12:00", end: "13:00"}
      - {id: x, title: Third, room: C, start: "14:00", end: "15:00"}
      - {id: y, title: Why Not, room: B, start: "13:00", end: "14:00"}`,
		want: `+ x: added "Third" (2024-05-01 14:00 CEST–2024-05-01 15:00 CEST, C)
- y: removed "Why" (2024-05-01 09:00 CEST–2024-05-01 10:00 CEST, B)
`,
	}, {
		name: "the rest paired by start time, room and title",
		old: track + `
      - {id: x, title: Late, room: A, start: "14:00", end: "15:00"}
      - {id: x, title: Early, room: A, start: "10:00", end: "11:00"}`,
		new: track + `
      - {id: x, title: Early, room: A, start: "10:30", end: "11:00"}
      - {id: x, title: Late, room: A, start: "14:30", end: "15:00"}`,
		want: `~ x: start "2024-05-01 10:00 CEST" → "2024-05-01 10:30 CEST"
~ x: start "2024-05-01 14:00 CEST" → "2024-05-01 14:30 CEST"
`,
	}, {
		name: "the rest paired by guid first",
		old: track + `
      - {id: x, guid: 00000000-0000-4000-8000-000000000001, title: One, room: A, start: "10:00", end: "11:00"}
      - {id: x, guid: 00000000-0000-4000-8000-000000000002, title: Two, room: A, start: "11:00", end: "12:00"}`,
		new: track + `
      - {id: x, guid: 00000000-0000-4000-8000-000000000002, title: Two, room: A, start: "10:00", end: "11:00"}
      - {id: x, guid: 00000000-0000-4000-8000-000000000001, title: One, room: A, start: "11:00", end: "12:00"}`,
		want: `~ x: start "2024-05-01 11:00 CEST" → "2024-05-01 10:00 CEST"
~ x: end "2024-05-01 12:00 CEST" → "2024-05-01 11:00 CEST"
~ x: start "2024-05-01 10:00 CEST" → "2024-05-01 11:00 CEST"
~ x: end "2024-05-01 11:00 CEST" → "2024-05-01 12:00 CEST"
`,
	}, {
		name: "room alias is the registry name",
		old: "rooms: [{name: Hall A, aliases: [Big Hall]}]\n" + track + `
      - {id: x, title: X, room: Big Hall, start: "10:00", end: "11:00"}`,
		new: "rooms: [{name: Hall A, aliases: [Big Hall]}]\n" + track + `
      - {id: x, title: X, room: Hall A, start: "10:00", end: "11:00"}`,
		want: ``,
	}, {
		name: "room moved to another registry room",
		old: "rooms: [{name: Hall A, aliases: [Big Hall]}, Hall B]\n" + track + `
      - {id: x, title: X, room: Big Hall, start: "10:00", end: "11:00"}`,
		new: "rooms: [{name: Hall A, aliases: [Big Hall]}, Hall B]\n" + track + `
      - {id: x, title: X, room: hall b, start: "10:00", end: "11:00"}`,
		want: `~ x: room "Hall A" → "Hall B"
`,
	}, {
		name: "speakers element by element",
		old: track + `
      - {id: x, title: X, start: "10:00", end: "11:00", speakers: ["Ann, Bob"]}`,
		new: track + `
      - {id: x, title: X, start: "10:00", end: "11:00", speakers: [Ann, Bob]}`,
		want: `~ x: speakers "\"Ann, Bob\"" → "\"Ann\", \"Bob\""
`,
	}, {
		name: "affiliation is not part of the name",
		old: track + `
      - {id: x, title: X, start: "10:00", end: "11:00", speakers: ["Ann (ACME)"]}`,
		new: track + `
      - {id: x, title: X, start: "10:00", end: "11:00", speakers: [{name: Ann, affiliation: ACME}]}`,
		want: `~ x: speakers "\"Ann (ACME)\"" → "\"Ann\" (\"ACME\")"
`,
	}, {
		name: "speakers that print differently stay joined",
		old: track + `
      - {id: x, title: X, start: "10:00", end: "11:00", speakers: [{name: Ann, affiliation: ACME}]}`,
		new: track + `
      - {id: x, title: X, start: "10:00", end: "11:00", speakers: [{name: Ann, affiliation: ACME}, Kim]}`,
		want: `~ x: speakers "Ann (ACME)" → "Ann (ACME), Kim"
`,
	}, {
		name: "speaker ids are not compared, as before",
		old: track + `
      - {id: x, title: X, start: "10:00", end: "11:00", speakers: [{name: Ann, id: "1"}]}`,
		new: track + `
      - {id: x, title: X, start: "10:00", end: "11:00", speakers: [{name: Ann, id: "2"}]}`,
		want: ``,
	}, {
		name: "tags element by element",
		old: track + `
      - {id: x, title: X, start: "10:00", end: "11:00", tags: ["a, b"]}`,
		new: track + `
      - {id: x, title: X, start: "10:00", end: "11:00", tags: [a, b]}`,
		want: `~ x: tags "\"a, b\"" → "\"a\", \"b\""
`,
	}, {
		name: "a long value differing at its end",
		old: track + `
      - {id: x, title: X, start: "10:00", end: "11:00", abstract: "` + long + `Old."}`,
		new: track + `
      - {id: x, title: X, start: "10:00", end: "11:00", abstract: "` + long + `New."}`,
		want: `~ x: abstract "…ull boy. All work and no play makes Jack a dull boy. Old." → "…ull boy. All work and no play makes Jack a dull boy. New."
`,
	}, {
		name: "a long value differing at its start",
		old: track + `
      - {id: x, title: X, start: "10:00", end: "11:00", abstract: "` + long + `"}`,
		new: track + `
      - {id: x, title: X, start: "10:00", end: "11:00", abstract: "Oh, ` + long + `"}`,
		want: `~ x: abstract "All work and no play makes Jack a dull boy. All work and …" → "Oh, All work and no play makes Jack a dull boy. All work …"
`,
	}} {
		t.Run(tc.name, func(t *testing.T) {
			d := diffSchedules(loadDiffSide(t, "old.yaml", tc.old), loadDiffSide(t, "new.yaml", tc.new))
			var b strings.Builder
			if err := d.writeText(&b); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tc.want, b.String()); diff != "" {
				t.Errorf("diff text (-want +got):\n%s", diff)
			}
			if got, want := d.same(), tc.want == ""; got != want {
				t.Errorf("same() = %v, want %v", got, want)
			}
		})
	}
}

// TestDiffShown checks that two different values never print alike,
// however long they are and wherever they differ.
func TestDiffShown(t *testing.T) {
	long := strings.Repeat("x", 200)
	for _, tc := range []struct{ old, new, wantOld, wantNew string }{
		{"a", "b", `"a"`, `"b"`},
		{"", "b", `(none)`, `"b"`},
		{long, long + "y", `"…` + strings.Repeat("x", 56) + `"`, `"…` + strings.Repeat("x", 56) + `y"`},
		{long[:100] + "a" + long[:99], long[:100] + "b" + long[:99],
			`"…` + strings.Repeat("x", 20) + "a" + strings.Repeat("x", 36) + `…"`,
			`"…` + strings.Repeat("x", 20) + "b" + strings.Repeat("x", 36) + `…"`},
		{"…" + long, long, `"…` + strings.Repeat("x", 56) + `…"`, `"` + strings.Repeat("x", 57) + `…"`},
	} {
		gotOld, gotNew := shown(tc.old, tc.new)
		if diff := cmp.Diff([2]string{tc.wantOld, tc.wantNew}, [2]string{gotOld, gotNew}); diff != "" {
			t.Errorf("shown(%q, %q) (-want +got):\n%s", tc.old, tc.new, diff)
		}
		if tc.old != tc.new && gotOld == gotNew {
			t.Errorf("shown(%q, %q): both print %s", tc.old, tc.new, gotOld)
		}
	}
}
