//go:build !schedkit_biginput

package schedule

// maxSeparators is the bound Load applies (see MaxSeparators).
const maxSeparators = MaxSeparators
