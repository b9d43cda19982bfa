package diff_test

import (
	"bytes"
	"io"
	"testing"

	"github.com/schedkit/schedkit/format"
	"github.com/schedkit/schedkit/format/frab"
	"github.com/schedkit/schedkit/internal/realdata"
	"github.com/schedkit/schedkit/schedule"
	"github.com/schedkit/schedkit/schedule/diff"
)

// TestRealDataFrabExport (issue 10): diffing each real frab file against
// its own frab-xml and frab-json export adds and removes no session, and
// changes no field but the guids of sessions that shared one in the
// source (the writers make guids unique; 36C3 has three such pairs).
// cmd/schedkit's diff_realdata.txtar runs the same through the CLI for one
// export of each file.
func TestRealDataFrabExport(t *testing.T) {
	writers := []struct {
		name  string
		write func(io.Writer, *schedule.Schedule, []*schedule.Session) error
	}{{"frab-xml", frab.WriteXML}, {"frab-json", frab.WriteJSON}}
	for _, name := range []string{"fosdem-2025.schedule.xml", "36c3-merged.schedule.xml", "debconf23.schedule.xml", "pretalx-democon.schedule.json"} {
		src, _ := realdata.Read(t, name)
		guids := map[string]int{}
		for _, s := range src.Sessions {
			guids[src.GUIDOf(s)]++
		}
		for _, w := range writers {
			t.Run(name+"/"+w.name, func(t *testing.T) {
				var out bytes.Buffer
				if err := w.write(&out, src, src.Sessions); err != nil {
					t.Fatal(err)
				}
				exp, diags, err := format.Read(w.name, "export", out.Bytes(), schedule.LoadOptions{})
				if err != nil || exp == nil {
					t.Fatalf("the export cannot be read: %v %v", err, diags)
				}
				schedule.Normalize(exp)
				r := diff.Compare(src, exp)
				for _, a := range r.Added {
					t.Errorf("added: %s %q at %s", a.ID, a.Title, a.Start)
				}
				for _, a := range r.Removed {
					t.Errorf("removed: %s %q at %s", a.ID, a.Title, a.Start)
				}
				renumbered := 0
				for _, c := range r.Changed {
					for _, f := range c.Fields {
						if f.Field == "guid" && guids[f.Old] > 1 {
							renumbered++
							continue
						}
						t.Errorf("session %s %q: %s %q → %q", c.ID, c.Title, f.Field, f.Old, f.New)
					}
				}
				for _, f := range r.Conference {
					t.Errorf("conference %s: %q → %q", f.Field, f.Old, f.New)
				}
				by := map[string]int{}
				for _, p := range r.Paired {
					by[p.By]++
				}
				t.Logf("%d sessions, %d added, %d removed; %d shared guids made unique; renumbered ids paired: %v",
					len(exp.Sessions), len(r.Added), len(r.Removed), renumbered, by)
			})
		}
	}
}
