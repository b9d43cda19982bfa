package frab

import (
	"bytes"
	"flag"
	"fmt"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/schedkit/schedkit/format/yamlout"
	"github.com/schedkit/schedkit/internal/lazyregexp"
	"github.com/schedkit/schedkit/internal/testutil"
	"github.com/schedkit/schedkit/schedule"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/frab")

type reader func(string, []byte, schedule.LoadOptions) (*schedule.Schedule, []schedule.Diagnostic)

func mustRead(t testing.TB, read reader, name string, data []byte) *schedule.Schedule {
	t.Helper()
	s, ds := read(name, data, schedule.LoadOptions{})
	if s == nil {
		t.Fatalf("%s: %v", name, ds)
	}
	return s
}

// session is what a round trip must keep of a session.
type session struct {
	ID, GUID                   string
	FrabID                     int
	Title, Subtitle, Room      string
	Track, Type, Language, URL string
	Abstract, Description      string
	Start, End                 time.Time
	Speakers                   []schedule.Person
	Links, Attachments         []schedule.Link
	DoNotRecord                bool
	RecordingLicense           string
	Slug, Logo                 string
	FeedbackURL, OriginURL     string
	SourceType                 string
}

func sessions(s *schedule.Schedule) []session {
	var out []session
	for _, ss := range s.Sessions {
		out = append(out, session{ss.ID, ss.GUID, ss.FrabID, ss.Title, ss.Subtitle, ss.Room,
			ss.TrackName(), ss.Type, ss.Language, ss.URL, ss.Abstract, ss.Description, ss.Start, ss.End, ss.Speakers, ss.Links, ss.Attachments,
			ss.DoNotRecord, ss.RecordingLicense, ss.Slug, ss.Logo, ss.FeedbackURL, ss.OriginURL, ss.SourceType})
	}
	// The writers order events by day and room: compare by guid.
	slices.SortFunc(out, func(a, b session) int { return strings.Compare(a.GUID, b.GUID) })
	return out
}

// duplicates returns the sessions (by title and start) whose id or guid
// another session has too.
func duplicates(s *schedule.Schedule) map[string]bool {
	ids, guids := map[string]int{}, map[string]int{}
	for _, ss := range s.Sessions {
		ids[ss.ID]++
		guids[ss.GUID]++
	}
	out := map[string]bool{}
	for _, ss := range s.Sessions {
		if ids[ss.ID] > 1 || guids[ss.GUID] > 1 {
			out[ss.Title+" @ "+ss.Start.Format(time.RFC3339)] = true
		}
	}
	return out
}

// roomNames returns the names of the room registry, in order.
func roomNames(s *schedule.Schedule) []string {
	var out []string
	for _, r := range s.Rooms {
		out = append(out, r.Name)
	}
	return out
}

var sameInstant = cmp.Comparer(func(a, b time.Time) bool { return a.Equal(b) && a.Location().String() == b.Location().String() })

// roundTrip imports data (as `schedkit import` does: read, then schedkit
// YAML), loads the YAML, writes it with write and reads that with read.
func roundTrip(t *testing.T, src *schedule.Schedule, write func(*bytes.Buffer, *schedule.Schedule) error, read reader) (*schedule.Schedule, []byte) {
	t.Helper()
	var y bytes.Buffer
	if err := yamlout.Write(&y, src); err != nil {
		t.Fatal(err)
	}
	loaded, ds := schedule.Load("import.yaml", y.Bytes(), schedule.LoadOptions{})
	if loaded == nil {
		t.Fatalf("the imported YAML does not load: %v", ds)
	}
	// Findings (36C3 has bad link urls) are format/yamlout's test.
	schedule.Normalize(loaded)
	var out bytes.Buffer
	if err := write(&out, loaded); err != nil {
		t.Fatal(err)
	}
	return mustRead(t, read, "out", out.Bytes()), out.Bytes()
}

// readRealSource reads a frab file of ../shared/realdata (XML or JSON, by its
// extension) with this package's readers, as realdata.Read would (which
// this package cannot import: it imports the format registry, which
// imports this package). Validate is not run.
func readRealSource(t testing.TB, name string) (*schedule.Schedule, []schedule.Diagnostic) {
	t.Helper()
	data, err := os.ReadFile(testutil.Shared(t, "realdata/"+name))
	if err != nil {
		t.Fatal(err)
	}
	read := ReadXML
	if strings.HasSuffix(name, ".json") {
		read = ReadJSON
	}
	s, diags := read(name, data, schedule.LoadOptions{})
	if s == nil {
		t.Fatalf("%s cannot be read: %v", name, diags)
	}
	return s, diags
}

func writeXML(b *bytes.Buffer, s *schedule.Schedule) error  { return WriteXML(b, s, s.Sessions) }
func writeJSON(b *bytes.Buffer, s *schedule.Schedule) error { return WriteJSON(b, s, s.Sessions) }

// TestRealDataRoundTrip: import, export frab-xml (and frab-json), read
// again: the same sessions, instants, rooms, persons and guids.
func TestRealDataRoundTrip(t *testing.T) {
	for _, name := range []string{"fosdem-2025.schedule.xml", "36c3-merged.schedule.xml", "debconf23.schedule.xml", "pretalx-democon.schedule.json"} {
		src, _ := readRealSource(t, name)
		schedule.Normalize(src) // as every command does
		srcData, err := os.ReadFile(testutil.Shared(t, "realdata/"+name))
		if err != nil {
			t.Fatal(err)
		}
		guids := map[string]int{}
		for _, ss := range src.Sessions {
			guids[ss.GUID]++
		}
		dupGUID := map[string]bool{}
		for g, n := range guids {
			dupGUID[g] = n > 1
		}
		for _, f := range []struct {
			name  string
			write func(*bytes.Buffer, *schedule.Schedule) error
			read  reader
			slug  *lazyregexp.Regexp
		}{{"frab-xml", writeXML, ReadXML, xsdSlug}, {"frab-json", writeJSON, ReadJSON, jsonSlug}} {
			t.Run(name+"/"+f.name, func(t *testing.T) {
				got, out := roundTrip(t, src, f.write, f.read)
				want, gotS := sessions(src), sessions(got)
				// Duplicate ids and guids are renumbered by the writers:
				// excepted from the comparison, and listed.
				dup := duplicates(src)
				for _, l := range [][]session{want, gotS} {
					for i := range l {
						if dup[l[i].Title+" @ "+l[i].Start.Format(time.RFC3339)] {
							l[i].ID, l[i].FrabID, l[i].GUID = "", 0, ""
						}
					}
					slices.SortStableFunc(l, func(a, b session) int {
						return strings.Compare(a.Title+a.Start.String()+a.Room+a.GUID+a.ID, b.Title+b.Start.String()+b.Room+b.GUID+b.ID)
					})
				}
				if len(dup) > 0 {
					t.Logf("%d sessions with a duplicate id or guid are renumbered: %v", len(dup), slices.Sorted(maps.Keys(dup)))
				}
				// What the format's schema does not admit is left out
				// (and a slug is then made up): listed, not compared.
				slugs, logos := 0, 0
				for i := range want {
					if !f.slug.MatchString(want[i].Slug) {
						want[i].Slug = "-"
						if i < len(gotS) {
							gotS[i].Slug = "-"
						}
						slugs++
					}
					if f.name == "frab-xml" && want[i].Logo != "" && !httpURL.MatchString(want[i].Logo) {
						want[i].Logo = ""
						logos++
					}
				}
				t.Logf("%s: %d slugs and %d logos the schema rejects are not kept", f.name, slugs, logos)
				if diff := cmp.Diff(want, gotS, sameInstant, cmpopts.EquateEmpty()); diff != "" {
					t.Errorf("sessions (-source +round trip):\n%s", diff)
				}
				wantC := src.Conference
				if wantC.Version == "" {
					wantC.Version = got.Conference.Version // none given: the writer's hash
				}
				if diff := cmp.Diff(wantC, got.Conference, cmpopts.IgnoreFields(schedule.Conference{}, "Pos")); diff != "" {
					t.Errorf("conference (-source +round trip):\n%s", diff)
				}
				if diff := cmp.Diff(roomNames(src), roomNames(got)); diff != "" {
					t.Errorf("rooms in file order (-source +round trip):\n%s", diff)
				}
				// The days as the files list them, and the day each
				// session is on, not only the instants: apps show a
				// day's sessions on its tab.
				wantDays, wantOn := fileDays(t, name, srcData)
				gotDays, gotOn := fileDays(t, "out."+strings.TrimPrefix(f.name, "frab-"), out)
				if diff := cmp.Diff(wantDays, gotDays); diff != "" {
					t.Errorf("days (-source +round trip):\n%s", diff)
				}
				for g := range wantOn {
					if dupGUID[g] {
						delete(wantOn, g) // renumbered: see above
					}
				}
				for g := range gotOn {
					if _, ok := wantOn[g]; !ok {
						delete(gotOn, g)
					}
				}
				if diff := cmp.Diff(wantOn, gotOn); diff != "" {
					t.Errorf("the day of each session, by guid (-source +round trip):\n%s", diff)
				}
				t.Logf("%d days, day_change %q, %d sessions on the day the source put them", len(gotDays), got.Conference.DayChange, len(gotOn))
			})
		}
	}
}

// fileDay is a <day> (a schedule.json day) as a file lists it, its bounds
// as instants.
type fileDay struct {
	Index, Date string
	Start, End  time.Time
}

// fileDays returns the days of a frab file (XML or JSON, by the name's
// extension) and, by event guid, the date of the day each event is in.
func fileDays(t *testing.T, name string, data []byte) ([]fileDay, map[string]string) {
	t.Helper()
	read := readXMLDoc
	if strings.HasSuffix(name, ".json") {
		read = readJSONDoc
	}
	doc, diags := read(name, data)
	if doc == nil {
		t.Fatalf("%s: %v", name, diags)
	}
	instant := func(v value) time.Time {
		p, err := parseDate(v.s)
		if err != nil || !p.hasOffset {
			t.Fatalf("%s: day bound %q is not a date-time with an offset", name, v.s)
		}
		return p.t
	}
	var days []fileDay
	for _, d := range doc.days {
		days = append(days, fileDay{strings.TrimSpace(d.index.s), strings.TrimSpace(d.date.s), instant(d.start), instant(d.end)})
	}
	on := map[string]string{}
	for _, e := range doc.events {
		on[strings.ToLower(strings.TrimSpace(e.get("guid").s))] = e.day.date.s
	}
	return days, on
}

// TestRealDataSchemas checks the writers' output of every real file with
// xmllint --schema and python3-jsonschema, when they are installed (the CI
// step 50-frab.sh installs them and sets SCHEDKIT_REQUIRE_TOOLS).
func TestRealDataSchemas(t *testing.T) {
	xsd := testutil.Shared(t, "realdata/schedule.xml.xsd")
	jsonSchema := testutil.Shared(t, "realdata/schedule.schema.json")
	tool := func(name string, args ...string) bool {
		if err := exec.Command(name, args...).Run(); err != nil {
			if os.Getenv("SCHEDKIT_REQUIRE_TOOLS") != "" {
				t.Fatalf("%s is required (SCHEDKIT_REQUIRE_TOOLS is set): %v", name, err)
			}
			t.Logf("skipping the %s check: %v", name, err)
			return false
		}
		return true
	}
	hasXmllint := tool("xmllint", "--version")
	hasJSONSchema := tool("/usr/bin/python3", "-c", "import jsonschema")
	dir := t.TempDir()
	for _, name := range []string{"fosdem-2025.schedule.xml", "36c3-merged.schedule.xml", "debconf23.schedule.xml", "pretalx-democon.schedule.json"} {
		s, _ := readRealSource(t, name)
		var x, j bytes.Buffer
		if err := WriteXML(&x, s, s.Sessions); err != nil {
			t.Fatal(err)
		}
		if err := WriteJSON(&j, s, s.Sessions); err != nil {
			t.Fatal(err)
		}
		xf, jf := filepath.Join(dir, name+".out.xml"), filepath.Join(dir, name+".out.json")
		if err := os.WriteFile(xf, x.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(jf, j.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		if hasXmllint {
			if out, err := exec.Command("xmllint", "--noout", "--schema", xsd, xf).CombinedOutput(); err != nil {
				t.Errorf("%s: export frab-xml fails the XSD: %v\n%s", name, err, firstLines(out, 10))
			}
		}
		if hasJSONSchema {
			script := `import json,sys,jsonschema
errs=list(jsonschema.Draft6Validator(json.load(open(sys.argv[1]))).iter_errors(json.load(open(sys.argv[2]))))
for e in errs[:10]: print(list(e.path), e.message[:200])
sys.exit(1 if errs else 0)`
			if out, err := exec.Command("/usr/bin/python3", "-c", script, jsonSchema, jf).CombinedOutput(); err != nil {
				t.Errorf("%s: export frab-json fails the JSON schema: %v\n%s", name, err, out)
			}
		}
	}
}

func firstLines(b []byte, n int) string {
	ls := strings.SplitN(string(b), "\n", n+1)
	return strings.Join(ls[:min(n, len(ls))], "\n")
}

// TestGolden writes the small fixtures of testdata/frab as frab XML and
// JSON. Run with -update to rewrite the golden files; review the diff.
func TestGolden(t *testing.T) {
	for _, f := range []struct {
		src  string
		read reader
	}{{"mini.schedule.xml", ReadXML}, {"mini.schedule.json", ReadJSON}} {
		data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "frab", f.src))
		if err != nil {
			t.Fatal(err)
		}
		s := mustRead(t, f.read, f.src, data)
		for _, w := range []struct {
			ext   string
			write func(*bytes.Buffer, *schedule.Schedule) error
		}{{".xml", writeXML}, {".json", writeJSON}} {
			var out bytes.Buffer
			if err := w.write(&out, s); err != nil {
				t.Fatal(err)
			}
			golden := filepath.Join("..", "..", "testdata", "frab", f.src+".golden"+w.ext)
			if *update {
				if err := os.WriteFile(golden, out.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
				continue
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update)", err)
			}
			if !bytes.Equal(want, out.Bytes()) {
				t.Errorf("%s: output differs from %s; run go test -update and review the diff", f.src, golden)
			}
		}
	}
}

// TestIDs: event ids are positive and unique, frab ids are kept for the
// first session that has them, and guids are unique, even for input with
// duplicates (written with --force).
func TestIDs(t *testing.T) {
	loc := time.UTC
	s := &schedule.Schedule{Conference: schedule.Conference{Name: "C", ID: "c", TimeZone: "UTC"}, Location: loc}
	tr := &schedule.Track{ID: "t", Name: "T"}
	s.AddTrack(tr)
	mk := func(id string, frab int, guid string, h int) {
		s.AddSession(tr, &schedule.Session{ID: id, FrabID: frab, GUID: guid, Title: id, Room: "R", Type: "talk",
			Start: time.Date(2026, 1, 1, h, 0, 0, 0, loc), End: time.Date(2026, 1, 1, h+1, 0, 0, 0, loc)})
	}
	g := "11111111-1111-5111-8111-111111111111"
	mk("a", 7, g, 9)
	mk("b", 7, g, 10) // duplicate frab id and guid
	mk("c", 0, "", 11)
	mk("d", 0, "", 12)
	mk("x", 0, "", 13)
	s.Sessions[len(s.Sessions)-1].Status = "cancelled" // left out
	p := makePlan(s, s.Sessions)
	var got []string
	ids, guids := map[int]bool{}, map[string]bool{}
	for _, d := range p.days {
		for _, r := range d.rooms {
			for _, e := range r.events {
				if e.id <= 0 || ids[e.id] || guids[e.guid] {
					t.Errorf("%s: id %d guid %s not positive and unique", e.s.ID, e.id, e.guid)
				}
				ids[e.id], guids[e.guid] = true, true
				got = append(got, fmt.Sprintf("%s %d", e.s.ID, e.id))
			}
		}
	}
	want := []string{"a 7", fmt.Sprintf("b %d", derivedID(schedule.DerivedGUID("c", "b#2"))),
		fmt.Sprintf("c %d", derivedID(schedule.DerivedGUID("c", "c"))), fmt.Sprintf("d %d", derivedID(schedule.DerivedGUID("c", "d")))}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("ids (-want +got):\n%s", diff)
	}
}

func BenchmarkWriteXMLFOSDEM(b *testing.B) {
	data, err := os.ReadFile(testutil.Shared(b, "realdata/fosdem-2025.schedule.xml"))
	if err != nil {
		b.Fatal(err)
	}
	s := mustRead(b, ReadXML, "f", data)
	for b.Loop() {
		var out bytes.Buffer
		if err := WriteXML(&out, s, s.Sessions); err != nil {
			b.Fatal(err)
		}
	}
}
