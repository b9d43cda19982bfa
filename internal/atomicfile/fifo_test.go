//go:build unix

package atomicfile

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// A target that is not a regular file (here a named pipe, as /dev/null or
// /dev/stdout are devices) is written in place, never replaced by a rename.
func TestWriteSpecialTarget(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "pipe")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skip("mkfifo:", err)
	}
	got := make(chan string, 1)
	go func() {
		f, err := os.Open(fifo) // blocks until Write opens the other end
		if err != nil {
			got <- err.Error()
			return
		}
		b, _ := io.ReadAll(f)
		f.Close()
		got <- string(b)
	}()
	if err := Write(fifo, func(w io.Writer) error { _, err := io.WriteString(w, "content"); return err }); err != nil {
		t.Fatal(err)
	}
	if s := <-got; s != "content" {
		t.Errorf("read %q from the pipe, want %q", s, "content")
	}
	fi, err := os.Lstat(fifo)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode()&os.ModeNamedPipe == 0 {
		t.Errorf("the pipe was replaced: mode %v", fi.Mode())
	}

	// A failing write function: its error, and the pipe never opened
	// (opening it would block without a reader).
	boom := errors.New("boom")
	err = Write(fifo, func(w io.Writer) error { fmt.Fprint(w, "partial"); return boom })
	if !errors.Is(err, boom) {
		t.Errorf("Write with a failing function = %v, want %v", err, boom)
	}
}
