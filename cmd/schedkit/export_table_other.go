//go:build !(linux || darwin || freebsd || netbsd || openbsd || dragonfly)

package main

import "os"

// terminalWidth is unknown on this system: 0 (the default width applies).
func terminalWidth(*os.File) int { return 0 }
