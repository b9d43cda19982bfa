package ics

import (
	"bytes"
	"encoding/json"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"maps"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/schedkit/schedkit/schedule"
)

type seen struct {
	Seq      int
	Modified string
	Status   string
}

// revisions summarises Update's result by session id.
func revisions(revs map[*schedule.Session]Revision, gone []*schedule.Session, s *schedule.Schedule) map[string]seen {
	out := map[string]seen{}
	for x, r := range revs {
		st := x.Status
		if st == "" {
			st = "confirmed"
		}
		out[x.ID] = seen{r.Sequence, r.Modified.Format(time.RFC3339), st}
		if r.UID != UID(s.Conference.ID, x.ID) && !slices.Contains(gone, x) {
			out[x.ID+" uid"] = seen{}
		}
	}
	return out
}

func TestStateUpdate(t *testing.T) {
	t1 := time.Date(2024, 1, 1, 12, 0, 0, 0, time.UTC)
	t2, t3, t4 := t1.Add(time.Hour), t1.Add(2*time.Hour), t1.Add(3*time.Hour)
	const f1, f2, f3 = "2024-01-01T12:00:00Z", "2024-01-01T13:00:00Z", "2024-01-01T14:00:00Z"
	base := load(t, "../../testdata/qcon-ny-2019.yaml")
	st := &State{}

	// 1. First export: everything new, SEQUENCE 0.
	revs, gone := st.Update(base, t1)
	want := map[string]seen{}
	for _, x := range base.Sessions {
		want[x.ID] = seen{0, f1, "confirmed"}
	}
	if diff := cmp.Diff(want, revisions(revs, gone, base)); diff != "" || len(gone) != 0 {
		t.Fatalf("first export (-want +got):\n%s", diff)
	}

	// 2. Same schedule again, through a file round trip: nothing changes.
	data, err := st.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	if st, err = ParseState(data); err != nil {
		t.Fatal(err)
	}
	s := load(t, "../../testdata/qcon-ny-2019.yaml")
	revs, gone = st.Update(s, t2)
	if diff := cmp.Diff(want, revisions(revs, gone, s)); diff != "" {
		t.Fatalf("unchanged export (-want +got):\n%s", diff)
	}
	if again, _ := st.Marshal(); !bytes.Equal(again, data) {
		t.Errorf("state changed although the schedule did not")
	}

	// 3. Move one session by 10 minutes: exactly that one is bumped.
	s = load(t, "../../testdata/qcon-ny-2019.yaml")
	moved := s.Sessions[1]
	moved.Start, moved.End = moved.Start.Add(10*time.Minute), moved.End.Add(10*time.Minute)
	revs, gone = st.Update(s, t3)
	want[moved.ID] = seen{1, f3, "confirmed"}
	if diff := cmp.Diff(want, revisions(revs, gone, s)); diff != "" {
		t.Fatalf("moved one session (-want +got):\n%s", diff)
	}

	// 4. Remove one session: it is published cancelled with SEQUENCE+1.
	s = load(t, "../../testdata/qcon-ny-2019.yaml")
	s.Sessions[1].Start, s.Sessions[1].End = moved.Start, moved.End
	removed := s.Sessions[0]
	s.Sessions = s.Sessions[1:]
	revs, gone = st.Update(s, t4)
	want[removed.ID] = seen{1, t4.Format(time.RFC3339), "cancelled"}
	if diff := cmp.Diff(want, revisions(revs, gone, s)); diff != "" {
		t.Fatalf("removed one session (-want +got):\n%s", diff)
	}
	if len(gone) != 1 || gone[0].ID != removed.ID || !gone[0].Start.Equal(removed.Start) || gone[0].Room != removed.Room || gone[0].TrackID() != removed.TrackID() {
		t.Fatalf("gone = %+v, want the removed session rebuilt", gone)
	}

	// 5. Still removed: stays cancelled, no further bump.
	revs, gone = st.Update(s, t4.Add(time.Hour))
	if diff := cmp.Diff(want, revisions(revs, gone, s)); diff != "" {
		t.Fatalf("still removed (-want +got):\n%s", diff)
	}

	// 6. Back in the schedule: confirmed again, bumped again.
	s = load(t, "../../testdata/qcon-ny-2019.yaml")
	s.Sessions[1].Start, s.Sessions[1].End = moved.Start, moved.End
	later := t4.Add(2 * time.Hour)
	revs, gone = st.Update(s, later)
	want[removed.ID] = seen{2, later.Format(time.RFC3339), "confirmed"}
	if diff := cmp.Diff(want, revisions(revs, gone, s)); diff != "" || len(gone) != 0 {
		t.Fatalf("restored (-want +got):\n%s", diff)
	}
}

// TestStateFeed: a removed session appears in the feed as CANCELLED with
// its old UID, and a changed one with its new SEQUENCE.
func TestStateFeed(t *testing.T) {
	now := time.Date(2024, 5, 1, 8, 0, 0, 0, time.UTC)
	s := load(t, "../../testdata/qcon-ny-2019.yaml")
	st := &State{}
	st.Update(s, now)
	s = load(t, "../../testdata/qcon-ny-2019.yaml")
	removed := s.Sessions[0]
	s.Sessions = s.Sessions[1:]
	s.Sessions[0].Title += " (updated)"
	revs, gone := st.Update(s, now.Add(time.Hour))
	s.Sessions = append(s.Sessions, gone...)
	out := unfold(encode(t, s, s.Sessions, Options{Revisions: revs}))
	for _, want := range []string{
		"UID:" + UID(s.Conference.ID, removed.ID) + "\r\nDTSTAMP:20240501T090000Z\r\nLAST-MODIFIED:20240501T090000Z\r\nSEQUENCE:1\r\n",
		"STATUS:CANCELLED\r\n",
		"UID:" + UID(s.Conference.ID, s.Sessions[0].ID) + "\r\nDTSTAMP:20240501T090000Z\r\nLAST-MODIFIED:20240501T090000Z\r\nSEQUENCE:1\r\n",
		"UID:" + UID(s.Conference.ID, s.Sessions[1].ID) + "\r\nDTSTAMP:20240501T080000Z\r\nLAST-MODIFIED:20240501T080000Z\r\nSEQUENCE:0\r\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("feed lacks %q", want)
		}
	}
	if n := strings.Count(out, "BEGIN:VEVENT"); n != len(s.Sessions) {
		t.Errorf("%d events, want %d", n, len(s.Sessions))
	}
}

func TestParseStateErrors(t *testing.T) {
	rec := `{"session":"a","sequence":0,"last_modified":"2024-01-01T00:00:00Z","content":{"title":"A","start":"2024-01-01T10:00:00Z","end":"2024-01-01T11:00:00Z"}}`
	tests := []struct{ name, in, want string }{
		{"empty", "", "empty file"},
		{"not json", "hello", "1:1: invalid character 'h'"},
		{"syntax position", "{\n  \"events\": {,}\n}", "2:14: invalid character ','"},
		{"truncated", `{"schedkit_ics_state": 1, "events": {`, "1:38: unexpected EOF"},
		{"no version", `{"events": {}}`, "no \"schedkit_ics_state\" version"},
		{"wrong version", `{"schedkit_ics_state": 2}`, "version 2"},
		{"unknown field", `{"schedkit_ics_state": 1, "evnts": {}}`, `unknown field "evnts"`},
		{"unknown addition recorded", `{"schedkit_ics_state": 1, "recorded": ["description", "speaker_photos"]}`, `records "speaker_photos", which this schedkit does not know`},
		{"wrong type", `{"schedkit_ics_state": 1, "events": {"u": {"sequence": "1"}}}`, "1:58: cannot unmarshal string"},
		{"trailing", `{"schedkit_ics_state": 1} {}`, "1:27: text after the JSON object"},
		{"negative sequence", `{"schedkit_ics_state": 1, "events": {"u": ` + strings.Replace(rec, `"sequence":0`, `"sequence":-1`, 1) + `}}`, "sequence -1 is not in 0 to 2147483647"},
		{"sequence beyond RFC 5545 INTEGER", `{"schedkit_ics_state": 1, "events": {"u": ` + strings.Replace(rec, `"sequence":0`, `"sequence":2147483648`, 1) + `}}`, "sequence 2147483648 is not in 0 to 2147483647"},
		{"bad uid", `{"schedkit_ics_state": 1, "events": {"a b": ` + rec + `}}`, "UID must be non-empty"},
		{"null record", `{"schedkit_ics_state": 1, "events": {"u": null}}`, "null record"},
		{"end before start", `{"schedkit_ics_state": 1, "events": {"u": ` + strings.Replace(rec, "T11:", "T09:", 1) + `}}`, "an end not before it"},
		{"bad status", `{"schedkit_ics_state": 1, "events": {"u": ` + strings.Replace(rec, `"title":"A"`, `"title":"A","status":"gone"`, 1) + `}}`, `status "gone"`},
		{"no session", `{"schedkit_ics_state": 1, "events": {"u": ` + strings.Replace(rec, `"session":"a"`, `"session":""`, 1) + `}}`, "no session id"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ParseState([]byte(tc.in))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("ParseState(%q) = %v, want an error with %q", tc.in, err, tc.want)
			}
		})
	}
	if st, err := ParseState([]byte(`{"schedkit_ics_state": 1, "events": {"u": ` + rec + `}}`)); err != nil || len(st.Events) != 1 {
		t.Errorf("valid state: %v", err)
	}
}

// FuzzParseState: ParseState never panics, and what it accepts survives a
// Marshal/ParseState round trip unchanged.
func FuzzParseState(f *testing.F) {
	f.Add([]byte(`{"schedkit_ics_state": 1, "events": {}}`))
	f.Add([]byte(`{"schedkit_ics_state": 1, "events": {"u@x": {"session":"a","sequence":3,"last_modified":"2024-01-01T00:00:00+02:00","content":{"title":"A","start":"2024-01-01T10:00:00Z","end":"2024-01-01T11:00:00Z","speakers":[{"name":"N"}],"tags":["t"]}}}}`))
	f.Add([]byte(`{"schedkit_ics_state": 1, "events": {"u": null}}`))
	f.Add([]byte("{\n\"schedkit_ics_state\": 1,\n\"events\": [1]}"))
	data, err := os.ReadFile("testdata/state-before-guid.json")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(data)
	f.Fuzz(func(t *testing.T, data []byte) {
		st, err := ParseState(data)
		if err != nil {
			return
		}
		out, err := st.Marshal()
		if err != nil {
			t.Fatalf("Marshal: %v", err)
		}
		st2, err := ParseState(out)
		if err != nil {
			t.Fatalf("accepted state does not parse after Marshal: %v\n%s", err, out)
		}
		out2, _ := st2.Marshal()
		if !bytes.Equal(out, out2) {
			t.Fatalf("round trip changed the state:\n%s\n%s", out, out2)
		}
	})
}

// TestStateUpgrade: a state file written before the state recorded the
// guid and the language (testdata/state-before-guid.json, written by
// schedkit export ics --state of the schedule below) is read, bumps no
// SEQUENCE although its sessions have a guid and languages, and gets both
// recorded; from then on they count.
func TestStateUpgrade(t *testing.T) {
	const src = `conference: {name: Up, id: up, timezone: Europe/Berlin}
tracks:
  - name: Main
    id: main
    room: Hall
    date: 2024-06-01
    sessions:
      - {id: a, title: Alpha, start: "10:00", end: "10:45", guid: 6f1c3a0e-0000-4000-8000-000000000001, language: en, speakers: [{name: Ann, id: "1"}], tags: [x]}
      - {id: b, title: Beta, start: "11:00", end: "11:45", language: de}
`
	s, diags := schedule.Load("up.yaml", []byte(src), schedule.LoadOptions{})
	if s == nil || schedule.HasErrors(diags) {
		t.Fatalf("up.yaml: %v", diags)
	}
	data, err := os.ReadFile("testdata/state-before-guid.json")
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(data), `"guid"`) || strings.Contains(string(data), `"language"`) {
		t.Fatal("testdata/state-before-guid.json has a guid or language: it is not a state of before")
	}
	st, err := ParseState(data)
	if err != nil {
		t.Fatal(err)
	}
	summary := func(revs map[*schedule.Session]Revision) map[string]string {
		out := map[string]string{}
		for x, r := range revs {
			out[x.ID] = fmt.Sprintf("%d %s", r.Sequence, r.Modified.Format(time.RFC3339))
		}
		return out
	}
	t1 := time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC)
	revs, _ := st.Update(s, t1)
	want := map[string]string{"a": "0 2024-01-01T00:00:00Z", "b": "0 2024-01-01T00:00:00Z"}
	if diff := cmp.Diff(want, summary(revs)); diff != "" {
		t.Errorf("first export with the old state (-want +got):\n%s", diff)
	}
	recorded := map[string][2]string{}
	for _, r := range st.Events {
		recorded[r.Session] = [2]string{r.Content.GUID, r.Content.Language}
	}
	wantRecorded := map[string][2]string{
		"a": {"6f1c3a0e-0000-4000-8000-000000000001", "en"},
		"b": {schedule.DerivedGUID("up", "b"), "de"},
	}
	if diff := cmp.Diff(wantRecorded, recorded); diff != "" {
		t.Errorf("guid and language recorded (-want +got):\n%s", diff)
	}

	s.Sessions[1].Language = "fr"
	revs, _ = st.Update(s, t1.Add(time.Hour))
	want["b"] = "1 2024-03-01T01:00:00Z"
	if diff := cmp.Diff(want, summary(revs)); diff != "" {
		t.Errorf("language changed (-want +got):\n%s", diff)
	}
}

// TestStateEdges: states schedkit writes are states it reads, at the edges
// issue 14 found: a zero-length session (--force), a SEQUENCE at RFC 5545's
// maximum, repeated session ids (--force), the conference id.
func TestStateEdges(t *testing.T) {
	now := time.Date(2024, 5, 1, 8, 0, 0, 0, time.UTC)
	// roundTrip writes and reads st, as two runs of export ics --state do.
	roundTrip := func(t *testing.T, st *State) *State {
		t.Helper()
		data, err := st.Marshal()
		if err != nil {
			t.Fatal(err)
		}
		st2, err := ParseState(data)
		if err != nil {
			t.Fatalf("schedkit refuses its own state: %v\n%s", err, data)
		}
		return st2
	}
	t.Run("ZeroLength", func(t *testing.T) {
		s := load(t, "../../testdata/qcon-ny-2019.yaml")
		s.Sessions[0].End = s.Sessions[0].Start
		st := &State{}
		st.Update(s, now)
		st = roundTrip(t, st)
		revs, _ := st.Update(s, now.Add(time.Hour))
		if got := revs[s.Sessions[0]].Sequence; got != 0 {
			t.Errorf("zero-length session: SEQUENCE %d on the second run, want 0", got)
		}
	})
	t.Run("MaxSequence", func(t *testing.T) {
		s := load(t, "../../testdata/qcon-ny-2019.yaml")
		st := &State{}
		st.Update(s, now)
		first, second := UID(s.Conference.ID, s.Sessions[0].ID), UID(s.Conference.ID, s.Sessions[1].ID)
		st.Events[first].Sequence = MaxSequence
		st.Events[second].Sequence = MaxSequence - 1
		st = roundTrip(t, st)
		s.Sessions[0].Title += " (changed)"
		s.Sessions[1].Title += " (changed)"
		gone := s.Sessions[2]
		st.Events[UID(s.Conference.ID, gone.ID)].Sequence = MaxSequence
		s.Sessions = slices.Delete(s.Sessions, 2, 3)
		revs, cancelled := st.Update(s, now.Add(time.Hour))
		got := []int{revs[s.Sessions[0]].Sequence, revs[s.Sessions[1]].Sequence, revs[cancelled[0]].Sequence}
		if diff := cmp.Diff([]int{MaxSequence, MaxSequence, MaxSequence}, got); diff != "" {
			t.Errorf("SEQUENCE of changed and cancelled events at the maximum (-want +got):\n%s", diff)
		}
		feed := unfold(encode(t, s, s.Sessions, Options{Revisions: revs}))
		if !strings.Contains(feed, "SEQUENCE:2147483647\r\n") || strings.Contains(feed, "SEQUENCE:-") {
			t.Errorf("feed lacks SEQUENCE:2147483647 or has a negative one")
		}
		roundTrip(t, st)
	})
	t.Run("RepeatedIDs", func(t *testing.T) {
		s := load(t, "../../testdata/qcon-ny-2019.yaml")
		s.Sessions[1].ID = s.Sessions[0].ID // duplicate-id: only --force exports it
		st := &State{}
		for run := range 3 {
			revs, gone := st.Update(s, now.Add(time.Duration(run)*time.Hour))
			st = roundTrip(t, st)
			feed := unfold(encode(t, s, s.Sessions, Options{Revisions: revs}))
			for _, x := range s.Sessions[:2] {
				r := revs[x]
				if r.Sequence != 0 || !strings.Contains(feed, "UID:"+r.UID+"\r\n") {
					t.Errorf("run %d, session %q: revision %+v, want SEQUENCE 0 and the UID of the feed", run, x.Title, r)
				}
			}
			if revs[s.Sessions[0]].UID == revs[s.Sessions[1]].UID || len(gone) != 0 {
				t.Errorf("run %d: the two uses of id %q share a UID, or %d events are gone", run, s.Sessions[0].ID, len(gone))
			}
		}
	})
	t.Run("Conference", func(t *testing.T) {
		s := load(t, "../../testdata/qcon-ny-2019.yaml")
		old, err := ParseState([]byte(`{"schedkit_ics_state": 1, "events": {}}`))
		if err != nil {
			t.Fatalf("a state without the conference id (older schedkit): %v", err)
		}
		old.Update(s, now)
		if diff := cmp.Diff(s.Conference.ID, roundTrip(t, old).Conference); diff != "" || s.Conference.ID == "" {
			t.Errorf("conference recorded (-want +got):\n%s", diff)
		}
	})
}

// TestStateDocSketch checks the sketch of the state file in State's doc
// comment against the JSON the code writes: every key of the file, of a
// record and (for content, whose sketch elides some with …) every key the
// sketch names exists, and every key of the file and of a record is named.
func TestStateDocSketch(t *testing.T) {
	f, err := parser.ParseFile(token.NewFileSet(), "state.go", nil, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	var sketch string
	for _, d := range f.Decls {
		if g, ok := d.(*ast.GenDecl); ok && g.Tok == token.TYPE && g.Specs[0].(*ast.TypeSpec).Name.Name == "State" {
			sketch = g.Doc.Text()
		}
	}
	if !strings.Contains(sketch, "The file is JSON:") {
		t.Fatal("State's doc comment has no sketch of the file")
	}
	named := map[string]bool{}
	for _, m := range regexp.MustCompile(`"([a-z_]+)":`).FindAllStringSubmatch(sketch, -1) {
		named[m[1]] = true
	}
	keys := func(v any) []string {
		b, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		var m map[string]json.RawMessage
		if err := json.Unmarshal(b, &m); err != nil {
			t.Fatal(err)
		}
		return slices.Sorted(maps.Keys(m))
	}
	one := 1
	for _, k := range append(keys(stateFile{Version: &one, Conference: "c", Recorded: recordedAdditions, Organizer: "o"}), keys(Record{})...) {
		if !named[k] {
			t.Errorf("the state file has the key %q; State's doc comment does not show it", k)
		}
		delete(named, k)
	}
	all := Content{Title: "t", Subtitle: "s", Room: "r", Status: "s", Type: "t", TrackID: "i", TrackName: "n", Speakers: []Speaker{{}},
		Abstract: "a", URL: "u", Tags: []string{"x"}, Language: "l", GUID: "g", Description: "d"}
	for _, k := range keys(all) {
		delete(named, k)
	}
	for k := range named {
		t.Errorf("State's doc comment shows the key %q, which the state file does not have", k)
	}
}

// TestStateDescriptionAndOrganizer: what joined the state in its
// "recorded" list. testdata/state-before-description.json was written by
// schedkit export ics --state of descSrc before the state recorded the
// description and the organizer: read, it bumps no SEQUENCE and gets both
// recorded. From then on a description edit of a session without an
// abstract, which its DESCRIPTION shows, bumps it; that of a session with
// an abstract changes no byte of its event and bumps nothing; what no
// event shows (the recording opt-out) neither; a new ORGANIZER bumps every
// event, the cancelled one too; an organizer without an address, which no
// event shows, bumps nothing.
func TestStateDescriptionAndOrganizer(t *testing.T) {
	const descSrc = `conference:
  name: Desc
  id: desc
  timezone: Europe/Berlin
  organizer: {name: Program, email: program@desc.example}
tracks:
  - name: Main
    id: main
    room: Hall
    date: 2024-06-01
    sessions:
      - {id: a, title: Alpha, start: "10:00", end: "10:45", abstract: Short., description: Long about Alpha.}
      - {id: b, title: Beta, start: "11:00", end: "11:45", description: Only a description., do_not_record: true}
      - {id: c, title: Gamma, start: "12:00", end: "12:45"}
`
	s, diags := schedule.Load("desc.yaml", []byte(descSrc), schedule.LoadOptions{})
	if s == nil || schedule.HasErrors(diags) {
		t.Fatalf("desc.yaml: %v", diags)
	}
	data, err := os.ReadFile("testdata/state-before-description.json")
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(data), `"recorded"`) || strings.Contains(string(data), `"description"`) {
		t.Fatal("testdata/state-before-description.json records a description: it is not a state of before")
	}
	st, err := ParseState(data)
	if err != nil {
		t.Fatal(err)
	}
	summary := func(revs map[*schedule.Session]Revision) map[string]string {
		out := map[string]string{}
		for x, r := range revs {
			out[x.ID] = fmt.Sprintf("%d %s", r.Sequence, r.Modified.Format("Jan 2 15h"))
		}
		return out
	}
	// event returns the VEVENT of session id in the feed of revs.
	event := func(s *schedule.Schedule, revs map[*schedule.Session]Revision, gone []*schedule.Session, id string) string {
		t.Helper()
		feed := unfold(encode(t, s, append(slices.Clone(s.Sessions), gone...), Options{Revisions: revs}))
		for _, ev := range strings.Split(feed, "BEGIN:VEVENT")[1:] {
			if strings.Contains(ev, "UID:"+UID("desc", id)+"\r\n") {
				return ev
			}
		}
		t.Fatalf("no event of %s in the feed", id)
		return ""
	}
	// run updates the state with s, through its file, as one run of
	// schedkit export ics --state does.
	now := time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC)
	run := func(s *schedule.Schedule) (map[*schedule.Session]Revision, []*schedule.Session) {
		t.Helper()
		now = now.Add(time.Hour)
		revs, gone := st.Update(s, now)
		data, err := st.Marshal()
		if err != nil {
			t.Fatal(err)
		}
		if st, err = ParseState(data); err != nil {
			t.Fatal(err)
		}
		return revs, gone
	}

	// The upgrade: nothing bumped, both recorded.
	revs, _ := run(s)
	want := map[string]string{"a": "0 Jan 1 00h", "b": "0 Jan 1 00h", "c": "0 Jan 1 00h"}
	if diff := cmp.Diff(want, summary(revs)); diff != "" {
		t.Errorf("first export with the old state (-want +got):\n%s", diff)
	}
	recorded := map[string]string{"organizer": st.Organizer}
	for _, r := range st.Events {
		recorded[r.Session] = r.Content.Description
	}
	wantRecorded := map[string]string{"organizer": "ORGANIZER;CN=Program:mailto:program@desc.example", "a": "", "b": "Only a description.", "c": ""}
	if diff := cmp.Diff(wantRecorded, recorded); diff != "" {
		t.Errorf("recorded (-want +got):\n%s", diff)
	}
	alpha := event(s, revs, nil, "a")

	// Descriptions edited, and the recording opt-out: only b's event
	// shows a change.
	s.Sessions[0].Description = "Longer about Alpha."
	s.Sessions[1].Description = "Only a longer description."
	s.Sessions[2].DoNotRecord = true
	revs, _ = run(s)
	want["b"] = "1 Mar 1 02h"
	if diff := cmp.Diff(want, summary(revs)); diff != "" {
		t.Errorf("descriptions edited (-want +got):\n%s", diff)
	}
	if got := event(s, revs, nil, "a"); got != alpha {
		t.Errorf("the event of a session with an abstract changed with its description:\n%q\n%q", alpha, got)
	}
	if got := event(s, revs, nil, "b"); !strings.Contains(got, "DESCRIPTION:Only a longer description.\r\n") {
		t.Errorf("b's event does not show its new description:\n%s", got)
	}

	// c removed: cancelled. Then a new organizer address: every event.
	s.Sessions = s.Sessions[:2]
	_, gone := run(s)
	if len(gone) != 1 {
		t.Fatalf("%d events gone, want c's", len(gone))
	}
	want["c"] = "1 Mar 1 03h"
	s.Conference.Organizer = &schedule.Organizer{Name: "Program", Email: "info@desc.example"}
	revs, gone = run(s)
	want = map[string]string{"a": "1 Mar 1 04h", "b": "2 Mar 1 04h", "c": "2 Mar 1 04h"}
	if diff := cmp.Diff(want, summary(revs)); diff != "" {
		t.Errorf("organizer changed (-want +got):\n%s", diff)
	}
	if got := event(s, revs, gone, "c"); !strings.Contains(got, "ORGANIZER;CN=Program:mailto:info@desc.example\r\n") || !strings.Contains(got, "STATUS:CANCELLED") {
		t.Errorf("the cancelled event does not show the new organizer:\n%s", got)
	}

	// An organizer without an address is on no event: its name is no
	// change once the address is gone.
	s.Conference.Organizer = &schedule.Organizer{Name: "Program"}
	run(s)
	s.Conference.Organizer = &schedule.Organizer{Name: "The Program"}
	revs, _ = run(s)
	want = map[string]string{"a": "2 Mar 1 05h", "b": "3 Mar 1 05h", "c": "3 Mar 1 05h"}
	if diff := cmp.Diff(want, summary(revs)); diff != "" {
		t.Errorf("organizer without an address renamed (-want +got):\n%s", diff)
	}
}
