package frab

import (
	"bytes"
	"errors"
	"os"
	"testing"

	"github.com/schedkit/schedkit/schedule"
)

// FuzzWrite reads arbitrary input with the frab readers and writes whatever
// schedule comes out as frab XML and JSON. The output must always read back
// without a syntax error, with every timed session that is not cancelled,
// and with event ids and guids unique.
func FuzzWrite(f *testing.F) {
	for _, name := range []string{"mini.schedule.xml", "mini.schedule.json"} {
		if data, err := os.ReadFile("../../testdata/frab/" + name); err == nil {
			f.Add(data)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		read := ReadXML
		if bytes.HasPrefix(bytes.TrimSpace(data), []byte("{")) {
			read = ReadJSON
		}
		s, _ := read("in", data, schedule.LoadOptions{})
		if s == nil {
			return
		}
		timed := 0
		for _, ss := range s.Sessions {
			if ss.Timed() && ss.Status != "cancelled" {
				timed++
			}
		}
		for _, w := range []struct {
			write func(*bytes.Buffer, *schedule.Schedule) error
			read  reader
		}{{writeXML, ReadXML}, {writeJSON, ReadJSON}} {
			var out bytes.Buffer
			err := w.write(&out, s)
			if timed == 0 && errors.Is(err, ErrNoEvents) {
				if out.Len() > 0 {
					t.Fatalf("ErrNoEvents after writing %q", out.Bytes())
				}
				continue // XML needs a <day>; JSON writes an empty schedule
			}
			if err != nil {
				t.Fatalf("write: %v", err)
			}
			back, ds := w.read("out", out.Bytes(), schedule.LoadOptions{})
			if back == nil {
				t.Fatalf("output does not read back: %v\n%s", ds, out.Bytes())
			}
			if len(back.Sessions) != timed {
				t.Fatalf("%d sessions read back, want %d\n%s", len(back.Sessions), timed, out.Bytes())
			}
			ids, guids := map[int]bool{}, map[string]bool{}
			for _, ss := range back.Sessions {
				if ss.FrabID <= 0 || ids[ss.FrabID] || guids[ss.GUID] {
					t.Fatalf("event id %d / guid %s not positive and unique\n%s", ss.FrabID, ss.GUID, out.Bytes())
				}
				ids[ss.FrabID], guids[ss.GUID] = true, true
			}
		}
	})
}
