//go:build !schedkit_biginput

package main

// maxInput bounds the size of an input file; schedules are far smaller.
const maxInput = 64 << 20
