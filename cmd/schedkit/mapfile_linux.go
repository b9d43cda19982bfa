package main

import (
	"syscall"

	"golang.org/x/sys/unix"
)

// mapPopulate asks mmap to map every page at once (Linux only).
const mapPopulate = syscall.MAP_POPULATE

// dropPages drops the pages of data, a part of a read-only private file
// mapping, from the process's memory (MADV_DONTNEED): nothing was written
// to them, so a later read maps the file's page again, as madvise(2)
// says of file mappings. An error only leaves them mapped.
func dropPages(data []byte) {
	if len(data) > 0 {
		unix.Madvise(data, unix.MADV_DONTNEED)
	}
}
