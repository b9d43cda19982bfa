#!/usr/bin/env bash
# Bounded fuzz runs of the program-page and .ics readers (issue 6): each
# FuzzRead feeds arbitrary bytes to Read and Validate and fails on a panic,
# a hang, a diagnostic without a known rule or with a position past the
# end of the input, a bad session id, or nondeterministic output.
# A failing input is saved under format/{page,ics}/testdata/fuzz/FuzzRead/
# and becomes a regression case of `go test`: commit it with the fix.
set -euo pipefail
cd "$(dirname "$0")/../.."
for pkg in ./format/page ./format/ics; do
  scripts/fuzz "$pkg" FuzzRead "${FUZZTIME:-30s}"
done
