//go:build schedkit_biginput

package main

// maxInput, in a build for MILLION=1 scripts/bench only, lets a schedule
// of 1,000,000 generated sessions in (643 MB of JSON). That build gives up
// the guard on inputs from others (docs/security.md): not for use.
const maxInput = 1 << 30
