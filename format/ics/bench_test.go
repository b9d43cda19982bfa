package ics

import (
	"bytes"
	"fmt"
	"github.com/schedkit/schedkit/internal/gen"
	"io"
	"testing"
	"time"

	"github.com/schedkit/schedkit/schedule"
)

// generated returns a schedule of n sessions in Europe/Berlin: 100 tracks
// of back-to-back 45-minute talks over as many days as it takes, crossing
// daylight-saving changes, with speakers, tags and an abstract each.
func generated(tb testing.TB, n int) *schedule.Schedule {
	tb.Helper()
	loc, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		tb.Fatal(err)
	}
	s := &schedule.Schedule{
		Conference: schedule.Conference{Name: "Generated", ID: "gen", TimeZone: loc.String(),
			Organizer: &schedule.Organizer{Name: "Gen Team", Email: "gen@example.org"}},
		Location: loc,
	}
	const tracks = 100
	for i := range tracks {
		t := &schedule.Track{ID: fmt.Sprintf("t%d", i), Name: fmt.Sprintf("Track %d", i), Room: fmt.Sprintf("Room %d", i)}
		s.AddTrack(t)
	}
	start := time.Date(2024, 3, 1, 9, 0, 0, 0, loc)
	for i := range n {
		t := s.Tracks[i%tracks]
		slot := i / tracks // 12 slots a day
		day, k := slot/12, slot%12
		st := start.AddDate(0, 0, day).Add(time.Duration(k) * 45 * time.Minute)
		s.AddSession(t, &schedule.Session{
			ID: fmt.Sprintf("s%d", i), Title: fmt.Sprintf("Talk number %d about things, and more things; really", i),
			Room: t.Room, Start: st, End: st.Add(45 * time.Minute), Status: "confirmed", Type: "talk",
			Speakers: []schedule.Person{{Name: fmt.Sprintf("Speaker %d", i%977), Affiliation: "Somewhere"}},
			Abstract: "An abstract long enough to be folded at least once or twice, with commas, semicolons; and Ümläüte — and an emoji 🎉.",
			Tags:     []string{"tag", fmt.Sprintf("tag%d", i%13)},
			URL:      fmt.Sprintf("https://example.org/talk/%d", i),
		})
	}
	return s
}

// BenchmarkEncode100k exports a feed of 100,000 sessions.
func BenchmarkEncode100k(b *testing.B) {
	s := generated(b, 100_000)
	opt := Options{Version: "bench", Stamp: DefaultStamp(s)}
	b.ReportAllocs()
	for b.Loop() {
		if err := Encode(io.Discard, s, s.Sessions, opt); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkEncodeGen is the feed writer alone on the schedule "schedkit
// export ics" is measured with (internal/gen, 100,000 sessions, as
// scripts/benchtool writes it): loaded once, encoded on one goroutine,
// so that ns/op is the CPU time of the rendering, and on the default
// number, as the command runs.
func BenchmarkEncodeGen(b *testing.B) {
	var in bytes.Buffer
	if err := gen.Write(&in, gen.Config{N: 100_000, JSON: true}); err != nil {
		b.Fatal(err)
	}
	s, _ := schedule.Load("bench.json", in.Bytes(), schedule.LoadOptions{})
	schedule.Normalize(s)
	opt := Options{Version: "bench", Stamp: DefaultStamp(s)}
	for _, workers := range []int{1, defaultWorkers()} {
		b.Run(fmt.Sprintf("sessions=100000/workers=%d", workers), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if err := encodeOn(io.Discard, s, s.Sessions, opt, workers); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkStateUpdate100k updates a state of 100,000 sessions in which
// one session moved.
func BenchmarkStateUpdate100k(b *testing.B) {
	s := generated(b, 100_000)
	st := &State{}
	st.Update(s, time.Unix(0, 0))
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		x := s.Sessions[i%len(s.Sessions)]
		x.Start, x.End = x.Start.Add(time.Minute), x.End.Add(time.Minute)
		st.Update(s, time.Unix(int64(i), 0))
	}
}

// BenchmarkExport is what "schedkit export ics" does with a generated
// schedule (internal/gen) of 100,000 sessions in schedkit's JSON or YAML:
// load, normalise, validate, write the feed.
func BenchmarkExport(b *testing.B) {
	for _, form := range []string{"json", "yaml"} {
		var in bytes.Buffer
		if err := gen.Write(&in, gen.Config{N: 100_000, JSON: form == "json"}); err != nil {
			b.Fatal(err)
		}
		b.Run("sessions=100000/"+form, func(b *testing.B) {
			b.SetBytes(int64(in.Len()))
			b.ReportAllocs()
			for b.Loop() {
				s, _ := schedule.Load("bench."+form, in.Bytes(), schedule.LoadOptions{})
				schedule.Normalize(s)
				schedule.Validate(s)
				if err := Encode(io.Discard, s, s.Sessions, Options{Version: "bench", Stamp: DefaultStamp(s)}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// benchText is an abstract as internal/gen writes them: mostly ASCII,
// some accented letters and an emoji, commas and semicolons to escape,
// a paragraph break and a backslash.
const benchText = "Ünïcödé text, right-to-left names and emoji 🎉 all arrive in the same field; we show how to keep them intact. " +
	"Expect live demos, a few graphs, and one slide with far too much text on it.\n\n" +
	"A short Q&A follows; bring your hardest edge cases, commas, semicolons; and backslashes \\ too. " +
	"Les diapositives seront en anglais, les questions bienvenues en français ou en español."

// BenchmarkText times the passes over a value's bytes: cleaning
// (appendClean), escaping (appendText) and folding (appendFolded).
func BenchmarkText(b *testing.B) {
	b.Run("clean", func(b *testing.B) {
		b.SetBytes(int64(len(benchText)))
		b.ReportAllocs()
		var buf []byte
		for b.Loop() {
			buf = appendClean(buf[:0], benchText, false)
		}
	})
	b.Run("escape", func(b *testing.B) {
		v := appendClean(nil, benchText, false)
		b.SetBytes(int64(len(v)))
		b.ReportAllocs()
		var buf []byte
		for b.Loop() {
			buf = appendText(buf[:0], v)
		}
	})
	b.Run("fold", func(b *testing.B) {
		v := appendText([]byte("DESCRIPTION:"), appendClean(nil, benchText, false))
		b.SetBytes(int64(len(v)))
		b.ReportAllocs()
		var buf []byte
		for b.Loop() {
			buf = appendFolded(buf[:0], v)
		}
	})
}
