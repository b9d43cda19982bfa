package tzdata

import (
	"archive/zip"
	"bytes"
	"io"
	"testing"
	"time"
)

// TestExpandSameZones checks, for every zone of the embedded database,
// that the expanded table gives the zone the slim file gives: at each
// transition of the slim zone from 1800 to 2300 and a second either side,
// at noon on the first of every month, and for time.Date of the wall
// times around each transition (the gaps and repeated hours of daylight
// saving time).
func TestExpandSameZones(t *testing.T) {
	r, err := zip.NewReader(bytes.NewReader(zipData), int64(len(zipData)))
	if err != nil {
		t.Fatal(err)
	}
	zones := 0
	for _, f := range r.File {
		if f.FileInfo().IsDir() {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		slim, err := time.LoadLocationFromTZData(f.Name, data)
		if err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		fat, err := time.LoadLocationFromTZData(f.Name, expand(slim, footer(data)))
		if err != nil {
			t.Fatalf("%s: expanded: %v", f.Name, err)
		}
		zones++
		same := func(at time.Time) bool {
			n1, o1 := at.In(slim).Zone()
			n2, o2 := at.In(fat).Zone()
			if n1 != n2 || o1 != o2 || at.In(slim).IsDST() != at.In(fat).IsDST() {
				t.Errorf("%s at %v: slim %s %d, expanded %s %d", f.Name, at.UTC(), n1, o1, n2, o2)
				return false
			}
			return true
		}
		sameDate := func(w time.Time) bool {
			a := time.Date(w.Year(), w.Month(), w.Day(), w.Hour(), w.Minute(), 0, 0, slim)
			b := time.Date(w.Year(), w.Month(), w.Day(), w.Hour(), w.Minute(), 0, 0, fat)
			if !a.Equal(b) {
				t.Errorf("%s: time.Date of wall time %s: slim %v, expanded %v", f.Name, w.Format("2006-01-02 15:04"), a.UTC(), b.UTC())
				return false
			}
			return true
		}
		from := time.Date(1800, 1, 1, 0, 0, 0, 0, time.UTC)
		until := time.Date(2300, 1, 1, 0, 0, 0, 0, time.UTC)
		for at := from.In(slim); at.Before(until); {
			_, end := at.ZoneBounds()
			if end.IsZero() || !end.Before(until) {
				break
			}
			if !end.After(at) { // see expand
				at = at.Add(time.Hour)
				continue
			}
			for _, d := range []time.Duration{-time.Second, 0, time.Second} {
				if !same(end.Add(d)) {
					break
				}
			}
			// The wall times from an hour before the transition to an
			// hour after it, every 15 minutes, in the zone before it.
			before := end.Add(-time.Second).In(slim)
			wall := time.Date(before.Year(), before.Month(), before.Day(), before.Hour(), 0, 0, 0, time.UTC)
			for m := -60; m <= 120; m += 15 {
				if !sameDate(wall.Add(time.Duration(m) * time.Minute)) {
					break
				}
			}
			at = end
		}
		for y := 1800; y < 2300; y++ {
			for m := time.January; m <= time.December; m++ {
				if !same(time.Date(y, m, 1, 12, 0, 0, 0, time.UTC)) {
					break
				}
			}
		}
	}
	if zones < 300 {
		t.Errorf("checked %d zones, want the whole database", zones)
	}
}

// BenchmarkLookup is what the feed and the loader do per session: a wall
// time to an instant, and an instant to its date and clock in the zone.
func BenchmarkLookup(b *testing.B) {
	loc, err := Load("Europe/Berlin")
	if err != nil {
		b.Fatal(err)
	}
	for i := 0; b.Loop(); i++ {
		t := time.Date(2026, time.Month(1+i%12), 1+i%28, 9+i%8, 0, 0, 0, loc)
		_ = t.Format("20060102T150405")
	}
}

// BenchmarkExpand is what the first Load of a zone with daylight saving
// time costs every run that loads it, on top of reading the zone file.
func BenchmarkExpand(b *testing.B) {
	const name = "America/New_York"
	m, err := files()
	if err != nil {
		b.Fatal(err)
	}
	rc, err := m[name].Open()
	if err != nil {
		b.Fatal(err)
	}
	data, err := io.ReadAll(rc)
	rc.Close()
	if err != nil {
		b.Fatal(err)
	}
	loc, err := time.LoadLocationFromTZData(name, data)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if expand(loc, footer(data)) == nil {
			b.Fatal("not expanded")
		}
	}
}
