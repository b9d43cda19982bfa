//go:build darwin || freebsd || netbsd || openbsd || dragonfly

package main

// mapPopulate: these systems have no MAP_POPULATE; pages are mapped as
// they are read.
const mapPopulate = 0
