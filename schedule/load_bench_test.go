package schedule

import (
	"bytes"
	"fmt"
	"testing"

	"github.com/schedkit/schedkit/internal/gen"
)

// genInput is a generated schedule (internal/gen) of n sessions.
func genInput(tb testing.TB, n int, json bool) []byte {
	var b bytes.Buffer
	if err := gen.Write(&b, gen.Config{N: n, JSON: json}); err != nil {
		tb.Fatal(err)
	}
	return b.Bytes()
}

// BenchmarkLoad measures Load alone, per input form (the YAML parser, and
// the JSON reader), on generated schedules with abstracts.
func BenchmarkLoad(b *testing.B) {
	for _, n := range []int{1_000, 10_000, 100_000} {
		for _, form := range []string{"yaml", "json"} {
			data := genInput(b, n, form == "json")
			b.Run(fmt.Sprintf("sessions=%d/%s", n, form), func(b *testing.B) {
				b.SetBytes(int64(len(data)))
				b.ReportAllocs()
				cpu := cpuTime()
				for b.Loop() {
					if s, _ := Load("bench."+form, data, LoadOptions{}); s == nil || len(s.Sessions) != n {
						b.Fatal("not loaded")
					}
				}
				reportPerSession(b, n, cpuTime()-cpu)
			})
		}
	}
}
