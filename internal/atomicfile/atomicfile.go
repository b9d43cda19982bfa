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
// A replaced regular file keeps its permission bits; a new file gets 0644.
package atomicfile

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// File is one file of a batch: its path and the function that writes its content.
type File struct {
	Path  string
	Write func(io.Writer) error
}

// maxLinks bounds the symbolic links followed for one target.
const maxLinks = 40

// target is where a File's content goes.
type target struct {
	path    string      // after following symbolic links
	special bool        // exists and is not a regular file: write in place
	mode    fs.FileMode // permission bits for a replaced or new file
}

// resolve follows symbolic links from path (also a dangling one, whose
// target is then created) and reports what is there.
func resolve(path string) (target, error) {
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
			return target{path: path, mode: 0o644}, nil
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
// is touched and every temporary file is removed. The renames at the end are
// not atomic as a group, but each one is.
func WriteAll(files []File) (err error) {
	type pending struct {
		t    target
		temp string // regular target: the temporary file to rename
		data []byte // special target: the content to write in place
	}
	todo := make([]pending, 0, len(files))
	defer func() {
		if err != nil {
			for _, p := range todo {
				if p.temp != "" {
					os.Remove(p.temp)
				}
			}
		}
	}()
	written := map[string]string{} // absolute target path → the path given
	for _, f := range files {
		t, err := resolve(f.Path)
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
			var buf bytes.Buffer
			if err := f.Write(&buf); err != nil {
				return fmt.Errorf("writing %s: %w", f.Path, err)
			}
			todo = append(todo, pending{t: t, data: buf.Bytes()})
			continue
		}
		tmp, err := os.CreateTemp(filepath.Dir(t.path), "."+filepath.Base(t.path)+".tmp*")
		if err != nil {
			var pe *fs.PathError
			if errors.As(err, &pe) {
				err = pe.Err
			}
			return fmt.Errorf("cannot write %s in %s: %w", f.Path, filepath.Dir(t.path), err)
		}
		todo = append(todo, pending{t: t, temp: tmp.Name()})
		werr := f.Write(tmp)
		serr := tmp.Sync()
		cerr := tmp.Close()
		if err := errors.Join(werr, serr, cerr); err != nil {
			return fmt.Errorf("writing %s: %w", f.Path, err)
		}
		// CreateTemp makes 0600 files; published files are meant to be read.
		if err := os.Chmod(tmp.Name(), t.mode); err != nil {
			return err
		}
	}
	for _, p := range todo {
		if p.temp != "" {
			if err := os.Rename(p.temp, p.t.path); err != nil {
				return err
			}
			continue
		}
		if err := writeInPlace(p.t.path, p.data); err != nil {
			return fmt.Errorf("writing %s: %w", p.t.path, err)
		}
	}
	return nil
}

// writeInPlace writes data to an existing file that is not a regular one.
func writeInPlace(path string, data []byte) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_TRUNC, 0)
	if err != nil {
		return err
	}
	_, werr := f.Write(data)
	return errors.Join(werr, f.Close())
}

// Write writes one file atomically.
func Write(path string, write func(io.Writer) error) error {
	return WriteAll([]File{{Path: path, Write: write}})
}
