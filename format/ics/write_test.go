package ics

import (
	"bytes"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	ical "github.com/arran4/golang-ical"
	"github.com/schedkit/schedkit/format/frab"
	"github.com/schedkit/schedkit/internal/testutil"
	"github.com/schedkit/schedkit/schedule"
)

// golangIcal is the feed as golang-ical serializes the Calendar: what
// Encode wrote before it wrote the events itself.
func golangIcal(t testing.TB, s *schedule.Schedule, opt Options) []byte {
	t.Helper()
	cal, err := Calendar(s, s.Sessions, opt)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := cal.SerializeTo(&b, ical.WithNewLineWindows); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func sameAsGolangIcal(t testing.TB, name string, s *schedule.Schedule, opt Options) {
	t.Helper()
	var got bytes.Buffer
	if err := Encode(&got, s, s.Sessions, opt); err != nil {
		t.Fatal(err)
	}
	want := golangIcal(t, s, opt)
	if !bytes.Equal(got.Bytes(), want) {
		g, w := strings.Split(got.String(), "\r\n"), strings.Split(string(want), "\r\n")
		for i := range min(len(g), len(w)) {
			if g[i] != w[i] {
				t.Fatalf("%s: line %d differs:\ngolang-ical: %q\nEncode:      %q", name, i+1, w[i], g[i])
			}
		}
		t.Fatalf("%s: %d lines, golang-ical %d", name, len(g), len(w))
	}
}

// TestEncodeSameAsGolangIcal: Encode writes every feed byte for byte as
// golang-ical serializes the Calendar of the same sessions: the fixtures,
// the real schedules, a generated one, and texts that fold at every kind of
// boundary; with and without an organizer, a state's revisions, in UTC.
func TestEncodeSameAsGolangIcal(t *testing.T) {
	var files []string
	filepath.WalkDir(filepath.Join(testutil.Root(), "testdata"), func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".yaml") {
			files = append(files, p)
		}
		return nil
	})
	if len(files) < 5 {
		t.Fatalf("only %d fixtures", len(files))
	}
	for _, p := range files {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		s, _ := schedule.Load(p, data, schedule.LoadOptions{})
		if s == nil {
			continue
		}
		schedule.Normalize(s)
		sameAsGolangIcal(t, p, s, Options{Version: "test"})
		sameAsGolangIcal(t, p+" (name, refresh)", s, Options{Name: "Feed, the; \\ one", Refresh: 90 * time.Minute, Stamp: time.Unix(1700000000, 0)})
	}
	t.Run("realdata", func(t *testing.T) {
		for _, name := range []string{"fosdem-2025.schedule.xml", "36c3-merged.schedule.xml", "debconf23.schedule.xml", "pretalx-democon.schedule.json"} {
			data, err := os.ReadFile(testutil.Shared(t, "realdata/"+name))
			if err != nil {
				t.Fatal(err)
			}
			read := frab.ReadXML
			if strings.HasSuffix(name, ".json") {
				read = frab.ReadJSON
			}
			s, _ := read(name, data, schedule.LoadOptions{})
			if s == nil {
				t.Fatalf("%s not read", name)
			}
			sameAsGolangIcal(t, name, s, Options{})
		}
	})
	t.Run("generated", func(t *testing.T) {
		s := generated(t, 500)
		sameAsGolangIcal(t, "generated", s, Options{})
		revs := map[*schedule.Session]Revision{}
		for i, x := range s.Sessions[:50] {
			revs[x] = Revision{UID: "uid-" + x.ID + ",;\\", Sequence: i, Modified: time.Unix(int64(1e9+i), 0)}
		}
		sameAsGolangIcal(t, "generated with revisions", s, Options{Revisions: revs})
		s.Conference.Organizer = &schedule.Organizer{Name: "O'Brien, Team; \"Q\"", Email: "a@b.org"}
		sameAsGolangIcal(t, "organizer", s, Options{})
		s.Conference.Organizer = nil
		sameAsGolangIcal(t, "no organizer", s, Options{})
	})
	for i, text := range foldTexts {
		s := generated(t, 3)
		x := s.Sessions[1]
		x.Title, x.Abstract, x.Room, x.Tags = text, text+"\n\n"+text, text, []string{text}
		x.Speakers = []schedule.Person{{Name: text, Affiliation: text}}
		x.URL = "https://example.org/" + strings.ReplaceAll(text, " ", "/")
		s.Conference.Organizer.Name = text
		s.Sessions[2].Status, s.Sessions[2].Type = schedule.StatusCancelled, schedule.TypeBreak
		sameAsGolangIcal(t, "fold text "+string(rune('a'+i)), s, Options{})
	}
}

// foldTexts put spaces, < and > and multi-byte characters at and around
// the fold positions.
var foldTexts = []string{
	strings.Repeat("x", 200),
	strings.Repeat("é", 120),
	strings.Repeat("🎉", 60),
	strings.Repeat("ab ", 70),
	strings.Repeat("<a>b", 50),
	strings.Repeat(">", 90) + strings.Repeat("<", 90),
	"a" + strings.Repeat(" ", 100) + "b",
	strings.Repeat("x", 74) + " " + strings.Repeat("y", 74) + "<" + strings.Repeat("z", 80),
	strings.Repeat("語", 30) + " " + strings.Repeat("ü", 60),
	strings.Repeat("a,b;c\\d", 30),
}

// FuzzEncodeSameAsGolangIcal: for any texts, Encode writes what
// golang-ical writes.
func FuzzEncodeSameAsGolangIcal(f *testing.F) {
	for _, s := range foldTexts {
		f.Add(s, s, "Room "+s, "Team")
	}
	f.Fuzz(func(t *testing.T, title, abstract, room, org string) {
		s := generated(t, 2)
		x := s.Sessions[0]
		x.Title, x.Abstract, x.Room = title, abstract, room
		x.Speakers = []schedule.Person{{Name: org}}
		x.URL = "https://example.org/" + title
		x.Tags = []string{room, abstract}
		s.Conference.Organizer.Name = org
		sameAsGolangIcal(t, "fuzz", s, Options{})
	})
}

// TestFoldAtUTF8: the byte-wise foldAt breaks every line where the
// character-by-character form does, for texts with boundaries (space, <,
// after >) and characters of one to four bytes at, before and after the
// limits; it takes every valid text longer than the limit and declines
// invalid UTF-8 within reach of the fold.
func TestFoldAtUTF8(t *testing.T) {
	texts := []string{strings.Repeat("x", 80)}
	for _, c := range []string{" ", "<", ">", "> ", "<>", "é", "語", "🎉", "e\u0301", ">é", "é<", "\u2060"} {
		for i := 0; i < 80; i++ {
			texts = append(texts, strings.Repeat("x", i)+c+strings.Repeat("y", 80-i), strings.Repeat("ü", i/2)+c+strings.Repeat("🎉", 20))
		}
	}
	for _, s := range append(texts, foldTexts...) {
		for _, max := range []int{maxLine, maxLine - 1} {
			got, want := foldAtUTF8(max, []byte(s)), foldAtRunes(max, []byte(s))
			if len(s) > max && got < 0 {
				t.Errorf("foldAtUTF8(%d, %q) declined valid UTF-8", max, s)
			} else if got >= 0 && got != want {
				t.Errorf("foldAtUTF8(%d, %q) = %d, foldAtRunes %d", max, s, got, want)
			}
		}
	}
	for _, s := range []string{
		"x\xff" + strings.Repeat("x", 80),                 // an invalid byte counts 3 octets
		strings.Repeat("x", 74) + "\xe2\x81" + "xx",       // a character cut short at the limit
		strings.Repeat("x", 75) + "\xe2\x81",              // … and at the end
		"\x80" + strings.Repeat("x", 80),                  // a continuation byte first
		strings.Repeat("x", 75) + "\xa9" + "xx",           // a stray continuation byte at the limit
		strings.Repeat("x", 73) + "\xed\xa0\x80" + "xxxx", // a surrogate
	} {
		if n := foldAtUTF8(maxLine, []byte(s)); n != -1 {
			t.Errorf("foldAtUTF8 of invalid %q = %d, want -1", s, n)
		}
	}
}

// FuzzFoldAtSameAsRunes: foldAt (byte-wise for valid UTF-8) is the
// character-by-character foldAtRunes for any bytes.
func FuzzFoldAtSameAsRunes(f *testing.F) {
	for _, s := range foldTexts {
		f.Add(s)
	}
	f.Add(strings.Repeat("x", 74) + "\xe2\x81" + "xx")
	f.Add(strings.Repeat("ab>", 24) + "語語")
	f.Fuzz(func(t *testing.T, s string) {
		for _, max := range []int{1, 3, maxLine - 1, maxLine} {
			if len(s) <= max {
				continue // appendFolded folds only longer lines
			}
			if got, want := foldAt(max, []byte(s)), foldAtRunes(max, []byte(s)); got != want {
				t.Fatalf("foldAt(%d, %q) = %d, foldAtRunes %d", max, s, got, want)
			}
		}
	})
}

// TestAmbiguousSameAsSchedule: the renderer's ambiguity test, with the
// stretch of time it remembers as clear, answers as schedule.Ambiguous
// for instants around every change of offset over ten years in zones
// with DST changes of an hour, half an hour and two hours, a skipped day,
// DST abolished, none at all and a fixed offset, visited forwards,
// backwards and at random.
func TestAmbiguousSameAsSchedule(t *testing.T) {
	zones := []*time.Location{time.UTC, time.FixedZone("X", 5*3600+1800)}
	for _, name := range []string{"Europe/Berlin", "America/New_York", "Australia/Lord_Howe", "Antarctica/Troll",
		"Pacific/Apia", "America/Sao_Paulo", "Asia/Kolkata", "Europe/Dublin"} {
		loc, err := time.LoadLocation(name)
		if err != nil {
			t.Fatal(err)
		}
		zones = append(zones, loc)
	}
	for _, loc := range zones {
		from, to := time.Date(2011, 1, 1, 0, 0, 0, 0, loc), time.Date(2020, 12, 31, 0, 0, 0, 0, loc)
		var times []time.Time
		for u := from; u.Before(to); u = u.Add(5*time.Hour + 7*time.Minute + 13*time.Second) {
			times = append(times, u)
		}
		// Every 7 minutes from two days before to two days after each
		// change of offset.
		for u := from; u.Before(to); {
			_, end := u.ZoneBounds()
			if end.IsZero() || !end.Before(to) {
				break
			}
			for v := end.Add(-48 * time.Hour); v.Before(end.Add(48 * time.Hour)); v = v.Add(7*time.Minute + 1*time.Second) {
				times = append(times, v)
			}
			u = end
		}
		want := make([]bool, len(times))
		n := 0
		for i, u := range times {
			if want[i] = schedule.Ambiguous(u); want[i] {
				n++
			}
		}
		if loc.String() == "Europe/Berlin" && n < 100 {
			t.Fatalf("%s: only %d of %d instants ambiguous", loc, n, len(times))
		}
		rnd := rand.New(rand.NewPCG(1, 2))
		for _, order := range []string{"forwards", "backwards", "random"} {
			idx := make([]int, len(times))
			for i := range idx {
				idx[i] = i
			}
			switch order {
			case "backwards":
				slices.Reverse(idx)
			case "random":
				rnd.Shuffle(len(idx), func(i, j int) { idx[i], idx[j] = idx[j], idx[i] })
			}
			r := &renderer{}
			for _, i := range idx {
				if got := r.ambiguous(times[i]); got != want[i] {
					t.Fatalf("%s, %s: ambiguous(%s) = %v, schedule.Ambiguous %v", loc, order, times[i], got, want[i])
				}
			}
		}
	}
}

// TestAppendDateTime: appendDateTime writes what AppendFormat writes with
// the DATE-TIME layout, also for years outside 0 to 9999.
func TestAppendDateTime(t *testing.T) {
	berlin, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		t.Fatal(err)
	}
	for _, u := range []time.Time{
		time.Date(2024, 3, 31, 2, 30, 0, 0, berlin), time.Date(2024, 10, 27, 2, 59, 59, 999, berlin),
		time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(0, 12, 31, 23, 59, 59, 0, time.UTC),
		time.Date(9999, 12, 31, 23, 59, 59, 0, time.UTC), time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC),
		time.Date(-1, 6, 15, 12, 0, 0, 0, time.UTC), time.Date(987, 7, 8, 9, 10, 11, 0, time.UTC), {},
	} {
		if got, want := string(appendDateTime([]byte("x"), u)), u.AppendFormat([]byte("x"), "20060102T150405"); got != string(want) {
			t.Errorf("appendDateTime(%s) = %q, AppendFormat %q", u, got, want)
		}
	}
}
