#!/usr/bin/env bash
# Bounded fuzz run of the schedule loader (issue 2, "bad input"): FuzzLoad
# feeds arbitrary bytes to schedule.Load and Validate and fails on a panic,
# a hang, a diagnostic without a rule or position, or nondeterminism.
# A failing input is saved under schedule/testdata/fuzz/FuzzLoad/ and
# becomes a regression case of `go test ./schedule`: commit it with the fix.
set -euo pipefail
cd "$(dirname "$0")/../.."
go test ./schedule -run '^$' -fuzz '^FuzzLoad$' -fuzztime "${FUZZTIME:-30s}"
