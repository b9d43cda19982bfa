#!/usr/bin/env bash
# Issue 2 and 12, speed: run BenchmarkValidate once per size (1k, 10k, 100k
# generated sessions) so that a schedule of 100,000 sessions keeps loading
# and validating, and a smoke of scripts/bench (1k sessions, one run, no
# peers) so that the side-by-side script keeps working. This checks that it
# works, not how fast: timing on a shared CI machine is noise.
# scripts/bench-growth measures the growth (10k -> 100k at most 12x) and
# scripts/bench the comparison, on a quiet machine.
set -euo pipefail
cd "$(dirname "$0")/../.."
go test ./schedule -run '^$' -bench '^BenchmarkValidate$' -benchtime=1x -count=1 | grep -E '^(Benchmark|ok|FAIL)'
SIZES=1000 RUNS=1 PEERS=0 scripts/bench
