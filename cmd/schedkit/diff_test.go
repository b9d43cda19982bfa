package main

import (
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/schedkit/schedkit/schedule"
	"github.com/schedkit/schedkit/schedule/diff"
)

// loadDiffSide loads one side of a diff test from schedkit YAML, rooms
// canonicalised as diffAction does; the conference is D's unless the
// source starts with its own.
func loadDiffSide(t *testing.T, name, sessions string) *schedule.Schedule {
	t.Helper()
	src := sessions
	if !strings.HasPrefix(src, "conference:") {
		src = "conference: {name: D, id: d, timezone: Europe/Berlin}\n" + sessions
	}
	s, diags := schedule.Load(name, []byte(src), schedule.LoadOptions{})
	if s == nil || schedule.HasErrors(diags) {
		t.Fatalf("%s does not load: %v", name, diags)
	}
	schedule.Normalize(s)
	return s
}

// TestDiffText renders what diff.Compare finds (pairing and fields are
// tested in package diff): one line each, added and changed sessions in
// the new file's order, removed ones last, and long values shortened
// around their difference.
func TestDiffText(t *testing.T) {
	const track = "tracks:\n  - name: T\n    date: 2024-05-01\n    sessions:\n"
	long := strings.Repeat("All work and no play makes Jack a dull boy. ", 4)
	for _, tc := range []struct {
		name     string
		old, new string
		want     string
	}{{
		name: "the same",
		old: track + `
      - {id: x, title: X, start: "10:00", end: "11:00"}`,
		new: track + `
      - {id: x, title: X, start: "10:00", end: "11:00"}`,
		want: ``,
	}, {
		name: "added and changed in the new file's order, removed last",
		old: track + `
      - {id: a, title: A, room: R, start: "09:00", end: "10:00"}
      - {id: b, title: B, start: "10:00", end: "11:00"}
      - {id: c, title: C, start: "11:00", end: "12:00", speakers: [Ann]}`,
		new: track + `
      - {id: e, title: E, room: R, start: "08:00", end: "09:00"}
      - {id: c, title: C2, start: "11:00", end: "12:00", speakers: [Ann, Bob]}
      - {id: f, title: F, start: "13:00", end: "14:00"}
      - {id: a, title: A, room: S, start: "09:00", end: "10:00"}`,
		want: `+ e: added "E" (2024-05-01 08:00 CEST–2024-05-01 09:00 CEST, R)
~ c: title "C" → "C2"
~ c: speakers "Ann" → "Ann, Bob"
+ f: added "F" (2024-05-01 13:00 CEST–2024-05-01 14:00 CEST)
~ a: room "R" → "S"
- b: removed "B" (2024-05-01 10:00 CEST–2024-05-01 11:00 CEST)
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
	}, {
		name: "a renamed track is one line; its sessions' other changes and moves show",
		old: `tracks:
  - {id: t1, name: Old, date: 2024-05-01, sessions: [{id: a, title: A, start: "09:00", end: "10:00"}, {id: b, title: B, start: "10:00", end: "11:00"}]}
  - {id: t2, name: Two, date: 2024-05-01, sessions: [{id: c, title: C, start: "09:00", end: "10:00"}]}
  - {id: t3, name: Gone, date: 2024-05-01, sessions: [{id: d, title: D, start: "11:00", end: "12:00"}]}`,
		new: `tracks:
  - {id: t1, name: New, date: 2024-05-01, sessions: [{id: a, title: A, start: "09:00", end: "10:00"}, {id: b, title: B2, start: "10:00", end: "11:00"}]}
  - {id: t2, name: Old, date: 2024-05-01, sessions: [{id: c, title: C, start: "09:00", end: "10:00"}]}
  - {id: t4, name: Fresh, date: 2024-05-01, sessions: [{id: d, title: D, start: "11:00", end: "12:00"}]}`,
		want: `~ track t1: name "Old" → "New" (2 sessions)
~ track t2: name "Two" → "Old" (1 session)
+ track t4: added "Fresh" (1 session)
- track t3: removed "Gone" (1 session)
~ b: title "B" → "B2"
~ d: track "t3" → "t4"
~ d: track name "Gone" → "Fresh"
`,
	}, {
		name: "day_change and days",
		old: `conference: {name: D, id: d, timezone: Europe/Berlin, day_change: "04:00"}
tracks:
  - name: T
    date: 2024-05-01
    sessions:
      - {id: a, title: A, start: "20:00", end: "21:00"}
      - {id: n, title: Night, date: 2024-05-02, start: "04:30", end: "05:00"}`,
		new: `conference: {name: D, id: d, timezone: Europe/Berlin, day_change: "05:00"}
tracks:
  - name: T
    date: 2024-05-01
    sessions:
      - {id: a, title: A, start: "20:00", end: "21:00"}
      - {id: n, title: Night, date: 2024-05-02, start: "04:30", end: "05:00"}`,
		want: `~ conference: day_change "04:00" → "05:00"
~ day 2024-05-01: start "2024-05-01 04:00 CEST" → "2024-05-01 05:00 CEST"
~ day 2024-05-01: end "2024-05-02 03:59 CEST" → "2024-05-02 04:59 CEST"
- day 2024-05-02: removed (2024-05-02 04:00 CEST–2024-05-03 03:59 CEST, 1 session)
`,
	}} {
		t.Run(tc.name, func(t *testing.T) {
			d := diff.Compare(loadDiffSide(t, "old.yaml", tc.old), loadDiffSide(t, "new.yaml", tc.new))
			var b strings.Builder
			if err := writeDiffText(&b, d); err != nil {
				t.Fatal(err)
			}
			if got := cmp.Diff(tc.want, b.String()); got != "" {
				t.Errorf("diff text (-want +got):\n%s", got)
			}
			if got, want := d.Same(), tc.want == ""; got != want {
				t.Errorf("Same() = %v, want %v", got, want)
			}
		})
	}
}

// TestDiffHelpFields: the help names the compared fields of diff's table,
// in its order, so that the text cannot drift from what is compared.
func TestDiffHelpFields(t *testing.T) {
	help := strings.Join(strings.Fields((&env{}).diffCommand().Description), " ")
	_, after, ok := strings.Cut(help, "changed field by field (")
	list, _, ok2 := strings.Cut(after, ")")
	if !ok || !ok2 {
		t.Fatalf("the help of diff lists no fields: %q", help)
	}
	var want []string
	for _, f := range diff.Fields() {
		want = append(want, f.Name)
	}
	if got := strings.Split(list, ", "); !slices.Equal(got, want) {
		t.Errorf("diff --help lists %q, diff.Fields %q (-want +got):\n%s", got, want, cmp.Diff(want, got))
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
