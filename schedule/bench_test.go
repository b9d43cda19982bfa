package schedule

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"testing"
	"time"
)

// benchSizes are the schedule sizes of BenchmarkValidate. scripts/bench
// runs it and checks that the time grows at most 12× from 10k to 100k
// sessions (the overlap rules sort and sweep: n log n, not n²).
var benchSizes = []int{1_000, 10_000, 100_000}

// genSchedule writes a schedule of n sessions in schedkit's YAML, the same
// for every run: one track per room, n/80 rooms (at least 4), eight 50-minute
// sessions a day per room with 10-minute changeovers, and n/2 speakers drawn
// at random so that speakers share sessions and some are double-booked.
// Every rule with a threshold is switched on. About 2% of the sessions are
// breaks without speakers, 1% cancelled, and room names come in two
// spellings, so every branch of Normalize and Validate runs.
func genSchedule(n int) []byte {
	rng := rand.New(rand.NewPCG(1, uint64(n)))
	rooms := max(4, n/80)
	speakers := max(2, n/2)
	perDay := 8
	var b bytes.Buffer
	b.WriteString("conference: {name: Bench Conf, id: bench, timezone: Europe/Berlin}\n")
	b.WriteString("rules: {min_duration: 15m, max_duration: 4h, changeover: 5m, speaker_buffer: 10m, day_start: \"08:00\", day_end: \"22:00\"}\n")
	b.WriteString("tracks:\n")
	id := 0
	for r := 0; r < rooms && id < n; r++ {
		room := fmt.Sprintf("Hall %d", r)
		fmt.Fprintf(&b, "  - name: Track %d\n    id: t%d\n    room: %s\n    sessions:\n", r, r, room)
		count := n / rooms
		if r < n%rooms {
			count++
		}
		for k := 0; k < count; k++ {
			day, slot := k/perDay, k%perDay
			fmt.Fprintf(&b, "      - title: Session %d about topic %d\n        id: s%d\n", id, rng.IntN(1000), id)
			fmt.Fprintf(&b, "        date: %s\n", Date{2026, 3, 2}.AddDays(day))
			fmt.Fprintf(&b, "        start: \"%02d:00\"\n        end: \"%02d:50\"\n", 9+slot, 9+slot)
			switch x := rng.IntN(100); {
			case x < 2:
				b.WriteString("        type: break\n")
				id++
				continue
			case x < 3:
				b.WriteString("        status: cancelled\n")
			case x < 5:
				fmt.Fprintf(&b, "        room: hall  %d\n", r) // a variant spelling
			}
			fmt.Fprintf(&b, "        speakers:\n          - {name: Speaker %d, affiliation: Org %d}\n", rng.IntN(speakers), rng.IntN(100))
			if rng.IntN(10) < 3 {
				fmt.Fprintf(&b, "          - Speaker %d\n", rng.IntN(speakers))
			}
			id++
		}
	}
	return b.Bytes()
}

// BenchmarkValidate measures Load+Normalize+Validate (what "schedkit
// validate" does for one file; the name is older than Normalize) and
// Validate alone, on the normalised schedule, on generated schedules.
func BenchmarkValidate(b *testing.B) {
	for _, n := range benchSizes {
		data := genSchedule(n)
		s, diags := Load("bench.yaml", data, LoadOptions{})
		if s == nil || HasErrors(diags) || len(s.Sessions) != n {
			b.Fatalf("generated schedule of %d sessions: loaded %d sessions; load errors: %v", n, len(s.Sessions), diags[:min(3, len(diags))])
		}
		findings := len(Normalize(s)) + len(Validate(s))
		b.Run(fmt.Sprintf("sessions=%d/load+validate", n), func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			cpu := cpuTime()
			for b.Loop() {
				s, _ := Load("bench.yaml", data, LoadOptions{})
				Normalize(s)
				Validate(s)
			}
			reportPerSession(b, n, cpuTime()-cpu)
		})
		b.Run(fmt.Sprintf("sessions=%d/validate", n), func(b *testing.B) {
			b.ReportAllocs()
			cpu := cpuTime()
			for b.Loop() {
				Validate(s)
			}
			reportPerSession(b, n, cpuTime()-cpu)
			b.ReportMetric(float64(findings), "findings")
		})
	}
}

// reportPerSession adds wall time per session and, where measured, CPU time
// per run ("cpu-ns/op", what scripts/bench compares: unlike wall time it
// hardly changes when other processes compete for the CPUs).
func reportPerSession(b *testing.B, n int, cpu time.Duration) {
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/session")
	if cpu > 0 {
		b.ReportMetric(float64(cpu.Nanoseconds())/float64(b.N), "cpu-ns/op")
	}
}

// TestGenSchedule checks that the benchmark's input is what it claims:
// n sessions, no load errors, and findings of the sweeping rules.
func TestGenSchedule(t *testing.T) {
	data := genSchedule(1000)
	s, diags := Load("bench.yaml", data, LoadOptions{})
	if s == nil || HasErrors(diags) {
		t.Fatalf("load errors: %v", diags)
	}
	if len(s.Sessions) != 1000 {
		t.Errorf("%d sessions, want 1000", len(s.Sessions))
	}
	rules := map[string]int{}
	for _, d := range append(Normalize(s), Validate(s)...) {
		rules[d.Rule]++
	}
	for _, r := range []string{"speaker-overlap", "room-variant"} {
		if rules[r] == 0 {
			t.Errorf("no %s finding; the generated schedule exercises too little: %v", r, rules)
		}
	}
	if !bytes.Equal(data, genSchedule(1000)) {
		t.Error("genSchedule is not deterministic")
	}
}
