#!/usr/bin/env bash
# Bounded fuzz runs of every parser and writer, about 90 s in all: 70 s
# of fuzzing (FUZZ_BUDGET), split by the weights below, and building
# the instrumented test binaries, a few seconds a target.
#
#   schedule     FuzzLoad: arbitrary bytes through Load and Validate (no
#                panic, hang, finding without rule or position, or
#                nondeterminism); FuzzJSONSameAsYAML: the JSON reader
#                and the YAML parser give the same nodes, schedule and
#                findings; the clock, duration and DST parsers
#   format/page, format/ics, format/frab
#                the readers: the same invariants as FuzzLoad
#   format/ics   the state file and HTML abstracts; the feed writer
#                writes what golang-ical writes
#   format/frab, format/csv, format/table, format/html
#                the writers: output that reads back, or is well-formed
#                (html: escaped, every box on its grid, none on another)
#
# A failing input is saved under PKG/testdata/fuzz/TARGET/ and becomes a
# regression case of `go test`: commit it with the fix. scripts/fuzz runs
# one target and handles Go 1.26's end-of-run coordinator race.
set -euo pipefail
cd "$(dirname "$0")/../.."
budget=${FUZZ_BUDGET:-70}
targets=(
  # package        target             weight
  "./schedule      FuzzLoad           4"
  "./schedule      FuzzJSONSameAsYAML 2"
  "./schedule      FuzzParseClock     1"
  "./schedule      FuzzParseDuration  1"
  "./schedule      FuzzResolveWall    1"
  "./format/page   FuzzRead           3"
  "./format/ics    FuzzRead           3"
  "./format/ics    FuzzParseState     1"
  "./format/ics    FuzzPlainText      1"
  "./format/ics    FuzzEncodeSameAsGolangIcal 1"
  "./format/frab   FuzzReadXML        2"
  "./format/frab   FuzzReadJSON       2"
  "./format/frab   FuzzWrite          2"
  "./format/csv    FuzzWrite          1"
  "./format/table  FuzzWrite          1"
  "./format/html   FuzzWrite          1"
)
total=0
for t in "${targets[@]}"; do
  read -r _ _ w <<<"$t"
  total=$((total + w))
done
start=$SECONDS
for t in "${targets[@]}"; do
  read -r pkg target w <<<"$t"
  secs=$((budget * w / total))
  ((secs >= 2)) || secs=2
  echo "-- $pkg $target ${secs}s"
  scripts/fuzz "$pkg" "$target" "${secs}s" | grep -v '^fuzz: elapsed' || [ "${PIPESTATUS[0]}" -eq 0 ]
done
echo "20-fuzz: ${#targets[@]} targets, $((SECONDS - start)) s in all"
