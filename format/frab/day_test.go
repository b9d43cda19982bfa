package frab

import (
	"bytes"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/schedkit/schedkit/schedule"
)

func date(y int, m time.Month, d int) schedule.Date { return schedule.Date{Year: y, Month: m, Day: d} }

// TestConferenceDay: the day a session belongs to when days start at a
// day_change, and startDate, the readers' way back from <day date> and
// <start> to the calendar date, undoes it.
func TestConferenceDay(t *testing.T) {
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
			if diff := cmp.Diff(tc.want, conferenceDay(tc.at, tc.change)); diff != "" {
				t.Errorf("conferenceDay(%v, %s) (-want +got):\n%s", tc.at, schedule.FormatClock(tc.change), diff)
			}
			if diff := cmp.Diff(schedule.DateOf(tc.at), startDate(tc.want, clockOf(tc.at), tc.change)); diff != "" {
				t.Errorf("startDate(%v, %s, %s) (-want +got):\n%s", tc.want, schedule.FormatClock(clockOf(tc.at)), schedule.FormatClock(tc.change), diff)
			}
		})
	}
}

// TestDayBounds: a day runs from the day_change wall clock to one minute
// before the next day's, in the conference zone, across DST changes too.
func TestDayBounds(t *testing.T) {
	berlin, err := schedule.LoadLocation("Europe/Berlin")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name       string
		d          schedule.Date
		change     int
		start, end string // RFC 3339
	}{
		{"midnight", date(2024, 6, 1), 0, "2024-06-01T00:00:00+02:00", "2024-06-01T23:59:00+02:00"},
		{"04:00", date(2024, 6, 1), 4 * 60, "2024-06-01T04:00:00+02:00", "2024-06-02T03:59:00+02:00"},
		{"into summer time", date(2024, 3, 30), 4 * 60, "2024-03-30T04:00:00+01:00", "2024-03-31T03:59:00+02:00"},
		{"out of summer time", date(2024, 10, 26), 9 * 60, "2024-10-26T09:00:00+02:00", "2024-10-27T08:59:00+01:00"},
	}
	for _, tc := range tests {
		start, end := dayBounds(tc.d, tc.change, berlin)
		got := [2]string{start.Format(time.RFC3339), end.Format(time.RFC3339)}
		if diff := cmp.Diff([2]string{tc.start, tc.end}, got); diff != "" {
			t.Errorf("%s: dayBounds(%v, %s) (-want +got):\n%s", tc.name, tc.d, schedule.FormatClock(tc.change), diff)
		}
	}
}

func TestDayChange(t *testing.T) {
	for _, tc := range []struct {
		dayChange string
		want      int
	}{{"", 0}, {"04:00", 240}, {"11:30", 690}} {
		if got := dayChange(&schedule.Conference{DayChange: tc.dayChange}); got != tc.want {
			t.Errorf("dayChange(%q) = %d, want %d", tc.dayChange, got, tc.want)
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

// TestSourceDay: a session is written on the last of the source's days
// that holds its start (ends included), else on the source's day of its
// date after day_change, else on a day with computed bounds.
func TestSourceDay(t *testing.T) {
	berlin, err := schedule.LoadLocation("Europe/Berlin")
	if err != nil {
		t.Fatal(err)
	}
	at := func(d, h, m int) time.Time { return time.Date(2024, 12, d, h, m, 0, 0, berlin) }
	// A congress: day 1 runs 11:00 to 06:00, day 2 06:00 to 06:00.
	kept := []schedule.Day{
		{Date: date(2024, 12, 27), Start: at(27, 11, 0), End: at(28, 6, 0)},
		{Date: date(2024, 12, 28), Start: at(28, 6, 0), End: at(29, 6, 0)},
	}
	const change = 6 * 60
	computed29 := schedule.Day{Date: date(2024, 12, 29), Start: at(29, 6, 0), End: at(30, 5, 59)}
	tests := []struct {
		name string
		kept []schedule.Day
		at   time.Time
		want schedule.Day
	}{
		{"a DJ set at 02:00 is on the day before", kept, at(28, 2, 0), kept[0]},
		{"at a day's end and the next's start: the next", kept, at(28, 6, 0), kept[1]},
		{"before the first day starts: the day of its date", kept, at(27, 9, 30), kept[0]},
		{"after the last day: a computed day", kept, at(29, 14, 0), computed29},
		{"no days kept: computed", nil, at(29, 14, 0), computed29},
		// DebConf 23 names the day that starts on the 28th at 03:00 the 27th.
		{"a day named by the date before", []schedule.Day{{Date: date(2024, 12, 27), Start: at(28, 3, 0), End: at(29, 2, 59)}}, at(28, 10, 30),
			schedule.Day{Date: date(2024, 12, 27), Start: at(28, 3, 0), End: at(29, 2, 59)}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if diff := cmp.Diff(tc.want, sourceDay(tc.kept, tc.at, change)); diff != "" {
				t.Errorf("sourceDay(%v) (-want +got):\n%s", tc.at, diff)
			}
		})
	}
}
