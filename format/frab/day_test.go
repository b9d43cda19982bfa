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
// <start> to the calendar date, undoes schedule.ConferenceDay, for every
// half hour of the weeks around both clock changes and several day
// changes.
func TestStartDate(t *testing.T) {
	berlin, err := schedule.LoadLocation("Europe/Berlin")
	if err != nil {
		t.Fatal(err)
	}
	for _, from := range []time.Time{
		time.Date(2024, 3, 28, 0, 0, 0, 0, berlin),
		time.Date(2024, 10, 24, 0, 0, 0, 0, berlin),
		time.Date(2024, 12, 29, 0, 0, 0, 0, berlin),
	} {
		for _, change := range []int{0, 3 * 60, 4 * 60, 11 * 60} {
			for at := from; at.Before(from.AddDate(0, 0, 7)); at = at.Add(30 * time.Minute) {
				d := schedule.ConferenceDay(at, change)
				if got := startDate(d, clockOf(at), change); got != schedule.DateOf(at) {
					t.Errorf("startDate(%v, %s, %s) = %v, want %v", d, schedule.FormatClock(clockOf(at)), schedule.FormatClock(change), got, schedule.DateOf(at))
				}
			}
		}
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
