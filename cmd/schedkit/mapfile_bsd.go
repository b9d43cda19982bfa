//go:build darwin || freebsd || netbsd || openbsd || dragonfly

package main

// mapPopulate: these systems have no MAP_POPULATE; pages are mapped as
// they are read.
const mapPopulate = 0

// dropPages does nothing here: MADV_DONTNEED is only a hint on these
// systems, and what it does to a private mapping differs among them.
func dropPages([]byte) {}
