//go:build unix

package schedule

import (
	"syscall"
	"time"
)

// cpuTime is the CPU time (user + system, every thread: GC included) the
// process has used. Benchmarks report it beside wall time because on a
// shared machine wall time mostly measures the neighbours.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
