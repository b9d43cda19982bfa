package ics

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	goical "github.com/emersion/go-ical"
	"github.com/google/go-cmp/cmp"
	"github.com/schedkit/schedkit/format/frab"
	"github.com/schedkit/schedkit/internal/testutil"
	"github.com/schedkit/schedkit/schedule"
)

// A second, independent reader of the feeds: github.com/emersion/go-ical
// (a test dependency only), a real client library. Its VTIMEZONE
// components are resolved here with go-ical's RecurrenceSet, which expands
// RRULEs with github.com/teambition/rrule-go, not with the generator's
// rules nor with evalVTimezone.

// goicalZone is one VTIMEZONE as go-ical decodes it, its observances
// expanded into onsets up to some instant.
type goicalZone struct {
	initial int // the offset before the first onset: its TZOFFSETFROM
	ons     []goicalOnset
	offsets []int // every offset the zone has
}

type goicalOnset struct {
	at       time.Time
	from, to int
}

// goicalVTimezone expands the STANDARD and DAYLIGHT components of a
// decoded VTIMEZONE until the instant until.
func goicalVTimezone(t *testing.T, vtz *goical.Component, until time.Time) *goicalZone {
	t.Helper()
	z := &goicalZone{}
	for _, c := range vtz.Children {
		if c.Name != goical.CompTimezoneStandard && c.Name != goical.CompTimezoneDaylight {
			t.Fatalf("VTIMEZONE holds %s", c.Name)
		}
		from := parseOffset(t, c.Props.Get(goical.PropTimezoneOffsetFrom).Value)
		to := parseOffset(t, c.Props.Get(goical.PropTimezoneOffsetTo).Value)
		// DTSTART is local time before the onset: in TZOFFSETFROM.
		before := time.FixedZone("", from)
		start, err := c.Props.DateTime(goical.PropDateTimeStart, before)
		if err != nil {
			t.Fatal(err)
		}
		set, err := c.RecurrenceSet(before)
		if err != nil {
			t.Fatal(err)
		}
		if set == nil {
			z.ons = append(z.ons, goicalOnset{start.UTC(), from, to})
		} else {
			for _, at := range set.Between(start.Add(-time.Second), until, true) {
				z.ons = append(z.ons, goicalOnset{at.UTC(), from, to})
			}
		}
		for _, o := range []int{from, to} {
			if !slices.Contains(z.offsets, o) {
				z.offsets = append(z.offsets, o)
			}
		}
	}
	sort.Slice(z.ons, func(i, j int) bool { return z.ons[i].at.Before(z.ons[j].at) })
	if len(z.ons) == 0 {
		t.Fatal("VTIMEZONE without onsets")
	}
	z.initial = z.ons[0].from
	return z
}

// offsetAt is the offset in force at instant u.
func (z *goicalZone) offsetAt(u time.Time) int {
	o := z.initial
	for _, on := range z.ons {
		if on.at.After(u) {
			break
		}
		o = on.to
	}
	return o
}

// instant resolves a local wall time (given as UTC fields): the one
// instant whose offset makes it that wall time; an error in a gap or
// where the wall time occurs twice (the writer puts those in UTC).
func (z *goicalZone) instant(wall time.Time) (time.Time, error) {
	var found []time.Time
	for _, o := range z.offsets {
		u := wall.Add(-time.Duration(o) * time.Second)
		if z.offsetAt(u) == o && !slices.ContainsFunc(found, u.Equal) {
			found = append(found, u)
		}
	}
	if len(found) != 1 {
		return time.Time{}, fmt.Errorf("wall time %s names %d instants", wall.Format("2006-01-02 15:04:05"), len(found))
	}
	return found[0], nil
}

// goicalFeed is a feed as go-ical reads it: the calendar and its zones.
type goicalFeed struct {
	cal   *goical.Calendar
	zones map[string]*goicalZone
}

func decodeGoical(t *testing.T, data []byte) *goicalFeed {
	t.Helper()
	cal, err := goical.NewDecoder(bytes.NewReader(data)).Decode()
	if err != nil {
		t.Fatalf("go-ical: %v", err)
	}
	f := &goicalFeed{cal: cal, zones: map[string]*goicalZone{}}
	// The onsets up to two years after the last event are enough.
	last := 1970
	for _, ev := range cal.Events() {
		for _, name := range []string{goical.PropDateTimeStart, goical.PropDateTimeEnd} {
			if p := ev.Props.Get(name); p != nil && len(p.Value) >= 4 {
				var y int
				fmt.Sscan(p.Value[:4], &y)
				last = max(last, y)
			}
		}
	}
	for _, c := range cal.Children {
		if c.Name == goical.CompTimezone {
			f.zones[c.Props.Get(goical.PropTimezoneID).Value] = goicalVTimezone(t, c, time.Date(last+2, 1, 1, 0, 0, 0, 0, time.UTC))
		}
	}
	return f
}

// time reads DTSTART or DTEND of ev: a UTC time as such, a local one
// through the feed's VTIMEZONE of its TZID, which must also be the instant
// go-ical's own DateTime gives (it loads the TZID from the tz database).
// Zero when ev has no such property.
func (f *goicalFeed) time(t *testing.T, ev goical.Event, name string) time.Time {
	t.Helper()
	p := ev.Props.Get(name)
	if p == nil {
		return time.Time{}
	}
	tzdb, err := p.DateTime(nil)
	if err != nil {
		t.Fatalf("go-ical: %s: %v", name, err)
	}
	tzid := p.Params.Get(goical.ParamTimezoneID)
	if tzid == "" {
		if !strings.HasSuffix(p.Value, "Z") {
			t.Errorf("%s:%s is floating", name, p.Value)
		}
		return tzdb
	}
	z := f.zones[tzid]
	if z == nil {
		t.Fatalf("%s;TZID=%s: no VTIMEZONE", name, tzid)
	}
	wall, err := time.Parse("20060102T150405", p.Value)
	if err != nil {
		t.Fatal(err)
	}
	u, err := z.instant(wall)
	if err != nil {
		t.Fatalf("%s;TZID=%s:%s: through the VTIMEZONE: %v", name, tzid, p.Value, err)
	}
	if !u.Equal(tzdb) {
		t.Errorf("%s;TZID=%s:%s: the VTIMEZONE says %s, the tz database %s", name, tzid, p.Value, u, tzdb.UTC())
	}
	return u
}

// feedEvent is what the tests compare of a VEVENT.
type feedEvent struct {
	Start, End time.Time
	Summary    string
	Categories []string
}

// events reads every VEVENT of the feed by UID, failing on a repeated UID.
func (f *goicalFeed) events(t *testing.T) map[string]feedEvent {
	t.Helper()
	out := map[string]feedEvent{}
	for _, ev := range f.cal.Events() {
		uid, err := ev.Props.Text(goical.PropUID)
		if err != nil || uid == "" {
			t.Fatalf("go-ical: UID %q: %v", uid, err)
		}
		if _, dup := out[uid]; dup {
			t.Errorf("UID %s twice", uid)
		}
		e := feedEvent{Start: f.time(t, ev, goical.PropDateTimeStart), End: f.time(t, ev, goical.PropDateTimeEnd)}
		if e.Summary, err = ev.Props.Text(goical.PropSummary); err != nil {
			t.Errorf("go-ical: SUMMARY of %s: %v", uid, err)
		}
		cats := ev.Props.Values(goical.PropCategories)
		if len(cats) > 1 {
			t.Errorf("%s has %d CATEGORIES lines, want one", uid, len(cats))
		}
		for _, p := range cats {
			l, err := p.TextList()
			if err != nil {
				t.Errorf("go-ical: CATEGORIES of %s: %v", uid, err)
			}
			e.Categories = append(e.Categories, l...)
		}
		out[uid] = e
	}
	return out
}

// wantEvents is what the feed of sessions ss should say, by UID, all being
// Events of their schedule.
func wantEvents(all map[*schedule.Session]Event, ss []*schedule.Session) map[string]feedEvent {
	out := map[string]feedEvent{}
	for _, x := range ss {
		if e, ok := all[x]; ok {
			out[e.UID] = feedEvent{Start: e.Start.UTC(), End: e.End.UTC(), Summary: e.Summary, Categories: e.Categories}
		}
	}
	return out
}

var utcTimes = cmp.Comparer(func(a, b time.Time) bool { return a.Equal(b) })

// TestFeedsReadByGoIcal decodes every feed export ics writes for the
// fixtures and the real schedules (FOSDEM 2025, 36C3, DebConf23, DemoCon,
// and JRES as import reads it) with go-ical, the whole feed and one per
// track as --split track writes them: the events (by UID), their
// DTSTART/DTEND instants through the VTIMEZONE, SUMMARY and CATEGORIES
// (one line) must be what was written.
func TestFeedsReadByGoIcal(t *testing.T) {
	type source struct {
		name string
		load func(t *testing.T) *schedule.Schedule
	}
	var sources []source
	for _, f := range fixtures(t) {
		sources = append(sources, source{filepath.Base(f), func(t *testing.T) *schedule.Schedule { return load(t, f) }})
	}
	for _, name := range []string{"fosdem-2025.schedule.xml", "36c3-merged.schedule.xml", "debconf23.schedule.xml", "pretalx-democon.schedule.json", "jres-2022.ics"} {
		sources = append(sources, source{name, func(t *testing.T) *schedule.Schedule {
			data, err := os.ReadFile(testutil.Shared(t, "realdata/"+name))
			if err != nil {
				t.Fatal(err)
			}
			read := frab.ReadXML
			switch {
			case strings.HasSuffix(name, ".json"):
				read = frab.ReadJSON
			case strings.HasSuffix(name, ".ics"):
				read = Read
			}
			s, diags := read(name, data, schedule.LoadOptions{})
			if s == nil {
				t.Fatalf("%s cannot be read: %v", name, diags)
			}
			schedule.Normalize(s)
			return s
		}})
	}
	for _, src := range sources {
		t.Run(src.name, func(t *testing.T) {
			s := src.load(t)
			feeds := map[string][]*schedule.Session{"all": s.Sessions}
			for _, x := range s.Sessions {
				feeds["track "+x.TrackName()] = append(feeds["track "+x.TrackName()], x)
			}
			all := Events(s)
			for name, ss := range feeds {
				want := wantEvents(all, ss)
				got := decodeGoical(t, encode(t, s, ss, Options{})).events(t)
				if diff := cmp.Diff(want, got, utcTimes); diff != "" {
					t.Errorf("%s: go-ical reads (-want +got):\n%s", name, diff)
				}
				if name == "all" && len(want) < 3 {
					t.Errorf("only %d events", len(want))
				}
			}
		})
	}
}

// TestVTimezoneInstants writes feeds of sessions all through the years of
// a schedule (every 61 hours, and across every change of offset) in zones
// of every kind, and resolves each DTSTART and DTEND through the written
// VTIMEZONE with go-ical and rrule-go: each must be its session's instant.
// It also checks the VTIMEZONE's form: one STANDARD and one DAYLIGHT with
// yearly rules where the zone's rule held from the year before the
// schedule on, one STANDARD without DST, the explicit form otherwise.
func TestVTimezoneInstants(t *testing.T) {
	const (
		pair     = "pair"     // STANDARD and DAYLIGHT, each with RRULE
		single   = "single"   // one STANDARD, no RRULE
		explicit = "explicit" // the transitions as they are (1970 block first)
	)
	tests := []struct {
		zone     string
		from, to int
		form     string
	}{
		{"Europe/Berlin", 2024, 2024, pair},
		{"Europe/Berlin", 2025, 2026, pair},
		{"Europe/Berlin", 1996, 1997, explicit}, // 1996: summer time ends in October, not September
		{"America/New_York", 2019, 2019, pair},
		{"America/New_York", 2007, 2008, explicit}, // 2006 had the old US rule
		{"America/New_York", 2008, 2009, pair},
		{"Australia/Sydney", 2025, 2026, pair}, // southern: DST over New Year
		{"Asia/Kolkata", 2025, 2025, single},
		{"America/Sao_Paulo", 2017, 2018, explicit},
		{"America/Sao_Paulo", 2019, 2019, explicit}, // DST abolished in 2019
		{"America/Sao_Paulo", 2020, 2021, single},
		{"Europe/Dublin", 2024, 2025, pair}, // negative DST in the tz database
		{"Australia/Lord_Howe", 2024, 2025, pair},
		{"Africa/Casablanca", 2024, 2025, explicit}, // Ramadan
	}
	for _, tc := range tests {
		t.Run(fmt.Sprintf("%s/%d-%d", tc.zone, tc.from, tc.to), func(t *testing.T) {
			loc, err := time.LoadLocation(tc.zone)
			if err != nil {
				t.Fatal(err)
			}
			s := &schedule.Schedule{Conference: schedule.Conference{Name: "Zones", ID: "zones", TimeZone: tc.zone}, Location: loc}
			n := 0
			add := func(start time.Time, d time.Duration) {
				n++
				s.AddSession(nil, &schedule.Session{ID: fmt.Sprint("s", n), Title: fmt.Sprint("Session ", n), Room: "R",
					Start: start, End: start.Add(d)})
			}
			end := time.Date(tc.to+1, 1, 1, 0, 0, 0, 0, loc)
			for u := time.Date(tc.from, 1, 1, 0, 0, 0, 0, loc); u.Before(end); u = u.Add(61 * time.Hour) {
				add(u, 45*time.Minute)
			}
			for _, tr := range Transitions(loc, tc.from, tc.to) {
				add(tr.At.Add(-90*time.Minute), 3*time.Hour) // across it
				add(tr.At.Add(-time.Minute), time.Minute)    // just before
				add(tr.At, 30*time.Minute)                   // at it
			}
			f := decodeGoical(t, encode(t, s, s.Sessions, Options{}))
			if diff := cmp.Diff(wantEvents(Events(s), s.Sessions), f.events(t), utcTimes); diff != "" {
				t.Errorf("instants through the VTIMEZONE (-want +got):\n%s", diff)
			}

			var blocks []string
			var vtz *goical.Component
			for _, c := range f.cal.Children {
				if c.Name == goical.CompTimezone {
					vtz = c
				}
			}
			if vtz == nil {
				t.Fatal("no VTIMEZONE")
			}
			for _, c := range vtz.Children {
				b := c.Name
				if c.Props.Get(goical.PropRecurrenceRule) != nil {
					b += "+RRULE"
				}
				blocks = append(blocks, b)
			}
			var want []string
			switch tc.form {
			case pair:
				want = []string{"STANDARD+RRULE", "DAYLIGHT+RRULE"}
			case single:
				want = []string{"STANDARD"}
			}
			if want == nil {
				if slices.Equal(blocks, []string{"STANDARD+RRULE", "DAYLIGHT+RRULE"}) || slices.Equal(blocks, []string{"STANDARD"}) {
					t.Errorf("blocks %v, want the explicit form", blocks)
				}
				return
			}
			if diff := cmp.Diff(want, blocks); diff != "" {
				t.Errorf("VTIMEZONE blocks (-want +got):\n%s", diff)
			}
			if tc.form != pair {
				return
			}
			std, dst := vtz.Children[0], vtz.Children[1]
			if to := func(c *goical.Component) int { return parseOffset(t, c.Props.Get(goical.PropTimezoneOffsetTo).Value) }; to(dst) <= to(std) {
				t.Errorf("DAYLIGHT's offset %d s is not larger than STANDARD's %d s", to(dst), to(std))
			}
			for _, c := range []*goical.Component{std, dst} {
				if y := c.Props.Get(goical.PropDateTimeStart).Value[:4]; y != fmt.Sprint(tc.from-1) {
					t.Errorf("%s DTSTART in %s, want %d (the year before the schedule)", c.Name, y, tc.from-1)
				}
			}
		})
	}
}

// feedsEnv names the directories (a list, as PATH) whose .ics files
// TestGoIcalReadsFeedsIn reads: .ci/steps/30-ics.sh sets it to the feeds
// it wrote with the schedkit binary, every --split included.
const feedsEnv = "SCHEDKIT_ICS_FEEDS"

// TestGoIcalReadsFeedsIn decodes every .ics file under the directories
// $SCHEDKIT_ICS_FEEDS names with go-ical (skipped when it is unset): each
// must decode, each DTSTART/DTEND resolve through the feed's VTIMEZONE to
// the instant the tz database gives, each event have one CATEGORIES line
// at most, and a UID mean the same event in every feed.
func TestGoIcalReadsFeedsIn(t *testing.T) {
	dirs := filepath.SplitList(os.Getenv(feedsEnv))
	if len(dirs) == 0 {
		t.Skip(feedsEnv + " is not set")
	}
	type seen struct {
		file string
		ev   feedEvent
	}
	byUID := map[string]seen{}
	files, events := 0, 0
	for _, dir := range dirs {
		err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(p, ".ics") {
				return err
			}
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			files++
			for uid, ev := range decodeGoical(t, data).events(t) {
				events++
				if s, ok := byUID[uid]; ok {
					if diff := cmp.Diff(s.ev, ev, utcTimes); diff != "" {
						t.Errorf("%s in %s differs from %s (-there +here):\n%s", uid, p, s.file, diff)
					}
					continue
				}
				byUID[uid] = seen{p, ev}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	if files == 0 {
		t.Fatalf("no .ics file under %s", strings.Join(dirs, ", "))
	}
	t.Logf("go-ical read %d feeds, %d events, %d distinct UIDs", files, events, len(byUID))
}
