package atomicfile

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
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

	// Two files of a batch on one target (also through a symbolic link or
	// another spelling) are refused before anything is written.
	if err := os.Symlink("a.txt", filepath.Join(dir, "link")); err != nil {
		t.Fatal(err)
	}
	for _, other := range []string{a, filepath.Join(dir, "sub", "..", "a.txt"), filepath.Join(dir, "link")} {
		err := WriteAll([]File{{Path: a, Write: writeString("1")}, {Path: other, Write: writeString("2")}})
		if err == nil || !strings.Contains(err.Error(), "are the same file") {
			t.Errorf("WriteAll to %s twice: error %v, want 'are the same file'", other, err)
		}
	}
	// A new file, through a link to its directory.
	if err := os.Symlink("sub", filepath.Join(dir, "sublink")); err != nil {
		t.Fatal(err)
	}
	err = WriteAll([]File{{Path: filepath.Join(sub, "new"), Write: writeString("1")}, {Path: filepath.Join(dir, "sublink", "new"), Write: writeString("2")}})
	if err == nil || !strings.Contains(err.Error(), "are the same file") {
		t.Errorf("WriteAll to a new file twice through a directory link: error %v, want 'are the same file'", err)
	}
	if _, err := os.Stat(filepath.Join(sub, "new")); err == nil {
		t.Error("sub/new written although the batch was refused")
	}
	// A path with ".." after a link is taken as written (cleaned), as the
	// file is then created: link/../new is dir/new, another file than
	// sub/new, and neither write replaces the other.
	if err := os.Mkdir(filepath.Join(sub, "deep"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join("sub", "deep"), filepath.Join(dir, "deeplink")); err != nil {
		t.Fatal(err)
	}
	err = WriteAll([]File{{Path: filepath.Join(sub, "new"), Write: writeString("1")}, {Path: filepath.Join(dir, "deeplink", "..", "new"), Write: writeString("2")}})
	if err != nil {
		t.Fatal(err)
	}
	for path, want := range map[string]string{filepath.Join(sub, "new"): "1", filepath.Join(dir, "new"): "2"} {
		if b, err := os.ReadFile(path); err != nil || string(b) != want {
			t.Errorf("%s = %q, %v; want %q", path, b, err, want)
		}
	}
	for _, l := range []string{"sublink", "deeplink", "new"} {
		if err := os.Remove(filepath.Join(dir, l)); err != nil {
			t.Fatal(err)
		}
	}
	assertDir(t, dir, map[string]string{"a.txt": "new a", "b.txt": "new b", "link": "new a"})
}

func TestWriteTargets(t *testing.T) {
	writeString := func(s string) func(io.Writer) error {
		return func(w io.Writer) error { _, err := io.WriteString(w, s); return err }
	}
	t.Run("SymlinkFollowed", func(t *testing.T) {
		dir := t.TempDir()
		target, link := filepath.Join(dir, "target.csv"), filepath.Join(dir, "link.csv")
		mustWrite(t, target, "old", 0o600)
		if err := os.Symlink("target.csv", link); err != nil {
			t.Skip("no symbolic links:", err)
		}
		if err := Write(link, writeString("new")); err != nil {
			t.Fatal(err)
		}
		if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
			t.Errorf("link.csv is no longer a symbolic link (%v)", err)
		}
		assertFile(t, target, "new", 0o600)
	})
	t.Run("DanglingSymlinkCreatesTarget", func(t *testing.T) {
		dir := t.TempDir()
		link := filepath.Join(dir, "link.csv")
		if err := os.Symlink("made.csv", link); err != nil {
			t.Skip("no symbolic links:", err)
		}
		if err := Write(link, writeString("new")); err != nil {
			t.Fatal(err)
		}
		assertFile(t, filepath.Join(dir, "made.csv"), "new", 0o666&^umask())
	})
	t.Run("ReplaceLinks", func(t *testing.T) {
		// Replace (files in --out-dir): a link to a file outside and a
		// dangling link to an absolute path are replaced by new files;
		// neither target is touched or created.
		dir, outside := t.TempDir(), t.TempDir()
		victim, absent := filepath.Join(outside, "victim.txt"), filepath.Join(outside, "created.txt")
		mustWrite(t, victim, "keep", 0o644)
		a, b := filepath.Join(dir, "a.ics"), filepath.Join(dir, "b.ics")
		if err := os.Symlink(victim, a); err != nil {
			t.Skip("no symbolic links:", err)
		}
		if err := os.Symlink(absent, b); err != nil {
			t.Fatal(err)
		}
		if err := WriteAll([]File{{Path: a, Write: writeString("A"), Replace: true}, {Path: b, Write: writeString("B"), Replace: true}}); err != nil {
			t.Fatal(err)
		}
		assertFile(t, a, "A", 0o666&^umask())
		assertFile(t, b, "B", 0o666&^umask())
		assertFile(t, victim, "keep", 0o644)
		if _, err := os.Lstat(absent); err == nil {
			t.Errorf("%s was created through a dangling link", absent)
		}
		// A regular file keeps its mode.
		mustWrite(t, a, "old", 0o600)
		if err := WriteAll([]File{{Path: a, Write: writeString("A2"), Replace: true}}); err != nil {
			t.Fatal(err)
		}
		assertFile(t, a, "A2", 0o600)
	})
	t.Run("ModeKept", func(t *testing.T) {
		dir := t.TempDir()
		p := filepath.Join(dir, "state.json")
		mustWrite(t, p, "old", 0o640)
		if err := Write(p, writeString("new")); err != nil {
			t.Fatal(err)
		}
		assertFile(t, p, "new", 0o640)
	})
	t.Run("MissingDirectoryNamed", func(t *testing.T) {
		dir := t.TempDir()
		err := Write(filepath.Join(dir, "missing", "x.csv"), writeString("x"))
		if err == nil || !strings.Contains(err.Error(), "x.csv") || strings.Contains(err.Error(), ".tmp") {
			t.Errorf("error = %v, want one naming x.csv and no temporary file", err)
		}
	})
}

// TestInterrupt: Interrupt, as on SIGINT, removes the temporary files of
// a batch being written, which then renames nothing; later batches fail.
func TestInterrupt(t *testing.T) {
	defer func() {
		mu.Lock()
		interrupted = false
		mu.Unlock()
	}()
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.txt"), filepath.Join(dir, "b.txt")
	mustWrite(t, a, "old a", 0o644)
	removed := -1
	err := WriteAll([]File{
		{Path: a, Write: func(w io.Writer) error { _, err := io.WriteString(w, "new a"); return err }},
		{Path: b, Write: func(w io.Writer) error {
			io.WriteString(w, "new b")
			removed = Interrupt() // the signal arrives while b is written
			return nil
		}},
	})
	if !errors.Is(err, ErrInterrupted) {
		t.Errorf("WriteAll = %v, want ErrInterrupted", err)
	}
	if removed != 2 {
		t.Errorf("Interrupt removed %d files, want 2", removed)
	}
	assertDir(t, dir, map[string]string{"a.txt": "old a"})
	if err := Write(b, func(w io.Writer) error { return nil }); !errors.Is(err, ErrInterrupted) {
		t.Errorf("Write after Interrupt = %v, want ErrInterrupted", err)
	}
	assertDir(t, dir, map[string]string{"a.txt": "old a"})
}

func mustWrite(t *testing.T, path, content string, mode os.FileMode) {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), mode); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(path, mode); err != nil { // umask
		t.Fatal(err)
	}
}

func assertFile(t *testing.T, path, content string, mode os.FileMode) {
	t.Helper()
	fi, err := os.Lstat(path)
	if err != nil {
		t.Fatal(err)
	}
	if !fi.Mode().IsRegular() || fi.Mode().Perm() != mode {
		t.Errorf("%s: mode %v, want a regular file with %v", path, fi.Mode(), mode)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if string(b) != content {
		t.Errorf("%s = %q, want %q", path, b, content)
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
