package schedule

import (
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

type validateTest struct {
	name string
	in   string   // with ∑ and § markers; Load's findings count too
	want []string // rule ids of the ∑ markers, in position order
	// related lists, by diagnostic index, the ids of the sessions the
	// diagnostic relates; their positions are the § markers.
	related map[int][]string
	msgs    map[int][]string // substrings of the messages, by index
}

// A track per room and day keeps the inputs short; tracks are named by
// their room so that two tracks can share one.
var validateTests = []validateTest{
	// -- room-overlap --
	{
		name: "RoomOverlapAcrossTracks",
		in: conf + `tracks:
  - {name: One, room: Hall A, date: 2024-05-01, sessions: [§{id: a, title: Alpha, start: "10:00", end: "11:00"}]}
  - {name: Two, room: Hall A, date: 2024-05-01, sessions: [§{id: b, title: Beta, start: ∑"10:30", end: "11:30"}]}
`,
		want:    []string{"room-overlap"},
		related: map[int][]string{0: {"a", "b"}},
		msgs:    map[int][]string{0: {`"Hall A"`, "10:30–11:30", "10:00–11:00"}},
	},
	{
		name: "RoomOverlapPastMidnight",
		in: conf + `tracks:
  - name: Night
    room: Hall A
    sessions:
      - §{id: late, title: Late Show, date: 2024-05-01, start: "23:30", end: "00:30"}
      - §{id: early, title: Early Bird, date: 2024-05-02, start: ∑∑"00:15", end: "01:00"}
      - §{id: after, title: After, date: 2024-05-02, start: "01:00", end: "02:00"}
`,
		want:    []string{"room-overlap", "track-overlap:warning"},
		related: map[int][]string{0: {"late", "early"}, 1: {"late", "early"}},
		msgs:    map[int][]string{0: {"May 1 23:30–May 2 00:30"}},
	},
	{
		name: "RoomOverlapAcrossDays",
		in: conf + `rules: {max_duration: 72h}
tracks:
  - {name: W, room: Lab, sessions: [§{id: w, title: Workshop, start: "2024-05-01T09:00", end: "2024-05-03T17:00"}]}
  - {name: T, room: ∑lab, sessions: [§{id: t, title: Talk, start: ∑"2024-05-02T10:00", duration: 1h}]}
`,
		// "lab" and "Lab" are one room, with a room-variant warning at
		// the room the second spelling came from (the track's).
		want:    []string{"room-variant:warning", "room-overlap"},
		related: map[int][]string{0: {"w", "t"}, 1: {"w", "t"}},
	},
	{
		name: "TouchingNoOverlap",
		in: conf + `tracks:
  - name: T
    room: Hall A
    date: 2024-05-01
    sessions:
      - §{id: a, title: A, start: "10:00", end: "11:00", speakers: [Jane]}
      - §{id: b, title: B, start: "11:00", end: "12:00", speakers: [Jane]}
      - §{id: c, title: C, start: "2024-05-02T00:00", end: "2024-05-02T01:00"}
      - §{id: d, title: D, start: "23:00", end: "00:00"}
`,
	},
	{
		name: "CancelledTakesNoRoom",
		in: conf + `tracks:
  - name: T
    room: Hall A
    date: 2024-05-01
    sessions:
      - §{id: a, title: A, start: "10:00", end: "11:00", speakers: [Jane], status: cancelled}
      - §{id: b, title: B, start: "10:00", end: "11:00", speakers: [Jane]}
`,
	},
	{
		name: "BreaksAndRooms",
		in: conf + `tracks:
  - name: One
    date: 2024-05-01
    sessions:
      - §{id: lunch1, title: Lunch, type: break, start: "12:00", end: "13:00"}
      - §{id: coffee, title: Coffee, type: break, room: Foyer, start: "15:00", end: "15:30"}
  - name: Two
    date: 2024-05-01
    sessions:
      - §{id: lunch2, title: Lunch, type: break, start: "12:00", end: "13:00"}
      - §{id: demo, title: Demo, room: Foyer, start: ∑"15:15", end: "16:00"}
`,
		// A break without a room is in no room; a break in a room occupies it.
		want:    []string{"room-overlap"},
		related: map[int][]string{0: {"coffee", "demo"}},
	},
	{
		name: "RoomOverlapManyAtOnce",
		in: conf + `tracks:
  - name: T
    room: R
    date: 2024-05-01
    sessions:
      - §{id: a, title: A, start: "10:00", end: "12:00"}
      - §{id: b, title: B, start: ∑∑"10:30", end: "11:00"}
      - §{id: c, title: C, start: ∑∑∑∑"10:45", end: "11:30"}
      - §{id: d, title: D, start: ∑∑∑∑"11:15", end: "12:30"}
`,
		// Every intersecting pair once: a–b, a–c, b–c, a–d, c–d.
		want: []string{
			"room-overlap", "track-overlap:warning",
			"room-overlap", "room-overlap", "track-overlap:warning", "track-overlap:warning",
			"room-overlap", "room-overlap", "track-overlap:warning", "track-overlap:warning",
		},
		related: map[int][]string{
			0: {"a", "b"}, 1: {"a", "b"},
			2: {"a", "c"}, 3: {"b", "c"}, 4: {"a", "c"}, 5: {"b", "c"},
			6: {"a", "d"}, 7: {"c", "d"}, 8: {"a", "d"}, 9: {"c", "d"},
		},
	},

	// -- speakers --
	{
		name: "SpeakerSameMinute",
		in: conf + `tracks:
  - {name: One, room: Hall A, date: 2024-05-01, sessions: [§{id: a, title: Alpha, start: ∑"10:00", end: "11:00", speakers: [Jane Doe]}]}
  - {name: Two, room: Hall B, date: 2024-05-01, sessions: [§{id: b, title: Beta, start: "10:00", end: "10:30", speakers: ["  JANE   doe "]}]}
`,
		// Same start: the shorter session sorts first, and the finding
		// is at the other. The speaker is named as first met, tidied.
		want:    []string{"speaker-overlap"},
		related: map[int][]string{0: {"b", "a"}},
		msgs:    map[int][]string{0: {`"JANE doe"`, "May 1 10:00"}},
	},
	{
		name: "SpeakerIDs",
		in: conf + `tracks:
  - name: T
    date: 2024-05-01
    sessions:
      - §{id: a, title: A, room: R1, start: "10:00", end: "11:00", speakers: [{name: J. Smith, id: js1}, {name: Ann, id: ann}]}
      - §{id: b, title: B, room: R2, start: ∑∑"10:00", end: "11:00", speakers: [{name: J. Smith, id: js2}, {name: Ann B., id: ann}]}
      - §{id: c, title: C, room: R3, start: "12:00", end: "13:00", speakers: [{name: Kim, id: kim}]}
      - §{id: d, title: D, room: R4, start: ∑∑"12:00", end: "13:00", speakers: [Kim]}
`,
		// Two people called J. Smith are two people (ids differ); Ann is
		// one person under two spellings (one id); a speaker named without
		// id is the same as one with an id and that name.
		want:    []string{"speaker-overlap", "track-overlap:warning", "speaker-overlap", "track-overlap:warning"},
		related: map[int][]string{0: {"a", "b"}, 1: {"a", "b"}, 2: {"c", "d"}, 3: {"c", "d"}},
		msgs:    map[int][]string{0: {`"Ann"`}, 2: {`"Kim"`}},
	},
	{
		name: "SpeakerWithAndWithoutIDInOneSession",
		in: conf + `tracks:
  - name: T
    date: 2024-05-01
    sessions:
      - §{id: a, title: A, room: R1, start: "10:00", end: "11:00", speakers: ∑[{name: Lee, id: lee1}, Lee]}
      - §{id: b, title: B, room: R2, start: ∑∑"10:00", end: "11:00", speakers: [{name: Lee, id: lee2}]}
`,
		// The Lee without an id may be either Lee with one, so a is in
		// the sessions of lee2 too, although lee1 put it under her name
		// (and a's list names Lee twice, by the same rule).
		want:    []string{"duplicate-speaker:warning", "speaker-overlap", "track-overlap:warning"},
		related: map[int][]string{1: {"a", "b"}, 2: {"a", "b"}},
		msgs:    map[int][]string{1: {`"Lee"`}},
	},
	{
		// Listed twice, a speaker is one speaker to the overlap rules, and
		// the list gets a warning.
		name: "SpeakerTwiceInOneSession",
		in: conf + `tracks:
  - {name: T, room: R, date: 2024-05-01, sessions: [§{id: a, title: A, start: "10:00", end: "11:00", speakers: ∑[Jane, jane, {name: Jane}]}]}
  - {name: U, room: S, date: 2024-05-01, sessions: [§{id: b, title: B, start: "10:00", end: "11:00", speakers: ∑[{name: Lee, id: l1}, {name: Lee, id: l2}, {name: Kim, id: k}, {name: K., id: k}]}]}
  - {name: V, room: Q, date: 2024-05-01, sessions: [§{id: c, title: C, start: "10:00", end: "11:00", speakers: [{name: Ann}, {name: Bob}]}]}
`,
		// Each person once, with the count; Lee l1 and Lee l2 are two.
		want: []string{"duplicate-speaker:warning", "duplicate-speaker:warning"},
		msgs: map[int][]string{0: {`"A" (a) lists speaker "Jane" 3 times`}, 1: {`"B" (b) lists speaker "Kim" 2 times`}},
	},
	{
		name: "BreaksTakeNoSpeaker",
		in: conf + `rules: {changeover: 10m, speaker_buffer: 10m}
tracks:
  - name: T
    room: R
    date: 2024-05-01
    sessions:
      - §{id: talk, title: Talk, start: "10:00", end: "11:00", speakers: [Jane]}
      - §{id: brk, title: Break, type: break, start: "11:00", end: "11:05", speakers: [Jane]}
      - §{id: talk2, title: Talk 2, start: "11:05", end: "12:00"}
  - name: U
    room: S
    date: 2024-05-01
    sessions:
      - §{id: meet, title: Meet, type: break, start: "10:30", end: "11:00", speakers: [Jane]}
`,
	},
	{
		name: "SpeakerBuffer",
		in: conf + `rules: {speaker_buffer: 10m}
tracks:
  - name: T
    date: 2024-05-01
    sessions:
      - §{id: a, title: A, room: R1, start: "10:00", end: "11:00", speakers: [Jane]}
      - §{id: b, title: B, room: R2, start: ∑"11:05", end: "12:00", speakers: [Jane]}
      - §{id: c, title: C, room: R2, start: "12:00", end: "12:30", speakers: [Jane]}
      - §{id: d, title: D, room: R1, start: "12:40", end: "13:00", speakers: [Jane]}
`,
		// b→c share a room; c→d have exactly the buffer.
		want:    []string{"speaker-buffer:warning"},
		related: map[int][]string{0: {"a", "b"}},
		msgs:    map[int][]string{0: {`"Jane"`, "5m", `"R1"`, `"R2"`, "10m"}},
	},

	// -- track-overlap --
	{
		name: "TrackOverlap",
		in: conf + `tracks:
  - name: T
    date: 2024-05-01
    sessions:
      - §{id: a, title: A, room: R1, start: "10:00", end: "11:00"}
      - §{id: b, title: B, room: R2, start: ∑"10:59", end: "11:30"}
`,
		want:    []string{"track-overlap:warning"},
		related: map[int][]string{0: {"a", "b"}},
		msgs:    map[int][]string{0: {`track "T"`}},
	},

	// -- ids --
	{
		name: "DuplicateIDs",
		in: conf + `tracks:
  - name: One
    id: one
    date: 2024-05-01
    sessions:
      - §{id: talk, title: First, room: R1, start: "10:00", end: "11:00"}
      - §{id: other, title: Other, room: R1, start: "11:00", end: "12:00", guid: 6ba7b810-9dad-11d1-80b4-00c04fd430c8}
  - name: Two
    id: ∑one
    date: 2024-05-01
    sessions:
      - §{id: ∑talk, title: Second, room: R2, start: "10:00", end: "11:00", guid: ∑6BA7B810-9DAD-11D1-80B4-00C04FD430C8}
`,
		want:    []string{"duplicate-id", "duplicate-id", "duplicate-guid"},
		related: map[int][]string{1: {"talk"}, 2: {"other"}},
		msgs:    map[int][]string{0: {`"one"`, `"Two"`, `"One"`}, 1: {`"First" (talk)`, `"Second" (talk)`}},
	},

	// -- durations --
	{
		name: "EndBeforeStart",
		in: conf + `tracks:
  - name: T
    date: 2024-05-01
    sessions:
      - §{id: zero, title: Zero, room: R1, start: "10:00", end: ∑"10:00"}
      - §{id: back, title: Back, room: R2, start: "2024-05-01T10:00", end: ∑"2024-05-01T09:00"}
      - §{id: nodur, title: No Duration, room: R3, start: "10:00", duration: ∑0m}
      - §{id: other, title: Other, room: R1, start: "09:00", end: "12:00"}
`,
		// A session that ends before it starts takes part in no overlap.
		want: []string{"end-before-start", "end-before-start", "end-before-start"},
		msgs: map[int][]string{0: {`"Zero" (zero)`}, 1: {`"Back" (back)`, "09:00", "10:00"}},
	},
	{
		name: "DurationLimitsInclusive",
		in: conf + `rules: {min_duration: 15m, max_duration: 2h}
tracks:
  - name: T
    date: 2024-05-01
    sessions:
      - §{id: a, title: A, room: R1, start: "10:00", end: "10:15"}
      - §{id: b, title: B, room: R2, start: ∑"10:15", end: "10:29"}
      - §{id: c, title: C, room: R3, start: "10:30", end: "12:30"}
      - §{id: d, title: D, room: R4, start: "12:30", end: ∑"14:31"}
      - §{id: e, title: E, room: R5, start: "15:00", duration: ∑2h1m}
`,
		want: []string{"duration-min:warning", "duration-max:warning", "duration-max:warning"},
		msgs: map[int][]string{0: {`"B" (b)`, "14m", "15m"}, 1: {`"D" (d)`, "2h1m", "2h"}},
	},
	{
		name: "DefaultMaxDuration",
		in: conf + `tracks:
  - name: T
    date: 2024-05-01
    sessions:
      - §{id: a, title: A, room: R1, start: "2024-05-01T09:00", end: "2024-05-01T17:00"}
      - §{id: b, title: B, room: R2, start: "2024-05-02T09:00", end: ∑"2024-05-02T17:01"}
      - §{id: typo, title: Typo, room: R3, start: "2024-05-03T11:25", end: ∑"10:25"}
`,
		// An end before the start runs past midnight: a typo then lasts
		// 23 hours, which duration-max catches.
		want: []string{"duration-max:warning", "duration-max:warning"},
		msgs: map[int][]string{1: {"23h", "8h"}},
	},

	// -- changeover --
	{
		name: "Changeover",
		in: conf + `rules: {changeover: 5m}
tracks:
  - name: T
    room: R
    date: 2024-05-01
    sessions:
      - §{id: a, title: A, start: "10:00", end: "11:00"}
      - §{id: b, title: B, start: ∑"11:04", end: "12:00"}
      - §{id: c, title: C, start: "12:05", end: "13:00"}
      - §{id: d, title: D, start: ∑"13:00", end: "14:00"}
      - §{id: lunch, title: Lunch, type: break, start: "14:00", end: "15:00"}
      - §{id: e, title: E, start: "15:00", end: "16:00"}
`,
		want:    []string{"changeover:warning", "changeover:warning"},
		related: map[int][]string{0: {"a", "b"}, 1: {"c", "d"}},
		msgs:    map[int][]string{0: {"4m", "5m", `"R"`}, 1: {"0m"}},
	},

	// -- outside-hours --
	{
		name: "OutsideHours",
		in: conf + `rules: {day_start: "09:00", day_end: "18:00", max_duration: 9h}
tracks:
  - {name: A, date: 2024-05-01, sessions: [§{id: a, title: A, room: R1, start: "09:00", end: "18:00"}]}
  - {name: B, date: 2024-05-01, sessions: [§{id: b, title: B, room: R2, start: ∑"08:59", end: "10:00"}]}
  - {name: C, date: 2024-05-01, sessions: [§{id: c, title: C, room: R3, start: "17:00", end: ∑"18:01"}]}
  - {name: D, date: 2024-05-01, sessions: [§{id: d, title: D, room: R4, start: "07:00", end: "23:00", status: cancelled}]}
`,
		want: []string{"outside-hours:warning", "outside-hours:warning"},
		msgs: map[int][]string{0: {`"B" (b)`, "08:59", "09:00"}, 1: {`"C" (c)`, "18:01", "18:00"}},
	},
	{
		name: "OutsideHoursPastMidnight",
		in: conf + `rules: {day_start: "18:00", day_end: "02:00"}
tracks:
  - {name: A, sessions: [§{id: a, title: A, room: R1, start: "2024-05-01T18:00", end: "02:00"}]}
  - {name: B, sessions: [§{id: b, title: B, room: R2, start: "2024-05-02T01:00", end: "2024-05-02T02:00"}]}
  - {name: C, sessions: [§{id: c, title: C, room: R3, start: "2024-05-02T01:30", end: ∑"2024-05-02T02:30"}]}
  - {name: D, sessions: [§{id: d, title: D, room: R4, start: ∑"2024-05-01T17:00", end: "19:00"}]}
`,
		want: []string{"outside-hours:warning", "outside-hours:warning"},
	},
	{
		name: "OutsideHoursOnDSTDay",
		in: conf + `rules: {day_end: "05:00"}
tracks:
  - {name: A, date: 2024-03-31, sessions: [§{id: a, title: A, room: R1, start: "01:00", end: "05:00"}]}
  - {name: B, date: 2024-03-31, sessions: [§{id: b, title: B, room: R2, start: "01:00", end: ∑"05:30"}]}
`,
		// 01:00–05:00 lasts three hours on the day clocks skip 02:00.
		want: []string{"outside-hours:warning"},
	},

	// -- rooms --
	{
		name: "RoomRegistryConflict",
		in: conf + `rooms:
  - {name: Hall A, aliases: [Main Hall]}
  - ∑{name: Hall B, aliases: [main  hall]}
  - ∑{name: HALL A}
tracks: []
`,
		want: []string{"bad-value", "bad-value"},
		msgs: map[int][]string{0: {`alias "main  hall" of "Hall B"`, `room "Hall A"`}, 1: {`name "HALL A"`}},
	},
	{
		name: "RoomRegistry",
		in: conf + `rooms:
  - {name: "Broadway Ballroom North, 6th fl.", aliases: [Broadway North]}
  - Studio
tracks:
  - name: T
    date: 2024-05-01
    sessions:
      - §{id: a, title: A, room: Broadway North, start: "10:00", end: "11:00"}
      - §{id: b, title: B, room: ∑"broadway  ballroom north, 6th fl.", start: ∑∑"10:30", end: "11:30"}
      - §{id: c, title: C, room: ∑Studoi, start: "12:00", end: "13:00"}
`,
		// An alias is the room; a variant spelling is too, with a warning.
		want:    []string{"room-variant:warning", "room-overlap", "track-overlap:warning", "unknown-room"},
		related: map[int][]string{0: {"b"}, 1: {"a", "b"}, 2: {"a", "b"}},
		msgs:    map[int][]string{1: {`"Broadway Ballroom North, 6th fl."`}, 3: {`"C" (c)`, `"Studoi"`, `did you mean "Studio"?`}},
	},
	{
		name: "RoomVariantOnce",
		in: conf + `tracks:
  - name: T
    date: 2024-05-01
    sessions:
      - §{id: a, title: A, room: Hall A, start: "10:00", end: "11:00"}
      - §{id: b, title: B, room: ∑"hall a", start: "11:00", end: "12:00"}
      - §{id: c, title: C, room: "hall a", start: "12:00", end: "13:00"}
      - §{id: d, title: D, room: ∑"HALL A", start: "13:00", end: "14:00"}
`,
		want:    []string{"room-variant:warning", "room-variant:warning"},
		related: map[int][]string{0: {"a", "b"}, 1: {"a", "d"}},
	},
}

// TestValidate checks the findings of Load, Normalize and Validate, run as
// the CLI runs them, on each case.
func TestValidate(t *testing.T) {
	for _, tt := range validateTests {
		t.Run(tt.name, func(t *testing.T) {
			const file = "in.yaml"
			m := parseMarked(file, tt.in)
			s, diags := Load(file, m.src, LoadOptions{})
			if s == nil {
				t.Fatalf("Load failed:\n%s", lines(diags))
			}
			if len(s.Sessions) != len(m.sessions) {
				t.Fatalf("%d sessions, %d § markers", len(s.Sessions), len(m.sessions))
			}
			at := map[string]Pos{} // of the first session with the id
			for i, ss := range s.Sessions {
				if _, dup := at[ss.ID]; !dup {
					at[ss.ID] = m.sessions[i]
				}
			}
			vd := append(Normalize(s), Validate(s)...) // as the CLI does
			for _, d := range vd {
				checkDiagnostic(t, file, d)
				checkNamesSessions(t, s, d)
			}
			diags = append(diags, vd...)
			SortDiagnostics(diags)
			want := wantFindings(t, m, tt.want)
			for i, ids := range tt.related {
				for _, id := range ids {
					want[i].Related = append(want[i].Related, Related{Pos: at[id], Session: id})
				}
			}
			if diff := cmp.Diff(want, findings(diags, true)); diff != "" {
				t.Errorf("diagnostics (-want +got):\n%s\nall:\n%s", diff, lines(diags))
			}
			for i, subs := range tt.msgs {
				for _, sub := range subs {
					if i < len(diags) && !strings.Contains(diags[i].Message, sub) {
						t.Errorf("diagnostic %d %q lacks %q", i, diags[i].Message, sub)
					}
				}
			}
		})
	}
}

// checkNamesSessions: a message names every session it relates by title
// and id.
func checkNamesSessions(t *testing.T, s *Schedule, d Diagnostic) {
	t.Helper()
	for _, r := range d.Related {
		for _, ss := range s.Sessions {
			if ss.ID == r.Session && ss.Pos == r.Pos {
				if name := fmt.Sprintf("%q (%s)", ss.Title, ss.ID); !strings.Contains(d.Message, name) {
					t.Errorf("%v: message does not name %s", d, name)
				}
			}
		}
	}
}

func TestSeveritiesApply(t *testing.T) {
	mk := func(rule string, line int) Diagnostic {
		return Diag(rule, Pos{File: "f", Line: line, Column: 1}, "m")
	}
	in := []Diagnostic{mk("track-overlap", 3), mk("room-overlap", 2), mk("changeover", 1), mk("implicit-id", 4), mk("syntax", 5)}
	type sevRule struct {
		Rule     string
		Severity Severity
	}
	tests := []struct {
		name string
		sv   Severities
		want []sevRule
	}{
		{"Defaults", Severities{}, []sevRule{{"changeover", Warning}, {"room-overlap", Error}, {"track-overlap", Warning}, {"implicit-id", Warning}, {"syntax", Error}}},
		{
			"ScheduleThenOverride",
			Severities{
				Schedule: map[string]Severity{"room-overlap": Warning, "changeover": Off, "track-overlap": Error},
				Override: map[string]Severity{"room-overlap": Off, "changeover": Error},
			},
			[]sevRule{{"changeover", Error}, {"track-overlap", Error}, {"implicit-id", Warning}, {"syntax", Error}},
		},
		{
			"Strict", Severities{Strict: true, Override: map[string]Severity{"implicit-id": Off}},
			[]sevRule{{"changeover", Error}, {"room-overlap", Error}, {"track-overlap", Error}, {"syntax", Error}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ds := tt.sv.Apply(append([]Diagnostic(nil), in...))
			var got []sevRule
			for _, d := range ds {
				got = append(got, sevRule{d.Rule, d.Severity})
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Apply (-want +got):\n%s", diff)
			}
			if in[1].Severity != Error {
				t.Error("Apply changed its input")
			}
		})
	}
}

func TestParseRuleSetting(t *testing.T) {
	tests := []struct {
		id, sev string
		want    Severity
		err     string
	}{
		{"room-overlap", "off", Off, ""},
		{"track-overlap", "error", Error, ""},
		{"room-overlpa", "off", 0, "did you mean room-overlap?"},
		{"room-overlap", "fatal", 0, "not one of error, warning, off"},
		{"syntax", "warning", 0, "cannot be changed"},
		{"syntax", "error", Error, ""},
	}
	for _, tt := range tests {
		got, err := ParseRuleSetting(tt.id, tt.sev)
		if tt.err == "" && (err != nil || got != tt.want) {
			t.Errorf("ParseRuleSetting(%q, %q) = %v, %v; want %v", tt.id, tt.sev, got, err, tt.want)
		}
		if tt.err != "" && (err == nil || !strings.Contains(err.Error(), tt.err)) {
			t.Errorf("ParseRuleSetting(%q, %q) error = %v; want one containing %q", tt.id, tt.sev, err, tt.err)
		}
	}
}

// TestRuleCoverage: every rule of the core (the table's non-importer rules)
// is exercised by a case of TestLoad or TestValidate.
func TestRuleCoverage(t *testing.T) {
	seen := map[string]bool{}
	for _, tt := range loadTests {
		for _, r := range tt.want {
			id, _, _ := strings.Cut(r, ":")
			seen[id] = true
		}
	}
	for _, tt := range validateTests {
		for _, r := range tt.want {
			id, _, _ := strings.Cut(r, ":")
			seen[id] = true
		}
	}
	for _, r := range Rules {
		if !r.Importer && !seen[r.ID] {
			t.Errorf("rule %s has no table test case", r.ID)
		}
	}
}

// simultaneous returns a schedule of n sessions in one room and track, all
// at the same time, all with the same speaker.
func simultaneous(n int) []byte {
	var b strings.Builder
	b.WriteString(conf + "tracks:\n  - name: Posters\n    room: Hall\n    date: 2024-05-01\n    sessions:\n")
	for i := range n {
		fmt.Fprintf(&b, "      - {id: p%d, title: Poster %d, start: \"10:00\", end: \"12:00\", speakers: [Jane]}\n", i, i)
	}
	return []byte(b.String())
}

// TestValidateManySimultaneous: n sessions at one time are n(n-1)/2
// overlapping pairs; each session lists at most MaxOverlapsListed of its
// overlaps per rule and counts the rest in one more finding, so that every
// pair is accounted for while the findings grow linearly. (n is small
// enough for every rule to stay under MaxFindingsPerRule: see
// TestValidateFindingsBounded.)
func TestValidateManySimultaneous(t *testing.T) {
	const n = 50
	s, diags := Load("in.yaml", simultaneous(n), LoadOptions{})
	if len(diags) > 0 {
		t.Fatalf("Load:\n%s", lines(diags))
	}
	type count struct{ Listed, Unlisted, Findings int }
	got := map[string]count{}
	for _, d := range Validate(s) {
		c := got[d.Rule]
		c.Findings++
		var k int
		var word string
		if _, rest, ok := strings.Cut(d.Message, "also overlaps "); ok {
			if _, err := fmt.Sscanf(rest, "%d more %s", &k, &word); err != nil {
				t.Fatalf("%v: %v", d, err)
			}
			c.Unlisted += k
			if len(d.Related) != 1 {
				t.Errorf("%v: related %v, want the session itself", d, d.Related)
			}
		} else {
			c.Listed++
		}
		got[d.Rule] = c
	}
	listed := 0
	for i := range n {
		listed += min(i, MaxOverlapsListed)
	}
	findings := listed + (n - 1 - MaxOverlapsListed)
	want := count{Listed: listed, Unlisted: n*(n-1)/2 - listed, Findings: findings}
	wantAll := map[string]count{"room-overlap": want, "track-overlap": want, "speaker-overlap": want}
	if diff := cmp.Diff(wantAll, got); diff != "" {
		t.Errorf("overlap findings (-want +got):\n%s", diff)
	}
}

// TestValidateFindingsBounded: past MaxFindingsPerRule the findings of a
// rule are counted, not kept, and one closing finding of the rule gives
// the count; every finding is accounted for (issue 14.1: 400,000
// simultaneous sessions ran out of memory with 43 findings each).
func TestValidateFindingsBounded(t *testing.T) {
	const n = 2000
	s, diags := Load("in.yaml", simultaneous(n), LoadOptions{})
	if len(diags) > 0 {
		t.Fatalf("Load:\n%s", lines(diags))
	}
	type count struct{ Listed, Omitted, Closing int }
	got := map[string]count{}
	for _, d := range Validate(s) {
		c := got[d.Rule]
		if d.Omitted > 0 {
			c.Closing++
			c.Omitted += d.Omitted
			if want := fmt.Sprintf("%d more %s findings from here on, not listed", d.Omitted, d.Rule); !strings.HasPrefix(d.Message, want) {
				t.Errorf("closing finding %q, want it to start %q", d.Message, want)
			}
		} else {
			c.Listed++
		}
		got[d.Rule] = c
	}
	// Each rule's findings: the listed pairs and one "also overlaps" per
	// session past MaxOverlapsListed, as in TestValidateManySimultaneous.
	findings := 0
	for i := range n {
		findings += min(i, MaxOverlapsListed)
	}
	findings += n - 1 - MaxOverlapsListed
	want := count{Listed: MaxFindingsPerRule, Omitted: findings - MaxFindingsPerRule, Closing: 1}
	wantAll := map[string]count{"room-overlap": want, "track-overlap": want, "speaker-overlap": want}
	if diff := cmp.Diff(wantAll, got); diff != "" {
		t.Errorf("findings per rule (-want +got):\n%s", diff)
	}
}

// sharedSpeakers is n simultaneous sessions in one room and track that
// share one aliased list of k speakers: the shape of a 48 KB file (600
// sessions, 1,000 speakers) that took 25 s when the speaker sweep went
// speaker by speaker.
func sharedSpeakers(n, k int) []byte {
	var b strings.Builder
	b.WriteString(conf)
	b.WriteString("x-sp: &sp [")
	for i := range k {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "S%d", i)
	}
	b.WriteString("]\ntracks:\n- name: T\n  room: Hall\n  date: 2024-05-01\n  sessions:\n")
	for i := range n {
		fmt.Fprintf(&b, "  - {id: s%d, title: Talk %d, start: \"10:00\", end: \"11:00\", speakers: *sp}\n", i, i)
	}
	return []byte(b.String())
}

// TestValidateSharedSpeakers: sessions that share many speakers are one
// speaker-overlap per pair, as room-overlap counts them, listed or left
// out: the closing count no longer counts a pair once per speaker shared.
func TestValidateSharedSpeakers(t *testing.T) {
	for _, n := range []int{30, 200} { // under and over MaxFindingsPerRule
		s, diags := Load("in.yaml", sharedSpeakers(n, 50), LoadOptions{})
		if len(diags) > 0 {
			t.Fatalf("Load:\n%s", lines(diags))
		}
		type count struct{ Listed, Omitted int }
		got := map[string]count{}
		for _, d := range Validate(s) {
			c := got[d.Rule]
			if d.Omitted > 0 {
				c.Omitted += d.Omitted
			} else {
				c.Listed++
			}
			got[d.Rule] = c
			if d.Rule == RuleSpeakerOverlap && d.Omitted == 0 && !strings.Contains(d.Message, "also overlaps") &&
				!strings.HasPrefix(d.Message, `speakers "S0", "S1", "S2" and 47 more are in session`) {
				t.Errorf("n=%d: %s", n, d.Message)
			}
		}
		if got[RuleSpeakerOverlap] != got[RuleRoomOverlap] || got[RuleRoomOverlap].Listed == 0 {
			t.Errorf("n=%d: speaker-overlap %+v, room-overlap %+v; want them equal", n, got[RuleSpeakerOverlap], got[RuleRoomOverlap])
		}
	}
}

// TestLimit: the bound in total keeps the first MaxFindings in order,
// whatever their rules, and closes each rule with what it left out;
// bounding again changes nothing.
func TestLimit(t *testing.T) {
	var ds []Diagnostic
	for i := range MaxFindings + 10 {
		rule := []string{RuleRoomOverlap, RuleImplicitId, RuleBadValue, RuleRequired, RuleTrackOverlap, RuleSyntax}[i%6]
		ds = append(ds, Diag(rule, Pos{File: "f", Line: i + 1, Column: 1}, "finding %d", i))
	}
	got := Limit(ds)
	closing := map[string]int{}
	for _, d := range got[MaxFindings:] {
		closing[d.Rule] = d.Omitted
	}
	// 5,010 findings of six rules: 835 each, under the rule bound; the
	// last ten past the bound in total.
	want := map[string]int{RuleRoomOverlap: 1, RuleImplicitId: 1, RuleBadValue: 2, RuleRequired: 2, RuleTrackOverlap: 2, RuleSyntax: 2}
	if diff := cmp.Diff(want, closing); diff != "" {
		t.Errorf("closing findings (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(got, Limit(got)); diff != "" {
		t.Errorf("Limit twice (-once +twice):\n%s", diff)
	}
	if n := len(Limit(ds[:10])); n != 10 {
		t.Errorf("Limit of 10 findings kept %d", n)
	}
}

// BenchmarkValidateSimultaneous measures the worst case of the sweeps: every
// session overlaps every other in one room, track and speaker.
func BenchmarkValidateSimultaneous(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		data := simultaneous(n)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			for b.Loop() {
				s, _ := Load("in.yaml", data, LoadOptions{})
				Validate(s)
			}
		})
	}
}

// TestDuplicateSpeakersMany: a session listing many speakers is checked
// with maps (repeatedSpeakers), with the same counts as pairwise (one
// speakers list given to 600 sessions by an alias, 1,000 names each, took
// 30 s pairwise).
func TestDuplicateSpeakersMany(t *testing.T) {
	names := []string{"Ann", "ann", "ANN  ", "Bob", "Bób", " ", "", "Cy"}
	ids := []string{"", "", "x", "y", "x", ""}
	var ps []Person
	for i := range 200 {
		ps = append(ps, Person{Name: names[i*7%len(names)], ID: ids[i*5%len(ids)]})
	}
	blank := func(p Person) bool { return strings.TrimSpace(p.Name) == "" }
	for n := 2; n <= len(ps); n += 7 {
		want := pairwiseSpeakers(ps[:n], blank)
		if diff := cmp.Diff(want, repeatedSpeakers(ps[:n], blank)); diff != "" {
			t.Fatalf("%d speakers %v: repeatedSpeakers (-pairwise +maps):\n%s", n, ps[:n], diff)
		}
	}
}
