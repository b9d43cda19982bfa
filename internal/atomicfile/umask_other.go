//go:build !unix

package atomicfile

import "io/fs"

// umask is 022 where there is no umask: new files are readable by all and
// writable by their owner, as on most unix systems (Windows ignores all
// but the owner's write bit).
func umask() fs.FileMode { return 0o022 }
