#!/usr/bin/env bash
# Bounded fuzz runs of the core parsers (issue 2, "bad input"). FuzzLoad
# feeds arbitrary bytes to schedule.Load and Validate and fails on a panic,
# a hang, a diagnostic without a rule or position, or nondeterminism; the
# others check the clock, duration and DST-resolution parsers' invariants.
# A failing input is saved under schedule/testdata/fuzz/<Target>/ and
# becomes a regression case of `go test ./schedule`: commit it with the fix.
set -euo pipefail
cd "$(dirname "$0")/../.."
scripts/fuzz ./schedule FuzzLoad "${FUZZTIME:-30s}"
for target in FuzzParseClock FuzzParseDuration FuzzResolveWall; do
  scripts/fuzz ./schedule "$target" "${FUZZTIME_SMALL:-10s}"
done
