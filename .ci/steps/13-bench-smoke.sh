#!/usr/bin/env bash
# Issue 2, speed: run BenchmarkValidate once per size (1k, 10k, 100k
# generated sessions) so that a schedule of 100,000 sessions keeps loading
# and validating. This checks that it works, not how fast: timing on a
# shared CI machine is noise. scripts/bench measures the growth (10k ->
# 100k at most 12x) on a quiet machine.
set -euo pipefail
cd "$(dirname "$0")/../.."
go test ./schedule -run '^$' -bench '^BenchmarkValidate$' -benchtime=1x -count=1 | grep -E '^(Benchmark|ok|FAIL)'
