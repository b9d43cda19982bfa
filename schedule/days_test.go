package schedule

import (
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// TestLoadDays: conference days are read as local date-times in the
// conference zone, seconds and a repeated hour's offset included, and
// every bad day is reported where it is and not kept.
func TestLoadDays(t *testing.T) {
	berlin, err := LoadLocation("Europe/Berlin")
	if err != nil {
		t.Fatal(err)
	}
	at := func(s string) time.Time {
		t.Helper()
		v, err := time.Parse(time.RFC3339, s)
		if err != nil {
			t.Fatal(err)
		}
		return v.In(berlin)
	}
	const tracks = "tracks: []\n"
	for _, tt := range []struct {
		name  string
		days  string // the days: value, with ∑ where a finding is expected
		want  []Day
		rules []string
		msgs  []string
	}{
		{
			name: "night days, seconds and the repeated hour",
			days: `
    - {date: 2024-10-26, start: "2024-10-26T11:00", end: "2024-10-27T02:30+01:00"}
    - {date: 2024-10-27, start: "2024-10-27T06:00", end: "2024-10-28T05:59:59"}`,
			want: []Day{
				{Date: Date{2024, 10, 26}, Start: at("2024-10-26T11:00:00+02:00"), End: at("2024-10-27T02:30:00+01:00")},
				{Date: Date{2024, 10, 27}, Start: at("2024-10-27T06:00:00+01:00"), End: at("2024-10-28T05:59:59+01:00")},
			},
		},
		{
			name: "a date-time without an offset reads the first of a repeated hour",
			days: `
    - {date: 2024-10-26, start: "2024-10-26T11:00", end: ∑"2024-10-27T02:30"}`,
			want:  []Day{{Date: Date{2024, 10, 26}, Start: at("2024-10-26T11:00:00+02:00"), End: at("2024-10-27T02:30:00+02:00")}},
			rules: []string{RuleDstAmbiguous},
		},
		{
			name: "bad days are reported and not kept",
			days: `
    - {date: ∑2024-02-30, start: "2024-03-01T10:00", end: "2024-03-01T20:00"}
    - {date: 2024-03-01, start: ∑"10:00", end: "2024-03-01T20:00"}
    - {date: 2024-03-02, start: "2024-03-02T10:00", end: ∑"2024-03-02T09:00"}
    - {date: 2024-03-03, start: "2024-03-03T10:00", end: ∑"2024-03-03T20:00:60"}
    - ∑{date: 2024-03-04, start: "2024-03-04T10:00"}
    - {date: 2024-03-05, start: ∑"2024-03-31T02:30", end: ∑"2024-03-31T02:45"}
    - {date: 2024-03-06, start: "2024-03-06T10:00", end: "2024-03-06T20:00", ∑bogus: 1}
    - {date: 2024-03-07, start: "2024-03-07T10:00", end: "2024-03-07T20:00"}
    - {date: ∑2024-03-07, start: "2024-03-08T10:00", end: "2024-03-08T20:00"}`,
			// An unknown field is an error, and the day is read as without it.
			want: []Day{
				{Date: Date{2024, 3, 6}, Start: at("2024-03-06T10:00:00+01:00"), End: at("2024-03-06T20:00:00+01:00")},
				{Date: Date{2024, 3, 7}, Start: at("2024-03-07T10:00:00+01:00"), End: at("2024-03-07T20:00:00+01:00")},
			},
			rules: []string{RuleBadValue, RuleBadValue, RuleBadValue, RuleBadValue, RuleRequired,
				RuleDstGap, RuleDstGap, RuleUnknownField, RuleBadValue},
			msgs: []string{"2024-02-30", "local date-time", "is not after start", "60 seconds", "needs its end",
				"does not exist", "does not exist", "bogus", "day 8's too"},
		},
	} {
		t.Run(tt.name, func(t *testing.T) {
			m := parseMarked("in.yaml", "conference:\n  name: C\n  timezone: Europe/Berlin\n  days:"+tt.days+"\n"+tracks)
			s, diags := Load("in.yaml", m.src, LoadOptions{})
			SortDiagnostics(diags)
			if diff := cmp.Diff(wantFindings(t, m, tt.rules), findings(diags, false)); diff != "" {
				t.Errorf("findings (-want +got):\n%s\nall:\n%s", diff, lines(diags))
			}
			for i, sub := range tt.msgs {
				if i < len(diags) && !strings.Contains(diags[i].Message, sub) {
					t.Errorf("finding %d %q lacks %q", i, diags[i].Message, sub)
				}
			}
			if diff := cmp.Diff(tt.want, s.Conference.Days); diff != "" {
				t.Errorf("days (-want +got):\n%s", diff)
			}
		})
	}
}
