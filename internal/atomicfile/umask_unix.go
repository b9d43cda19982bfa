//go:build unix

package atomicfile

import (
	"io/fs"
	"sync"

	"golang.org/x/sys/unix"
)

// umask is the process's file mode creation mask. Reading it means setting
// it: it is read once, on the first write, when schedkit creates no other
// file at the same time.
var umask = sync.OnceValue(func() fs.FileMode {
	m := unix.Umask(0o022)
	unix.Umask(m)
	return fs.FileMode(m) & fs.ModePerm
})
