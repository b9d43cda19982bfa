package diff_test

import (
	"bytes"
	"io"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/schedkit/schedkit/format"
	"github.com/schedkit/schedkit/format/frab"
	"github.com/schedkit/schedkit/format/yamlout"
	"github.com/schedkit/schedkit/schedule"
	"github.com/schedkit/schedkit/schedule/diff"
)

// TestOtherFormatsSame: a schedule written in another input format (frab
// xml and json, schedkit's YAML as import writes it) and read back has the
// same tracks, track names, day_change and days, both ways round: the
// readers fill them as the source had them, so Compare finds no change
// of the conference, its tracks or its days, and no session changed.
// The source has what could go wrong: a day_change, a night session on
// the day before, listed days with bounds of their own (one from 11:00 to
// 04:00, a session before its start), a track name that is no slug, and
// a session of no track; and the fields diff compares that only some
// writers write (description, links, attachments, the recording opt-out
// and license, logo, feedback and origin urls), one session with an
// abstract and a description, one with a description only.
func TestOtherFormatsSame(t *testing.T) {
	const src = `conference:
  name: Formats Con
  id: formats
  timezone: Europe/Berlin
  day_change: "04:00"
  days:
    - {date: 2024-05-01, start: "2024-05-01T11:00", end: "2024-05-02T04:00"}
tracks:
  - name: Security & Privacy
    date: 2024-05-01
    room: Hall A
    sessions:
      - {id: a, title: Early, start: "09:30", end: "10:30"}
      - id: b
        title: Keynote
        start: "11:00"
        end: "12:00"
        abstract: Short.
        description: Long.
        links: [{title: Slides, url: "https://formats.example/slides"}, {url: "https://formats.example/video"}]
        attachments: [{title: Paper, url: "https://formats.example/paper.pdf"}]
        do_not_record: true
        recording_license: CC BY 4.0
        logo: https://formats.example/logo.png
        feedback_url: https://formats.example/feedback
        origin_url: https://formats.example/origin
      - {id: n, title: Night, date: 2024-05-02, start: "01:30", end: "02:30"}
  - name: Main
    date: 2024-05-02
    room: Hall B
    sessions:
      - {id: c, title: Day Two, start: "10:00", end: "11:00", description: "Only a description, no abstract."}
      - {id: m, title: Late Night, date: 2024-05-03, start: "03:00", end: "03:30"}
`
	yaml, diags := schedule.Load("src.yaml", []byte(src), schedule.LoadOptions{})
	if yaml == nil || schedule.HasErrors(diags) {
		t.Fatalf("src.yaml does not load: %v", diags)
	}
	schedule.Normalize(yaml)
	// A session of no track, as frab files have them (their readers put
	// such sessions on the placeholder track).
	yaml.AddSession(nil, &schedule.Session{ID: "u", Title: "Untracked", Room: "Hall B", Type: schedule.TypeTalk, Status: schedule.StatusConfirmed,
		Start: yaml.Sessions[3].Start.Add(2 * 3600e9), End: yaml.Sessions[3].End.Add(2 * 3600e9)})

	writers := []struct {
		name, format string
		write        func(io.Writer, *schedule.Schedule) error
	}{
		{"frab-xml", "frab-xml", func(w io.Writer, s *schedule.Schedule) error { return frab.WriteXML(w, s, s.Sessions) }},
		{"frab-json", "frab-json", func(w io.Writer, s *schedule.Schedule) error { return frab.WriteJSON(w, s, s.Sessions) }},
		{"yaml", "yaml", yamlout.Write},
	}
	read := func(t *testing.T, w struct {
		name, format string
		write        func(io.Writer, *schedule.Schedule) error
	}, s *schedule.Schedule) *schedule.Schedule {
		t.Helper()
		var out bytes.Buffer
		if err := w.write(&out, s); err != nil {
			t.Fatal(err)
		}
		r, diags, err := format.Read(w.format, "out", out.Bytes(), schedule.LoadOptions{})
		if err != nil || r == nil || schedule.HasErrors(diags) {
			t.Fatalf("the %s output cannot be read: %v %v\n%s", w.name, err, diags, out.Bytes())
		}
		schedule.Normalize(r)
		return r
	}
	for _, w := range writers {
		t.Run(w.name, func(t *testing.T) {
			out := read(t, w, yaml)
			// And back again through every format: a frab file and its
			// import, an import and its frab export.
			sides := []*schedule.Schedule{yaml, out}
			for _, back := range writers {
				sides = append(sides, read(t, back, out))
			}
			for i, a := range sides {
				for j, b := range sides {
					if i == j {
						continue
					}
					r := diff.Compare(a, b)
					r.Paired = nil // renumbered ids: frab's event ids are numbers
					want := &diff.Result{Conference: []diff.FieldChange{}, Tracks: []diff.TrackChange{}, Days: []diff.DayChange{},
						Added: []diff.SessionRef{}, Removed: []diff.SessionRef{}, Changed: []diff.SessionChange{}}
					if d := cmp.Diff(want, r); d != "" {
						t.Errorf("side %d against side %d (0 the source, 1 its %s, then that in each format) (-want +got):\n%s", i, j, w.name, d)
					}
				}
			}
		})
	}
}
