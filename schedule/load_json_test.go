package schedule

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/rogpeppe/go-internal/txtar"
	"go.yaml.in/yaml/v4"
)

// jsonLayouts are the ways the tests write a YAML fixture as JSON: the
// positions differ, the meaning does not.
var jsonLayouts = []struct {
	name            string
	indent, newline string
}{
	{"tabs", "\t", "\n"},
	{"spaces", "  ", "\n"},
	{"crlf", " ", "\r\n"},
	{"compact", "", ""},
}

// toJSON writes the YAML document data as JSON, keys in their order
// (duplicates kept), aliases expanded, scalars as strings unless they are
// JSON literals. ok is false when data is not a YAML document.
func toJSON(data []byte, indent, newline string) ([]byte, bool) {
	var doc yaml.Node
	if yaml.Load(data, &doc) != nil || len(doc.Content) != 1 {
		return nil, false
	}
	var b bytes.Buffer
	budget := 100_000 // alias bombs stop here
	var write func(n *yaml.Node, depth int) bool
	nl := func(depth int) {
		b.WriteString(newline)
		b.WriteString(strings.Repeat(indent, depth))
	}
	write = func(n *yaml.Node, depth int) bool {
		if budget--; budget < 0 || depth > 20 {
			return false
		}
		for n.Kind == yaml.AliasNode {
			n = n.Alias
		}
		switch n.Kind {
		case yaml.MappingNode, yaml.SequenceNode:
			open, end := "[", "]"
			if n.Kind == yaml.MappingNode {
				open, end = "{", "}"
			}
			b.WriteString(open)
			for i, c := range n.Content {
				if n.Kind == yaml.MappingNode && i%2 == 1 {
					b.WriteString(": ")
				} else {
					if i > 0 {
						b.WriteString(",")
					}
					nl(depth + 1)
				}
				if n.Kind == yaml.MappingNode && i%2 == 0 {
					k, _ := json.Marshal(c.Value)
					b.Write(k)
					continue
				}
				if !write(c, depth+1) {
					return false
				}
			}
			if len(n.Content) > 0 {
				nl(depth)
			}
			b.WriteString(end)
		default:
			v := n.Value
			if (n.Tag == "!!null" || n.Tag == "!!bool" || n.Tag == "!!int" || n.Tag == "!!float") && json.Valid([]byte(v)) {
				b.WriteString(v)
			} else {
				s, _ := json.Marshal(v)
				b.Write(s)
			}
		}
		return true
	}
	if !write(doc.Content[0], 0) {
		return nil, false
	}
	b.WriteString(newline)
	return b.Bytes(), true
}

// jsonFixtures returns the schedules of the tests: the YAML and JSON files
// of testdata, the schedules of the command's test scripts, and the inputs
// of the load and validate table tests.
func jsonFixtures(t testing.TB) map[string][]byte {
	fx := map[string][]byte{}
	walk := func(root string, visit func(path string, data []byte)) {
		err := filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			data, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			visit(path, data)
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	walk("../testdata", func(path string, data []byte) {
		if ext := filepath.Ext(path); ext == ".yaml" || ext == ".json" {
			fx[path] = data
		}
	})
	walk("../cmd/schedkit/testdata/script", func(path string, data []byte) {
		for _, f := range txtar.Parse(data).Files {
			if ext := filepath.Ext(f.Name); ext == ".yaml" || ext == ".json" || ext == ".yml" {
				fx[path+"/"+f.Name] = f.Data
			}
		}
	})
	for _, tt := range loadTests {
		fx["loadTests/"+tt.name] = parseMarked("in.yaml", tt.in).src
	}
	for _, tt := range validateTests {
		fx["validateTests/"+tt.name] = parseMarked("in.yaml", tt.in).src
	}
	return fx
}

// sameAsYAML loads data with the JSON reader and with the YAML parser and
// fails when the schedules or the findings (of Load, Normalize and
// Validate) differ. It returns whether the JSON reader took the input.
func sameAsYAML(t *testing.T, name string, data []byte, opt LoadOptions) bool {
	t.Helper()
	_, took := checkJSON(data)
	a, da := load(name, data, opt, true)
	b, db := load(name, data, opt, false)
	if (a == nil) != (b == nil) {
		t.Fatalf("%s: JSON reader schedule %v, YAML parser schedule %v\n%s---\n%s", name, a != nil, b != nil, lines(da), lines(db))
	}
	if a != nil {
		if diff := loadedDiff(b, a); diff != "" {
			t.Fatalf("%s: the schedules differ (-yaml +json):\n%s", name, diff)
		}
		da = append(da, Normalize(a)...)
		da = append(da, Validate(a)...)
		db = append(db, Normalize(b)...)
		db = append(db, Validate(b)...)
	}
	if x, y := lines(da), lines(db); x != y {
		t.Fatalf("%s: the findings differ:\nJSON reader:\n%sYAML parser:\n%s", name, x, y)
	}
	return took
}

// loadedDiff is scheduleDiff for schedules loaded apart: their zones are
// the same zone, not the same *time.Location.
func loadedDiff(want, got *Schedule) string {
	zone := func(l *time.Location) string { return l.String() }
	return cmp.Diff(want, got,
		cmpopts.IgnoreFields(Session{}, "Track"),
		cmpopts.IgnoreFields(Track{}, "Sessions"),
		cmp.Comparer(func(a, b time.Time) bool { return a.Equal(b) && zone(a.Location()) == zone(b.Location()) }),
		cmp.Comparer(func(a, b *time.Location) bool { return zone(a) == zone(b) }),
	) + cmp.Diff(scheduleLinks(want), scheduleLinks(got))
}

// TestJSONSameAsYAML: every schedule of the tests, written as JSON in
// several layouts, gives the same schedule and the same findings (text and
// positions) through the JSON reader as through the YAML parser.
func TestJSONSameAsYAML(t *testing.T) {
	fx := jsonFixtures(t)
	if len(fx) < 100 {
		t.Fatalf("only %d fixtures found", len(fx))
	}
	taken, total := 0, 0
	for name, data := range fx {
		for _, lay := range jsonLayouts {
			j, ok := toJSON(data, lay.indent, lay.newline)
			if !ok {
				continue
			}
			total++
			for _, opt := range []LoadOptions{{}, {Timezone: "Europe/Berlin"}} {
				if sameAsYAML(t, name+"."+lay.name+".json", j, opt) {
					taken++
				}
			}
		}
		if bytes.HasPrefix(bytes.TrimSpace(data), []byte("{")) {
			sameAsYAML(t, name, data, LoadOptions{})
		}
	}
	t.Logf("%d fixtures; the JSON reader took %d of %d inputs", len(fx), taken, total*2)
	// The test is about the JSON reader: nearly every input must be one it
	// takes (those it declines have tab or control characters in strings).
	if taken < total*2*9/10 {
		t.Errorf("the JSON reader took %d of %d inputs", taken, total*2)
	}
}

// TestJSONNodes: the JSON reader's nodes are the YAML parser's, when it
// reads the whole document at once.
func TestJSONNodes(t *testing.T) {
	for name, data := range jsonFixtures(t) {
		j, ok := toJSON(data, "\t", "\n")
		if !ok {
			continue
		}
		sameNodes(t, name, j)
	}
}

// sameNodes compares the JSON reader's nodes for data with the YAML
// parser's, when the JSON reader takes data.
func sameNodes(t *testing.T, name string, data []byte) {
	t.Helper()
	if _, ok := checkJSON(data); !ok {
		return
	}
	var doc yaml.Node
	if err := yaml.Load(data, &doc); err != nil {
		t.Fatalf("%s: the JSON reader takes it, the YAML parser says %v", name, err)
	}
	r := newJSONReader(data)
	got := r.value(jsonAny)
	if diff := nodeDiff(doc.Content[0], got, "$"); diff != "" {
		t.Fatalf("%s: %s\n%s", name, diff, data)
	}
}

func nodeDiff(want, got *yaml.Node, path string) string {
	if want.Kind != got.Kind || want.Value != got.Value || want.Line != got.Line || want.Column != got.Column ||
		want.Tag != got.Tag || want.Style != got.Style || len(want.Content) != len(got.Content) {
		return fmt.Sprintf("%s: YAML kind %v tag %s style %v %q at %d:%d (%d items), JSON reader kind %v tag %s style %v %q at %d:%d (%d items)", path,
			want.Kind, want.Tag, want.Style, want.Value, want.Line, want.Column, len(want.Content),
			got.Kind, got.Tag, got.Style, got.Value, got.Line, got.Column, len(got.Content))
	}
	for i := range want.Content {
		if d := nodeDiff(want.Content[i], got.Content[i], fmt.Sprintf("%s[%d]", path, i)); d != "" {
			return d
		}
	}
	return ""
}

// FuzzJSONSameAsYAML: for any input, the JSON reader and the YAML parser
// give the same schedule and findings, and where the JSON reader takes the
// input its nodes are the YAML parser's.
func FuzzJSONSameAsYAML(f *testing.F) {
	for _, data := range jsonFixtures(f) {
		if j, ok := toJSON(data, "\t", "\n"); ok {
			f.Add(j)
		}
	}
	f.Add([]byte("{\"a\":\"\\u00e9\\n\\/\", \"b\": [1, -0.5e3, true, null, {}], \"c\": \"Ünï\\\"\"}"))
	f.Add([]byte("{\"conference\": {}, \"tracks\": [{\"sessions\": [{}], \"sessions\": [1]}, [], \"x\"]}"))
	f.Fuzz(func(t *testing.T, data []byte) {
		// Load's checks before parsing (UTF-8, NUL, size) come first on
		// both paths.
		if InvalidUTF8(data) >= 0 || bytes.IndexByte(data, 0) >= 0 || separators(data) > maxSeparators {
			return
		}
		sameNodes(t, "fuzz.json", data)
		sameAsYAML(t, "fuzz.json", data, LoadOptions{})
	})
}

// TestScans checks the pre-parse scans against their byte-at-a-time
// definitions.
func TestScans(t *testing.T) {
	for _, in := range []string{
		"", "a", "- [a, b]\n- {c: d}\n", "title: Ünïcödé – ok\r\n", "\xff", "ok \xe2\x82", "ok\xc3\x28 later",
		strings.Repeat("ab: [c, d]\n", 100) + "\xed\xa0\x80",
	} {
		sep := 0
		for _, b := range []byte(in) {
			if strings.IndexByte("\n,:-[{", b) >= 0 {
				sep++
			}
		}
		bad := -1
		for i := 0; i < len(in); {
			r, n := utf8.DecodeRuneInString(in[i:])
			if r == utf8.RuneError && n <= 1 {
				bad = i
				break
			}
			i += n
		}
		if diff := cmp.Diff([2]int{sep, bad}, [2]int{separators([]byte(in)), InvalidUTF8([]byte(in))}); diff != "" {
			t.Errorf("%q: separators, InvalidUTF8 (-want +got):\n%s", in, diff)
		}
	}
}

// TestJSONReadAhead: sessions read ahead on another goroutine (several
// batches to a track, lists the loader skips, the loader stopping part way)
// and sessions read by the reader itself (beyond jsonMaxLists) give what
// the YAML parser gives.
func TestJSONReadAhead(t *testing.T) {
	// Half the sessions have a room of their own, which is what it takes
	// to be built ahead of time (prebuild).
	session := func(t, i int) string {
		room := ""
		if i%2 == 0 {
			room = fmt.Sprintf(`"room": "R%d", `, t)
		}
		return fmt.Sprintf(`{"id": "s%d-%d", "title": "Talk %d", %s"date": "2026-03-02", "start": "%02d:%02d", "duration": "10m", "speakers": ["Ada %d"]}`,
			t, i, i, room, 9+i/6, i%6*10, i%7)
	}
	sessions := func(t, n int) string {
		var ss []string
		for i := range n {
			ss = append(ss, session(t, i))
		}
		return "[\n  " + strings.Join(ss, ",\n  ") + "\n]"
	}
	doc := func(tracks ...string) []byte {
		return []byte(`{"conference": {"name": "C", "timezone": "Europe/Berlin"}, "tracks": [` + strings.Join(tracks, ",\n") + "]}")
	}
	track := func(t int, body string) string { return fmt.Sprintf(`{"name": "T%d", "room": "R%d", %s}`, t, t, body) }
	n := 2*aheadItems + 3
	tests := map[string][]byte{
		"batches": doc(track(1, `"sessions": `+sessions(1, n)), track(2, `"sessions": `+sessions(2, aheadItems))),
		// The second sessions key is a finding, its list is never asked for.
		"duplicate key": doc(track(1, `"sessions": `+sessions(1, 3)+`, "sessions": `+sessions(9, n)), track(2, `"sessions": `+sessions(2, n))),
		"bad track":     doc(track(1, `"sessions": `+sessions(1, n)), `["sessions", `+sessions(8, 3)+`]`, track(3, `"sessions": `+sessions(3, 5))),
		"bad sessions":  doc(track(1, `"sessions": `+sessions(1, 2)), track(2, `"sessions": [1, [], "x", {"title": 5}]`), track(3, `"sessions": []`)),
		// A list written after the track's other fields.
		"sessions first": doc(`{"sessions": `+sessions(1, n)+`, "name": "T1"}`, track(2, `"sessions": `+sessions(2, 2))),
	}
	for name, data := range tests {
		for _, limit := range []int{1 << 16, 2, 0} {
			for _, build := range []int{2, 0} {
				t.Run(fmt.Sprintf("%s/lists=%d/build=%d", name, limit, build), func(t *testing.T) {
					defer func(was, wasBuild int) { jsonMaxLists, aheadBuild = was, wasBuild }(jsonMaxLists, aheadBuild)
					jsonMaxLists, aheadBuild = limit, build
					c, ok := checkJSON(data)
					if !ok {
						t.Fatalf("the JSON reader does not take it:\n%s", data)
					}
					if len(c.lists) > limit {
						t.Errorf("%d lists recorded, more than %d", len(c.lists), limit)
					}
					used := prebuiltUsed.Load()
					sameAsYAML(t, name+".json", data, LoadOptions{})
					if used := prebuiltUsed.Load() - used; build == 0 && limit > 0 && name == "batches" && used == 0 {
						t.Errorf("no session was built ahead of time")
					}
				})
			}
		}
	}
}

// TestJSONRelease: reading a large document, the reader calls
// LoadOptions.Release at least every releaseStep bytes of sessions, with
// offsets that only grow, and what it reads is what the YAML parser reads.
func TestJSONRelease(t *testing.T) {
	abstract := strings.Repeat("Ein Vortrag über Zeitzonen. ", 40) // 1 KB
	var ss []string
	for i := range 6000 {
		ss = append(ss, fmt.Sprintf(`{"id": "s%d", "title": "Talk %d", "room": "R%d", "start": "%02d:%02d", "duration": "20m", "abstract": %q}`,
			i, i, i%50, 9+i/50%10, i%3*20, abstract))
	}
	data := []byte(`{"conference": {"name": "C", "timezone": "Europe/Berlin"}, "tracks": [{"name": "T", "date": "2026-03-02", "sessions": [` +
		strings.Join(ss, ",\n") + "]}]}")
	var got []int
	sameAsYAML(t, "big.json", data, LoadOptions{Release: func(n int) { got = append(got, n) }})
	if want := len(data)/releaseStep - 1; len(got) < want {
		t.Errorf("Release called %d times for %d bytes, want at least %d", len(got), len(data), want)
	}
	for i, n := range got {
		if n > len(data) || i > 0 && n-got[i-1] < releaseStep {
			t.Errorf("Release(%d) after %v (%d bytes in all)", n, got[:i], len(data))
		}
	}
}

// TestJSONPrebuilt: every schedule of the tests as JSON, its sessions built
// ahead of time where they can be, gives what the YAML parser gives.
func TestJSONPrebuilt(t *testing.T) {
	defer func(was int) { aheadBuild = was }(aheadBuild)
	aheadBuild = 0
	used := prebuiltUsed.Load()
	for name, data := range jsonFixtures(t) {
		if j, ok := toJSON(data, "\t", "\n"); ok {
			sameAsYAML(t, name+".json", j, LoadOptions{})
		}
	}
	if prebuiltUsed.Load() == used {
		t.Errorf("no session was built ahead of time")
	}
}
