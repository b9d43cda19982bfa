// Package atomicfile writes files so that readers see either the old content
// or the whole new content, never a partial file: each file is written to a
// temporary file in the same directory and renamed over the target only
// after every file of the batch was written and synced.
//
// Two kinds of target are not replaced by a rename, because replacing them
// is never what the user meant:
//   - a symbolic link is followed: the file it points to is replaced, the
//     link stays;
//   - a target that exists and is not a regular file (/dev/null,
//     /dev/stdout, a named pipe) is written in place, after the content
//     was produced in full in memory, so a failed write function still
//     writes nothing there.
//
// A File with Replace set is the exception: whatever is at its path (a
// link, dangling or not, a pipe) is replaced by a regular file, so that a
// directory of outputs never writes outside itself.
//
// A replaced regular file keeps its permission bits; a new file gets 0666
// minus the umask, as a file the shell creates.
//
// Interrupt removes the temporary files of the batches being written and
// stops further renames: a program that catches SIGINT or SIGTERM calls it
// before exiting, so that an interrupted run leaves neither temporary
// files nor a half-renamed batch.
package atomicfile

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
)

// File is one file of a batch: its path and the function that writes its content.
type File struct {
	Path  string
	Write func(io.Writer) error
	// Replace: whatever is at Path that is not a regular file (a symbolic
	// link, dangling or not; a pipe; a device) is replaced by a new
	// regular file, instead of being followed or written in place.
	// Path's directory is still reached through links.
	Replace bool
}

// ErrInterrupted is returned by a batch that Interrupt stopped.
var ErrInterrupted = errors.New("interrupted")

// temps are the temporary files of the batches being written, so that
// Interrupt can remove them; interrupted stops every batch. mu also covers
// the renames of a batch, so that Interrupt never runs in the middle of
// them.
var (
	mu          sync.Mutex
	temps       = map[string]bool{}
	interrupted bool
)

// Interrupt removes every temporary file of the batches being written and
// makes them, and any later batch, fail with ErrInterrupted before their
// renames. A batch already renaming finishes first (renames take no
// time), so every batch is renamed either whole or not at all. It returns
// the number of files removed.
func Interrupt() int {
	mu.Lock()
	defer mu.Unlock()
	interrupted = true
	n := 0
	for p := range temps {
		if os.Remove(p) == nil {
			n++
		}
		delete(temps, p)
	}
	return n
}

// stopped reports whether Interrupt was called.
func stopped() bool {
	mu.Lock()
	defer mu.Unlock()
	return interrupted
}

// createTemp creates and registers a temporary file beside path.
func createTemp(path string) (*os.File, error) {
	mu.Lock()
	defer mu.Unlock()
	if interrupted {
		return nil, ErrInterrupted
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp*")
	if err != nil {
		return nil, err
	}
	temps[tmp.Name()] = true
	return tmp, nil
}

// forget removes temporary files that are not needed any more.
func forget(paths []string) {
	mu.Lock()
	defer mu.Unlock()
	for _, p := range paths {
		if temps[p] {
			os.Remove(p)
			delete(temps, p)
		}
	}
}

// newMode is the mode of a new file: 0666 minus the umask.
func newMode() fs.FileMode { return 0o666 &^ umask() }

// maxLinks bounds the symbolic links followed for one target.
const maxLinks = 40

// target is where a File's content goes.
type target struct {
	path    string      // after following symbolic links
	special bool        // exists and is not a regular file: write in place
	mode    fs.FileMode // permission bits for a replaced or new file
}

// resolve follows symbolic links from path (also a dangling one, whose
// target is then created) and reports what is there. With replace, path
// itself is the target: a regular file keeps its mode, anything else but
// a directory is replaced by a new file.
func resolve(path string, replace bool) (target, error) {
	if replace {
		fi, err := os.Lstat(path)
		switch {
		case err == nil && fi.IsDir():
			return target{}, fmt.Errorf("%s is a directory", path)
		case err == nil && fi.Mode().IsRegular():
			return target{path: path, mode: fi.Mode().Perm()}, nil
		case err == nil || errors.Is(err, fs.ErrNotExist):
			return target{path: path, mode: newMode()}, nil
		}
		return target{}, err
	}
	fi, err := os.Stat(path)
	switch {
	case err == nil && fi.IsDir():
		return target{}, fmt.Errorf("%s is a directory", path)
	case err == nil && !fi.Mode().IsRegular():
		// Opened by its own name: /dev/stdout links to /proc/self/fd/1,
		// whose link text ("pipe:[…]") is no path.
		return target{path: path, special: true}, nil
	case err == nil:
		real, err := filepath.EvalSymlinks(path)
		if err != nil {
			return target{}, err
		}
		return target{path: real, mode: fi.Mode().Perm()}, nil
	case !errors.Is(err, fs.ErrNotExist):
		return target{}, err
	}
	// A new file, or a dangling symbolic link: create what it points to.
	for range maxLinks {
		fi, err := os.Lstat(path)
		if err != nil || fi.Mode()&fs.ModeSymlink == 0 {
			return target{path: path, mode: newMode()}, nil
		}
		link, err := os.Readlink(path)
		if err != nil {
			return target{}, err
		}
		if !filepath.IsAbs(link) {
			link = filepath.Join(filepath.Dir(path), link)
		}
		path = link
	}
	return target{}, fmt.Errorf("%s: too many levels of symbolic links", path)
}

// WriteAll writes every file of the batch. When any write fails, no target
// is touched and every temporary file is removed. Targets that are not
// regular files are written first, then the regular ones are renamed into
// place; the renames are not atomic as a group, but each one is, and
// Interrupt waits for them.
func WriteAll(files []File) (err error) {
	type pending struct {
		t    target
		temp string // regular target: the temporary file to rename
		data *Spool // special target: the content to write in place
	}
	todo := make([]pending, 0, len(files))
	var tempNames []string
	defer func() {
		if err != nil {
			forget(tempNames)
		}
	}()
	written := map[string]string{} // absolute target path → the path given
	for _, f := range files {
		t, err := resolve(f.Path, f.Replace)
		if err != nil {
			return err
		}
		if !t.special {
			// Two files of one batch on one target: the second would
			// silently replace the first (-o feed.ics --state feed.ics).
			abs, err := filepath.Abs(t.path)
			if err != nil {
				return err
			}
			// A new file's directory may be reached through a link.
			if dir, err := filepath.EvalSymlinks(filepath.Dir(abs)); err == nil {
				abs = filepath.Join(dir, filepath.Base(abs))
			}
			if first, dup := written[abs]; dup {
				return fmt.Errorf("%s and %s are the same file; give each output its own", first, f.Path)
			}
			written[abs] = f.Path
		}
		if t.special {
			buf := new(Spool)
			if err := f.Write(buf); err != nil {
				return fmt.Errorf("writing %s: %w", f.Path, err)
			}
			todo = append(todo, pending{t: t, data: buf})
			continue
		}
		tmp, err := createTemp(t.path)
		if errors.Is(err, ErrInterrupted) {
			return err
		}
		if err != nil {
			var pe *fs.PathError
			if errors.As(err, &pe) {
				err = pe.Err
			}
			return fmt.Errorf("cannot write %s in %s: %w", f.Path, filepath.Dir(t.path), err)
		}
		tempNames = append(tempNames, tmp.Name())
		todo = append(todo, pending{t: t, temp: tmp.Name()})
		werr := f.Write(writeback(tmp))
		serr := tmp.Sync()
		cerr := tmp.Close()
		if stopped() {
			return ErrInterrupted
		}
		if err := errors.Join(werr, serr, cerr); err != nil {
			return fmt.Errorf("writing %s: %w", f.Path, err)
		}
		// CreateTemp makes 0600 files; published files are meant to be
		// read. The mode is set only now, so that nobody reads the
		// content of a file meant to be private before it is.
		if err := os.Chmod(tmp.Name(), t.mode); err != nil {
			return err
		}
	}
	// In-place writes first: they may fail (a pipe without a reader) or
	// wait, and then no regular file is replaced yet.
	for _, p := range todo {
		if p.temp == "" {
			if err := writeInPlace(p.t.path, p.data); err != nil {
				return fmt.Errorf("writing %s: %w", p.t.path, err)
			}
		}
	}
	var renames [][2]string
	for _, p := range todo {
		if p.temp != "" {
			renames = append(renames, [2]string{p.temp, p.t.path})
		}
	}
	return renameAll(renames)
}

// renameAll renames each temporary file to its target (pairs of temporary
// file and target), holding mu so that Interrupt finds the batch either
// not renamed or renamed in full.
func renameAll(renames [][2]string) error {
	mu.Lock()
	defer mu.Unlock()
	if interrupted {
		return ErrInterrupted
	}
	for _, r := range renames {
		if err := os.Rename(r[0], r[1]); err != nil {
			return err
		}
		delete(temps, r[0])
	}
	return nil
}

// writeInPlace writes data to an existing file that is not a regular one.
func writeInPlace(path string, data *Spool) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_TRUNC, 0)
	if err != nil {
		return err
	}
	_, werr := data.WriteTo(f)
	return errors.Join(werr, f.Close())
}

// Write writes one file atomically.
func Write(path string, write func(io.Writer) error) error {
	return WriteAll([]File{{Path: path, Write: write}})
}
