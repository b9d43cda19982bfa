package schedule

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func date(y int, m time.Month, d int) Date { return Date{Year: y, Month: m, Day: d} }

// TestConferenceDay: the day a session belongs to when days start at a
// day_change (format/frab's TestStartDate checks the readers' inverse).
func TestConferenceDay(t *testing.T) {
	berlin, err := LoadLocation("Europe/Berlin")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		at     time.Time
		change int // minutes after midnight
		want   Date
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
			if diff := cmp.Diff(tc.want, ConferenceDay(tc.at, tc.change)); diff != "" {
				t.Errorf("ConferenceDay(%v, %s) (-want +got):\n%s", tc.at, FormatClock(tc.change), diff)
			}
		})
	}
}

// TestDayBounds: a day runs from the day_change wall clock to one minute
// before the next day's, in the conference zone, across DST changes too.
func TestDayBounds(t *testing.T) {
	berlin, err := LoadLocation("Europe/Berlin")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name       string
		d          Date
		change     int
		start, end string // RFC 3339
	}{
		{"midnight", date(2024, 6, 1), 0, "2024-06-01T00:00:00+02:00", "2024-06-01T23:59:00+02:00"},
		{"04:00", date(2024, 6, 1), 4 * 60, "2024-06-01T04:00:00+02:00", "2024-06-02T03:59:00+02:00"},
		{"into summer time", date(2024, 3, 30), 4 * 60, "2024-03-30T04:00:00+01:00", "2024-03-31T03:59:00+02:00"},
		{"out of summer time", date(2024, 10, 26), 9 * 60, "2024-10-26T09:00:00+02:00", "2024-10-27T08:59:00+01:00"},
	}
	for _, tc := range tests {
		start, end := DayBounds(tc.d, tc.change, berlin)
		got := [2]string{start.Format(time.RFC3339), end.Format(time.RFC3339)}
		if diff := cmp.Diff([2]string{tc.start, tc.end}, got); diff != "" {
			t.Errorf("%s: DayBounds(%v, %s) (-want +got):\n%s", tc.name, tc.d, FormatClock(tc.change), diff)
		}
	}
}

func TestDayChange(t *testing.T) {
	for _, tc := range []struct {
		dayChange string
		want      int
	}{{"", 0}, {"04:00", 240}, {"11:30", 690}} {
		if got := (&Conference{DayChange: tc.dayChange}).DayChangeClock(); got != tc.want {
			t.Errorf("DayChangeClock of %q = %d, want %d", tc.dayChange, got, tc.want)
		}
	}
}

// TestDayOf: a session is written on the last of the source's days
// that holds its start (ends included), else on the source's day of its
// date after day_change, else on a day with computed bounds.
func TestDayOf(t *testing.T) {
	berlin, err := LoadLocation("Europe/Berlin")
	if err != nil {
		t.Fatal(err)
	}
	at := func(d, h, m int) time.Time { return time.Date(2024, 12, d, h, m, 0, 0, berlin) }
	// A congress: day 1 runs 11:00 to 06:00, day 2 06:00 to 06:00.
	kept := []Day{
		{Date: date(2024, 12, 27), Start: at(27, 11, 0), End: at(28, 6, 0)},
		{Date: date(2024, 12, 28), Start: at(28, 6, 0), End: at(29, 6, 0)},
	}
	const change = 6 * 60
	computed29 := Day{Date: date(2024, 12, 29), Start: at(29, 6, 0), End: at(30, 5, 59)}
	tests := []struct {
		name string
		kept []Day
		at   time.Time
		want Day
	}{
		{"a DJ set at 02:00 is on the day before", kept, at(28, 2, 0), kept[0]},
		{"at a day's end and the next's start: the next", kept, at(28, 6, 0), kept[1]},
		{"before the first day starts: the day of its date", kept, at(27, 9, 30), kept[0]},
		{"after the last day: a computed day", kept, at(29, 14, 0), computed29},
		{"no days kept: computed", nil, at(29, 14, 0), computed29},
		// DebConf 23 names the day that starts on the 28th at 03:00 the 27th.
		{"a day named by the date before", []Day{{Date: date(2024, 12, 27), Start: at(28, 3, 0), End: at(29, 2, 59)}}, at(28, 10, 30),
			Day{Date: date(2024, 12, 27), Start: at(28, 3, 0), End: at(29, 2, 59)}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if diff := cmp.Diff(tc.want, dayOf(tc.kept, tc.at, change)); diff != "" {
				t.Errorf("dayOf(%v) (-want +got):\n%s", tc.at, diff)
			}
		})
	}
}
