// Package realdata gives tests the real schedules of ../shared/realdata
// (frab XML, pretalx JSON, iCalendar), read as the CLI reads them. It is
// separate from package testutil because it imports package format,
// whose readers' own tests use testutil; for the same reason the tests of
// format/frab and format/ics read the real files with their own readers.
package realdata

import (
	"os"
	"testing"

	"github.com/schedkit/schedkit/format"
	"github.com/schedkit/schedkit/internal/testutil"
	"github.com/schedkit/schedkit/schedule"
)

// Schedules are the real schedules the exporters' real-data tests run on:
// every input format but schedkit's own and program pages.
var Schedules = []string{
	"36c3-merged.schedule.xml",
	"debconf23.schedule.xml",
	"fosdem-2025.schedule.xml",
	"jres-2022.ics",
	"pretalx-democon.schedule.json",
}

// Read reads realdata/name in the format detected from its content, with
// name as the file diagnostics name, and normalises it as the CLI does
// (schedule.Normalize). It returns the schedule and the diagnostics of the
// reader and of Normalize (Validate is not run). Like testutil.Shared it
// skips the test when ../shared is missing, or fails it in CI; it fails
// the test when the file cannot be read as a schedule at all.
func Read(t testing.TB, name string) (*schedule.Schedule, []schedule.Diagnostic) {
	t.Helper()
	data, err := os.ReadFile(testutil.Shared(t, "realdata/"+name))
	if err != nil {
		t.Fatal(err)
	}
	s, diags, err := format.Read("", name, data, schedule.LoadOptions{})
	if err != nil || s == nil {
		t.Fatalf("%s cannot be read: %v %v", name, err, diags)
	}
	return s, append(diags, schedule.Normalize(s)...)
}
