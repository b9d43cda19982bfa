package frab

import (
	"bytes"
	"encoding/xml"
	"testing"

	gocmp "github.com/google/go-cmp/cmp"
	"github.com/schedkit/schedkit/schedule"
)

// TestRealData36C3DayFilter: on 36C3 (days 11:00 to 04:00, night talks
// after midnight, morning ones before 11:00), --day of each day selects as
// many sessions as the frab export lists under that <day>, so "day 2" is
// day 2's tab in every app. The file is ../shared/realdata's; without it
// the test is skipped (run it with -count=1: the file is not a test input
// go test's cache knows of).
func TestRealData36C3DayFilter(t *testing.T) {
	s, _, _ := readReal(t, "36c3-merged.schedule.xml", schedule.LoadOptions{})
	schedule.Normalize(s) // as the CLI does before it exports
	var out bytes.Buffer
	if err := WriteXML(&out, s, schedule.Filter{}.Select(s)); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Days []struct {
			Date  string `xml:"date,attr"`
			Rooms []struct {
				Events []struct {
					ID string `xml:"id,attr"`
				} `xml:"event"`
			} `xml:"room"`
		} `xml:"day"`
	}
	if err := xml.Unmarshal(out.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	want, got := map[string]int{}, map[string]int{}
	for _, d := range doc.Days {
		for _, r := range d.Rooms {
			want[d.Date] += len(r.Events)
		}
	}
	total := 0
	for date := range want {
		f := schedule.Filter{Days: []string{date}}
		if err := f.Check(s); err != nil {
			t.Errorf("--day %s: %v", date, err)
			continue
		}
		for _, ss := range f.Select(s) {
			if Writes(ss) { // frab leaves out cancelled sessions
				got[date]++
				total++
			}
		}
	}
	if len(want) != 4 {
		t.Errorf("frab export has %d days, want 36C3's 4: %v", len(want), want)
	}
	if diff := gocmp.Diff(want, got); diff != "" {
		t.Errorf("sessions per day, frab <day> vs --day (-want +got):\n%s", diff)
	}
	// Every written session is on one of the days: none is selected by no
	// --day, and none twice.
	night, written := 0, 0
	for _, ss := range s.Sessions {
		if !Writes(ss) {
			continue
		}
		written++
		if d, _ := s.SessionDay(ss); d != schedule.DateOf(ss.Start.In(s.Loc())) {
			night++
		}
	}
	if total != written {
		t.Errorf("--day of each day selects %d sessions in all, frab writes %d", total, written)
	}
	// The point of the test: sessions whose calendar date is not their day.
	if night == 0 {
		t.Errorf("no session after midnight on the day before: the test checks nothing")
	}
	t.Logf("%d sessions on %d days, %d of them after midnight: %v", written, len(want), night, want)
}
