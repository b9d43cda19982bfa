//go:build linux || darwin || freebsd || netbsd || openbsd || dragonfly

package main

import (
	"os"
	"syscall"
)

// mapFile maps the first size bytes of f read-only, and returns them and
// the function that unmaps them; ok is false when the system refuses, and
// the caller reads the file instead.
//
// Reading a large input into a fresh buffer costs more than parsing it
// on a virtual machine, where each page touched for the first time is a
// fault to the host: 0.2 to 0.4 s for a 60 MB schedule here, against 5 ms
// for a mapping of the pages the kernel already holds. MAP_POPULATE maps
// them all at once, instead of a fault per page. The cost: a file
// truncated by another program while it is read ends the process
// (SIGBUS), where a read would see a short file; mapFile is used only for
// inputs of mapMin bytes or more.
//
// release(n) tells the system that data[:n] is read (see
// schedule.LoadOptions.Release), where it can drop pages (dropPages).
func mapFile(f *os.File, size int) (data []byte, unmap func(), release func(int), ok bool) {
	data, err := syscall.Mmap(int(f.Fd()), 0, size, syscall.PROT_READ, syscall.MAP_PRIVATE|mapPopulate)
	if err != nil {
		return nil, nil, nil, false
	}
	page, dropped := os.Getpagesize(), 0
	release = func(n int) {
		n = n / page * page
		if n > dropped {
			dropPages(data[dropped:n])
			dropped = n
		}
	}
	return data, func() { syscall.Munmap(data) }, release, true
}

// canMap: mapFile maps files on this system.
const canMap = true
