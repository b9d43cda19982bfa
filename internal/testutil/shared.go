// Package testutil holds helpers shared by the tests of several packages.
package testutil

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/schedkit/schedkit/schedule"
)

// RequireSharedEnv names the variable that turns a missing ../shared into a
// failure; .ci/run sets it, so CI cannot silently skip the real-data tests.
const RequireSharedEnv = "SCHEDKIT_REQUIRE_SHARED"

// Shared returns the path of rel inside the shared folder beside the
// repository (../shared: real schedules and validators). When it is missing
// the test is skipped, saying what was skipped, unless RequireSharedEnv is
// set, in which case it fails.
func Shared(t testing.TB, rel string) string {
	t.Helper()
	_, file, _, _ := runtime.Caller(0)
	root := filepath.Join(filepath.Dir(file), "..", "..", "..", "shared")
	p := filepath.Join(root, rel)
	if _, err := os.Stat(p); err != nil {
		if os.Getenv(RequireSharedEnv) != "" {
			t.Fatalf("%s is required (%s is set) but missing: %v", p, RequireSharedEnv, err)
		}
		t.Skipf("skipped: needs %s (../shared beside the repository), which is missing", p)
	}
	return p
}

// Root returns the repository's root directory.
func Root() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..")
}

// Fixture loads testdata/name (relative to the repository's root) with
// schedule.Load, failing the test when it cannot be read or has load
// errors, and normalises and validates it as the CLI does. It returns the
// normalised schedule (rooms in their canonical spelling) and the
// diagnostics of Normalize and Validate.
func Fixture(t testing.TB, name string) (*schedule.Schedule, []schedule.Diagnostic) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(Root(), "testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	s, diags := schedule.Load(name, data, schedule.LoadOptions{})
	if s == nil || schedule.HasErrors(diags) {
		t.Fatalf("%s does not load: %v", name, diags)
	}
	return s, append(schedule.Normalize(s), schedule.Validate(s)...)
}

// ReadFile reads the file at path with read, a reader of the shape of
// schedule.Load and the format packages' Read functions, naming it by
// its base name, and normalises and validates the schedule as the CLI
// does. It fails the test when the file cannot be opened or read returns
// no schedule, and returns the normalised schedule with the reader's
// diagnostics followed by Normalize's and Validate's.
func ReadFile(t testing.TB, path string, read func(string, []byte, schedule.LoadOptions) (*schedule.Schedule, []schedule.Diagnostic), opt schedule.LoadOptions) (*schedule.Schedule, []schedule.Diagnostic) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	s, ds := read(filepath.Base(path), data, opt)
	if s == nil {
		t.Fatalf("Read returned no schedule: %v", ds)
	}
	ds = append(ds, schedule.Normalize(s)...)
	return s, append(ds, schedule.Validate(s)...)
}
