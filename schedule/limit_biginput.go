//go:build schedkit_biginput

package schedule

// maxSeparators, in a build for MILLION=1 scripts/bench only, lets a
// schedule of 1,000,000 generated sessions in (about 30 million
// separators as YAML). That build gives up the guard on inputs from
// others (docs/security.md): not for use.
const maxSeparators = 10 * MaxSeparators
