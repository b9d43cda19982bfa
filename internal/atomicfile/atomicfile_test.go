package atomicfile

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"
)

func TestWriteAll(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.txt"), filepath.Join(dir, "b.txt")
	if err := os.WriteFile(a, []byte("old a"), 0o644); err != nil {
		t.Fatal(err)
	}
	writeString := func(s string) func(io.Writer) error {
		return func(w io.Writer) error { _, err := io.WriteString(w, s); return err }
	}

	// A failure in the second file leaves the first untouched and no temp files.
	boom := errors.New("boom")
	err := WriteAll([]File{
		{Path: a, Write: writeString("new a")},
		{Path: b, Write: func(w io.Writer) error { fmt.Fprint(w, "partial"); return boom }},
	})
	if !errors.Is(err, boom) {
		t.Fatalf("WriteAll error = %v, want %v", err, boom)
	}
	assertDir(t, dir, map[string]string{"a.txt": "old a"})

	// Success replaces both.
	if err := WriteAll([]File{{Path: a, Write: writeString("new a")}, {Path: b, Write: writeString("new b")}}); err != nil {
		t.Fatal(err)
	}
	assertDir(t, dir, map[string]string{"a.txt": "new a", "b.txt": "new b"})

	// A directory as target is refused before anything is written.
	sub := filepath.Join(dir, "sub")
	if err := os.Mkdir(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := Write(sub, writeString("x")); err == nil {
		t.Error("Write to a directory: no error")
	}
	if err := Write(filepath.Join(dir, "missing", "x"), writeString("x")); err == nil {
		t.Error("Write into a missing directory: no error")
	}
}

func assertDir(t *testing.T, dir string, want map[string]string) {
	t.Helper()
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, e := range ents {
		if e.IsDir() {
			continue
		}
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		got[e.Name()] = string(b)
	}
	if len(got) != len(want) {
		t.Errorf("directory holds %v, want %v", got, want)
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s = %q, want %q", k, got[k], v)
		}
	}
}
