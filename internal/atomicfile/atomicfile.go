// Package atomicfile writes files so that readers see either the old content
// or the whole new content, never a partial file: each file is written to a
// temporary file in the same directory and renamed over the target only
// after every file of the batch was written and synced.
package atomicfile

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// File is one file of a batch: its path and the function that writes its content.
type File struct {
	Path  string
	Write func(io.Writer) error
}

// WriteAll writes every file of the batch. When any write fails, no target
// is touched and every temporary file is removed. The renames at the end are
// not atomic as a group, but each one is.
func WriteAll(files []File) (err error) {
	temps := make([]string, 0, len(files))
	defer func() {
		if err != nil {
			for _, t := range temps {
				os.Remove(t)
			}
		}
	}()
	for _, f := range files {
		if fi, err := os.Stat(f.Path); err == nil && fi.IsDir() {
			return fmt.Errorf("%s is a directory", f.Path)
		}
		tmp, err := os.CreateTemp(filepath.Dir(f.Path), "."+filepath.Base(f.Path)+".tmp*")
		if err != nil {
			return err
		}
		temps = append(temps, tmp.Name())
		werr := f.Write(tmp)
		serr := tmp.Sync()
		cerr := tmp.Close()
		if err := errors.Join(werr, serr, cerr); err != nil {
			return fmt.Errorf("writing %s: %w", f.Path, err)
		}
		// CreateTemp makes 0600 files; published files are meant to be read.
		if err := os.Chmod(tmp.Name(), 0o644); err != nil {
			return err
		}
	}
	for i, f := range files {
		if err := os.Rename(temps[i], f.Path); err != nil {
			return err
		}
	}
	return nil
}

// Write writes one file atomically.
func Write(path string, write func(io.Writer) error) error {
	return WriteAll([]File{{Path: path, Write: write}})
}
