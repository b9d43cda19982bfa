package frab

import (
	"cmp"
	"fmt"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	gocmp "github.com/google/go-cmp/cmp"
	"github.com/schedkit/schedkit/internal/testutil"
	"github.com/schedkit/schedkit/schedule"
)

// readReal reads a file of ../shared/realdata and validates it; it returns
// the schedule and the number of findings per rule.
func readReal(t testing.TB, name string, opt schedule.LoadOptions) (*schedule.Schedule, map[string]int, []schedule.Diagnostic) {
	t.Helper()
	read := ReadXML
	if strings.HasSuffix(name, ".json") {
		read = ReadJSON
	}
	s, ds := testutil.ReadFile(t, testutil.Shared(t, "realdata/"+name), read, opt)
	ds = schedule.Severities{}.Apply(ds)
	count := map[string]int{}
	for _, d := range ds {
		count[d.Rule]++
	}
	return s, count, ds
}

func rooms(s *schedule.Schedule) int {
	seen := map[string]bool{}
	for _, ss := range s.Sessions {
		seen[ss.Room] = true
	}
	return len(seen)
}

func TestRealDataFOSDEM(t *testing.T) {
	s, count, ds := readReal(t, "fosdem-2025.schedule.xml", schedule.LoadOptions{})
	if len(s.Sessions) != 1105 || rooms(s) != 35 {
		t.Errorf("%d sessions in %d rooms, want 1105 in 35", len(s.Sessions), rooms(s))
	}
	if schedule.HasErrors(ds) {
		t.Errorf("errors: %v", ds)
	}
	// Only FOSDEM Junior runs parallel sessions in one track.
	if diff := gocmp.Diff(map[string]int{"track-overlap": 9}, count); diff != "" {
		t.Errorf("findings (-want +got):\n%s", diff)
	}
	if s.Conference.TimeZone != "Europe/Brussels" || s.Conference.DayChange != "09:00" || s.Conference.ID != "fosdem-2025" {
		t.Errorf("conference %+v", s.Conference)
	}
}

// TestRealData36C3 pins the findings in the merged 36C3 schedule. The
// README counts 117 same-room overlaps: that is the number of events that
// overlap the event before them in their room; room-overlap reports every
// overlapping pair, 261 (242 events are involved).
func TestRealData36C3(t *testing.T) {
	s, count, _ := readReal(t, "36c3-merged.schedule.xml", schedule.LoadOptions{})
	want := map[string]int{
		"duplicate-id":     13,
		"duplicate-guid":   3,
		"end-before-start": 1, // the 00:00 event
		"duration-max":     6, // over 8 hours
		"room-overlap":     261,
		"zone-mismatch":    1,  // no time_zone_name
		"date-mismatch":    29, // events before their day's 11:00 start
		"bad-value":        10, // link URLs without a scheme
		"speaker-overlap":  76,
	}
	got := map[string]int{}
	for k := range want {
		got[k] = count[k]
	}
	if diff := gocmp.Diff(want, got); diff != "" {
		t.Errorf("findings (-want +got):\n%s", diff)
	}
	if len(s.Sessions) != 1351 || rooms(s) != 92 {
		t.Errorf("%d sessions in %d rooms, want 1351 in 92", len(s.Sessions), rooms(s))
	}
	// The README's 117: events overlapping their predecessor in the room.
	byRoom := map[string][]*schedule.Session{}
	for _, ss := range s.Sessions {
		byRoom[ss.Room] = append(byRoom[ss.Room], ss)
	}
	adjacent := 0
	for _, ss := range byRoom {
		slices.SortStableFunc(ss, func(a, b *schedule.Session) int {
			return cmp.Or(a.Start.Compare(b.Start), a.End.Compare(b.End))
		})
		for i := 1; i < len(ss); i++ {
			if ss[i].Start.Before(ss[i-1].End) {
				adjacent++
			}
		}
	}
	if adjacent != 117 {
		t.Errorf("%d events overlap their predecessor, want the README's 117", adjacent)
	}
	// With the real zone named, the offsets agree and nothing is said.
	_, count, _ = readReal(t, "36c3-merged.schedule.xml", schedule.LoadOptions{Timezone: "Europe/Berlin"})
	if count["zone-mismatch"] != 0 {
		t.Errorf("--timezone Europe/Berlin: %d zone-mismatch, want 0", count["zone-mismatch"])
	}
}

func TestRealDataDebConf23(t *testing.T) {
	s, count, _ := readReal(t, "debconf23.schedule.xml", schedule.LoadOptions{})
	if len(s.Sessions) != 117 || count["date-mismatch"] != 117 || count["zone-mismatch"] != 1 {
		t.Errorf("%d sessions, %d date-mismatch, %d zone-mismatch; want 117, 117, 1", len(s.Sessions), count["date-mismatch"], count["zone-mismatch"])
	}
	ist, _ := time.LoadLocation("Asia/Kolkata")
	first := s.Sessions[0]
	if want := time.Date(2023, 9, 10, 10, 30, 0, 0, ist); !first.Start.Equal(want) || first.Title != "Opening Ceremony" || first.Start.Location().String() != "Asia/Kolkata" {
		t.Errorf("first session %q at %v, want Opening Ceremony at %v", first.Title, first.Start, want)
	}
	// DebConf 23 ran 10–17 September 2023, IST; every <start> is IST wall clock.
	lo, hi := time.Date(2023, 9, 10, 0, 0, 0, 0, ist), time.Date(2023, 9, 18, 0, 0, 0, 0, ist)
	for _, ss := range s.Sessions {
		if ss.Start.Before(lo) || !ss.Start.Before(hi) {
			t.Errorf("%s (%s) starts %v, outside the conference", ss.ID, ss.Title, ss.Start)
		}
	}
}

func TestRealDataDemoCon(t *testing.T) {
	s, count, ds := readReal(t, "pretalx-democon.schedule.json", schedule.LoadOptions{})
	if len(s.Sessions) != 36 || count["zone-mismatch"] != 1 {
		t.Errorf("%d sessions, %d zone-mismatch; want 36, 1", len(s.Sessions), count["zone-mismatch"])
	}
	i := slices.IndexFunc(ds, func(d schedule.Diagnostic) bool { return d.Rule == "zone-mismatch" })
	if i < 0 || ds[i].Pos.Line != 12 {
		t.Errorf("zone-mismatch not at time_zone_name (line 12): %v", ds)
	}
	if got := s.Sessions[0].Start.Format(time.RFC3339); got != "2020-12-14T09:00:00+01:00" {
		t.Errorf("first session starts %s, want 2020-12-14T09:00:00+01:00", got)
	}
}

func BenchmarkReadXMLFOSDEM(b *testing.B) {
	data, err := os.ReadFile(testutil.Shared(b, "realdata/fosdem-2025.schedule.xml"))
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		ReadXML("f", data, schedule.LoadOptions{})
	}
}

func BenchmarkReadJSONDemoCon(b *testing.B) {
	data, err := os.ReadFile(testutil.Shared(b, "realdata/pretalx-democon.schedule.json"))
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		ReadJSON("f", data, schedule.LoadOptions{})
	}
}

// BenchmarkReadJSONOneLine reads a minified schedule.json: 20,000 events on
// one line, where column counting must not be quadratic.
func BenchmarkReadJSONOneLine(b *testing.B) {
	var evs []string
	for i := range 20000 {
		evs = append(evs, jev(strconv.Itoa(i+1), fmt.Sprintf("2026-03-27T%02d:%02d:00+01:00", 4+i%20, i%60), fmt.Sprintf("%02d:%02d", 4+i%20, i%60), "00:01"))
	}
	data := []byte(strings.ReplaceAll(jsonDoc(` "time_zone_name": "Europe/Berlin",`, strings.Join(evs, ",")), "\n", ""))
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		ReadJSON("f", data, schedule.LoadOptions{})
	}
}
