package frab

import (
	"bytes"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/schedkit/schedkit/schedule"
)

func date(y int, m time.Month, d int) schedule.Date { return schedule.Date{Year: y, Month: m, Day: d} }

// TestStartDate: startDate, the readers' way back from <day date> and
// <start> to the calendar date, undoes schedule.ConferenceDay (the cases
// are schedule's TestConferenceDay's).
func TestStartDate(t *testing.T) {
	berlin, err := schedule.LoadLocation("Europe/Berlin")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		at     time.Time
		change int // minutes after midnight
		want   schedule.Date
	}{
		{"midnight change", time.Date(2024, 6, 1, 0, 30, 0, 0, berlin), 0, date(2024, 6, 1)},
		{"before the change: the day before", time.Date(2024, 6, 1, 1, 30, 0, 0, berlin), 4 * 60, date(2024, 5, 31)},
		{"at the change", time.Date(2024, 6, 1, 4, 0, 0, 0, berlin), 4 * 60, date(2024, 6, 1)},
		{"a minute before the change", time.Date(2024, 6, 1, 3, 59, 0, 0, berlin), 4 * 60, date(2024, 5, 31)},
		{"late change", time.Date(2024, 6, 2, 10, 59, 0, 0, berlin), 11 * 60, date(2024, 6, 1)},
		{"new year", time.Date(2025, 1, 1, 2, 0, 0, 0, berlin), 3 * 60, date(2024, 12, 31)},
		// On the days clocks change, the wall clock decides, not the time
		// elapsed since midnight.
		{"spring change, at the day change", time.Date(2024, 3, 31, 4, 0, 0, 0, berlin), 4 * 60, date(2024, 3, 31)},
		{"spring change, after the day change", time.Date(2024, 3, 31, 4, 30, 0, 0, berlin), 4 * 60, date(2024, 3, 31)},
		{"autumn change, before the day change", time.Date(2024, 10, 27, 3, 30, 0, 0, berlin), 4 * 60, date(2024, 10, 26)},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if diff := cmp.Diff(schedule.DateOf(tc.at), startDate(tc.want, clockOf(tc.at), tc.change)); diff != "" {
				t.Errorf("startDate(%v, %s, %s) (-want +got):\n%s", tc.want, schedule.FormatClock(clockOf(tc.at)), schedule.FormatClock(tc.change), diff)
			}
		})
	}
}

// TestDayChangeAcrossDST writes sessions around the days on which clocks
// change, with a day_change, and reads them back: each session is inside
// the <day> it is written in, and the reader, which places <start> on its
// <day date>, finds no date-mismatch.
func TestDayChangeAcrossDST(t *testing.T) {
	src := `
conference: {name: DST Con, id: dstcon, timezone: Europe/Berlin, day_change: "04:00"}
tracks:
  - name: Night
    room: Hall
    sessions:
      - {id: a, title: Before the spring change, start: 2024-03-31T03:30, duration: 20m}
      - {id: b, title: At the day change after it, start: 2024-03-31T04:00, duration: 30m}
      - {id: c, title: After it, start: 2024-03-31T04:30, duration: 30m}
      - {id: d, title: Before the autumn change, start: 2024-10-27T03:30, duration: 20m}
      - {id: e, title: At the day change after it, start: 2024-10-27T04:00, duration: 30m}
`
	s, ds := schedule.Load("dst.yaml", []byte(src), schedule.LoadOptions{})
	if s == nil || schedule.HasErrors(ds) {
		t.Fatalf("fixture: %v", ds)
	}
	loc := s.Loc()
	want := map[string]schedule.Date{"a": date(2024, 3, 30), "b": date(2024, 3, 31), "c": date(2024, 3, 31), "d": date(2024, 10, 26), "e": date(2024, 10, 27)}
	got := map[string]schedule.Date{}
	p := makePlan(s, s.Sessions)
	for _, d := range p.days {
		for _, r := range d.rooms {
			for _, e := range r.events {
				got[e.s.ID] = d.date
				if e.s.Start.Before(d.start) || e.s.Start.After(d.end) {
					t.Errorf("%s starts at %v, outside its day %v (%v to %v)", e.s.ID, e.s.Start.In(loc), d.date, d.start, d.end)
				}
			}
		}
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("days (-want +got):\n%s", diff)
	}
	for _, f := range []struct {
		name  string
		write func(*bytes.Buffer, *schedule.Schedule) error
		read  reader
	}{{"xml", writeXML, ReadXML}, {"json", writeJSON, ReadJSON}} {
		var out bytes.Buffer
		if err := f.write(&out, s); err != nil {
			t.Fatal(err)
		}
		back, ds := f.read("dst."+f.name, out.Bytes(), schedule.LoadOptions{})
		if back == nil || len(ds) > 0 {
			t.Errorf("%s: reading the export back: %v", f.name, ds)
		}
	}
}
