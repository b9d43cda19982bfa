//go:build !(linux || darwin || freebsd || netbsd || openbsd || dragonfly)

package main

import "os"

// mapFile is not available on this system: the file is read.
func mapFile(*os.File, int) ([]byte, func(), func(int), bool) { return nil, nil, nil, false }

// canMap: mapFile maps files on this system.
const canMap = false
