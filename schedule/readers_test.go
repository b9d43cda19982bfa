package schedule_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/schedkit/schedkit/format"
	"github.com/schedkit/schedkit/internal/realdata"
	"github.com/schedkit/schedkit/internal/testutil"
	"github.com/schedkit/schedkit/schedule"
)

// TestReadersValidateReadOnly runs checkReadOnly on the files of testdata
// in the formats of the other readers.
func TestReadersValidateReadOnly(t *testing.T) {
	files, err := filepath.Glob(filepath.Join(testutil.Root(), "testdata", "*", "*"))
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, f := range files {
		if strings.HasSuffix(f, ".yaml") || strings.Contains(f, ".golden.") {
			continue // schedkit's own format: see TestValidateReadOnly
		}
		n++
		t.Run(filepath.Base(f), func(t *testing.T) { checkReadOnly(t, f) })
	}
	if n < 5 {
		t.Fatalf("%d files of other formats in testdata: %v", n, files)
	}
}

// TestRealDataValidateReadOnly runs checkReadOnly on the real schedules of
// ../shared/realdata.
func TestRealDataValidateReadOnly(t *testing.T) {
	for _, name := range realdata.Schedules {
		t.Run(name, func(t *testing.T) { checkReadOnly(t, testutil.Shared(t, "realdata/"+name)) })
	}
}

// checkReadOnly reads the file at path in its detected format: Validate
// must change nothing, before Normalize and after it, and a second
// Normalize must change nothing and report nothing.
func checkReadOnly(t *testing.T, path string) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	name := filepath.Base(path)
	// A page that names no date or zone gets them as from --date and
	// --timezone.
	opt := schedule.LoadOptions{Timezone: "Europe/Berlin"}
	if format.Detect(name, data) == "text" {
		opt.Date = "2026-06-15"
	}
	s, ds, err := format.Read("", name, data, opt)
	if err != nil || s == nil {
		t.Fatalf("cannot be read: %v %v", err, ds)
	}
	want := schedule.DeepCopy(s)
	schedule.Validate(s)
	if diff := schedule.ScheduleDiff(want, s); diff != "" {
		t.Errorf("Validate changed the schedule as read (-want +got):\n%s", diff)
	}
	schedule.Normalize(s)
	want = schedule.DeepCopy(s)
	schedule.Validate(s)
	if diff := schedule.ScheduleDiff(want, s); diff != "" {
		t.Errorf("Validate changed the normalised schedule (-want +got):\n%s", diff)
	}
	if ds := schedule.Normalize(s); len(ds) > 0 {
		t.Errorf("second Normalize reports %v", ds)
	}
	if diff := schedule.ScheduleDiff(want, s); diff != "" {
		t.Errorf("second Normalize changed the schedule (-want +got):\n%s", diff)
	}
}
