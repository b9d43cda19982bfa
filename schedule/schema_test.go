package schedule

// Tests that docs/schedule.schema.json, the JSON Schema editors use, agrees
// with Load, the authority on the format: the same field names and enums,
// and every schedule Load reads without a structural finding is one the
// schema accepts. The schema is checked with jsonSchema below, a validator of
// the draft-07 keywords the schema uses; it fails on any other keyword so
// that the schema cannot drift into constructs these tests do not check.
// .ci/steps/40-schema.sh checks the same files with ajv, a full validator.

import (
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/rogpeppe/go-internal/txtar"
	"github.com/schedkit/schedkit/docs"
	"go.yaml.in/yaml/v4"
)

func loadSchema(t *testing.T) *jsonSchema {
	t.Helper()
	s, err := newJSONSchema(docs.Schema)
	if err != nil {
		t.Fatalf("docs/schedule.schema.json: %v", err)
	}
	return s
}

func TestSchemaIsWellFormed(t *testing.T) {
	s := loadSchema(t)
	if got, want := s.root["$schema"], "http://json-schema.org/draft-07/schema#"; got != want {
		t.Errorf("$schema = %v, want %s (yaml-language-server supports draft-07 fully)", got, want)
	}
	if err := s.check(s.root, "#"); err != nil {
		t.Error(err)
	}
}

// TestSchemaFieldsMatchLoader compares each object of the schema with the
// field list the loader accepts for it.
func TestSchemaFieldsMatchLoader(t *testing.T) {
	s := loadSchema(t)
	objects := map[string][]string{
		"#":                        rootFields,
		"#/definitions/conference": conferenceFields,
		"#/definitions/organizer":  organizerFields,
		"#/definitions/day":        dayFields,
		"#/definitions/room":       roomFields,
		"#/definitions/rules":      ruleFields,
		"#/definitions/track":      trackFields,
		"#/definitions/session":    sessionFields,
		"#/definitions/speaker":    speakerFields,
		"#/definitions/link":       linkFields,
	}
	for ref, fields := range objects {
		obj := s.object(t, ref)
		var got []string
		for k := range obj["properties"].(map[string]any) {
			got = append(got, k)
		}
		want := slices.Clone(fields)
		sort.Strings(got)
		sort.Strings(want)
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("%s: schema properties differ from the loader's fields (-want +got):\n%s", ref, diff)
		}
		if obj["additionalProperties"] != false {
			t.Errorf("%s: additionalProperties must be false: the loader reports unknown fields", ref)
		}
	}
}

func TestSchemaEnumsMatchModel(t *testing.T) {
	s := loadSchema(t)
	props := s.object(t, "#/definitions/session")["properties"].(map[string]any)
	for field, want := range map[string][]string{"type": SessionTypes, "status": SessionStatuses} {
		var got []string
		for _, v := range props[field].(map[string]any)["enum"].([]any) {
			if v != nil {
				got = append(got, v.(string))
			}
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("session %s enum (-want +got):\n%s", field, diff)
		}
	}

	sev := s.object(t, "#/definitions/rules")["properties"].(map[string]any)["severity"].(map[string]any)
	sevProps := sev["properties"].(map[string]any)
	var got []string
	for id := range sevProps {
		got = append(got, id)
	}
	want := RuleIDs()
	sort.Strings(got)
	sort.Strings(want)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("rules.severity properties differ from the rule table (-want +got):\n%s", diff)
	}
	for _, r := range Rules {
		p, ok := sevProps[r.ID].(map[string]any)
		if !ok {
			continue
		}
		wantDesc := fmt.Sprintf("%s (default: %s)", r.Summary, r.Default)
		if p["description"] != wantDesc {
			t.Errorf("rules.severity.%s description = %q, want %q (from schedule.Rules)", r.ID, p["description"], wantDesc)
		}
		if r.Fixed {
			if p["const"] != r.Default.String() {
				t.Errorf("rules.severity.%s: a fixed rule must be {\"const\": %q}", r.ID, r.Default)
			}
		} else if !reflect.DeepEqual(p["enum"], []any{"error", "warning", "off"}) {
			t.Errorf("rules.severity.%s enum = %v, want [error warning off]", r.ID, p["enum"])
		}
	}
}

// structural are the loader's rules a schema can express; any other
// finding (overlaps, DST, implicit ids, …) is beyond a schema.
var structural = []string{"syntax", "unknown-field", "required", "bad-value"}

func structuralFindings(ds []Diagnostic) []string {
	var out []string
	for _, d := range ds {
		if slices.Contains(structural, d.Rule) {
			out = append(out, d.String())
		}
	}
	return out
}

// TestSchemaAgreesWithLoader runs both on small documents: the loader and
// the schema must agree whether each is structurally valid.
func TestSchemaAgreesWithLoader(t *testing.T) {
	s := loadSchema(t)
	const head = "conference: {name: C, timezone: Europe/Berlin}\n"
	const track = head + "tracks:\n  - name: T\n    date: 2025-03-01\n    sessions:\n"
	tests := []struct {
		name string
		doc  string
		ok   bool
	}{
		{"minimal", head + "tracks: []\n", true},
		{"null tracks", head + "tracks:\n", true},
		{"24h clock", track + "      - {title: A, id: a, start: '10:35', end: '11:25'}\n", true},
		{"12h clock", track + "      - {title: A, id: a, start: 1:40pm, end: 2:30 PM}\n", true},
		{"hour only am", track + "      - {title: A, id: a, start: 10am, duration: 50m}\n", true},
		{"date-time", track + "      - {title: A, id: a, start: 2025-03-01T23:00, end: 2025-03-02T01:00}\n", true},
		{"duration H:MM", track + "      - {title: A, id: a, start: '10:00', duration: '1:30'}\n", true},
		{"duration 1h30m", track + "      - {title: A, id: a, start: '10:00', duration: 1h30m}\n", true},
		{"numeric title and id", track + "      - {title: 2025, id: 42, start: '10:00', duration: 1h}\n", true},
		{"null optionals", track + "      - {title: A, id: a, start: '10:00', end: '11:00', room: ~, abstract: ~, tags: ~, speakers: ~, type: ~, url: ~}\n", true},
		{"speakers as names and objects", track + "      - title: A\n        id: a\n        start: '10:00'\n        end: '11:00'\n        speakers: [Ann Lee, {name: Bo, affiliation: X, id: bo}]\n", true},
		{"every session field", track + "      - {title: A, id: a, guid: 0f8fad5b-d9cb-469f-a165-70867728950e, frab_id: 7, start: '10:00', end: '11:00', duration: 1h, date: 2025-03-01, room: R, type: keynote, status: tentative, abstract: x, subtitle: y, language: en, url: 'https://example.org/a', tags: [t], links: [{title: s, url: 'https://example.org/s'}]}\n", true},
		{"rooms and rules", "conference: {name: C, id: c-1, timezone: UTC, url: 'https://example.org', organizer: {name: P, email: p@example.org}, day_change: '04:00'}\n" +
			"rooms: [Hall A, {name: Hall B, aliases: [B]}]\n" +
			"rules: {min_duration: 15m, max_duration: 4h, changeover: 5m, speaker_buffer: 10m, day_start: '08:00', day_end: '22:00', severity: {track-overlap: warning, changeover: off, syntax: error}}\n" +
			"tracks: []\n", true},
		{"JSON", `{"conference": {"name": "C", "timezone": "UTC"}, "tracks": [{"name": "T", "sessions": [{"title": "A", "id": "a", "start": "2025-03-01T10:00", "duration": "50m"}]}]}`, true},

		{"unknown field", track + "      - {title: A, id: a, start: '10:00', end: '11:00', speakrs: [X]}\n", false},
		{"unknown root field", head + "tracks: []\ntrack: []\n", false},
		{"no conference", "tracks: []\n", false},
		{"no tracks", head, false},
		{"no timezone", "conference: {name: C}\ntracks: []\n", false},
		{"empty conference name", "conference: {name: '  ', timezone: UTC}\ntracks: []\n", false},
		{"conference not a mapping", "conference: C\ntracks: []\n", false},
		{"no title", track + "      - {id: a, start: '10:00', end: '11:00'}\n", false},
		{"no start", track + "      - {title: A, id: a, end: '11:00'}\n", false},
		{"null start", track + "      - {title: A, id: a, start: ~, end: '11:00'}\n", false},
		{"no end or duration", track + "      - {title: A, id: a, start: '10:00'}\n", false},
		{"bad clock", track + "      - {title: A, id: a, start: '25:00', end: '11:00'}\n", false},
		{"12h date-time", track + "      - {title: A, id: a, start: 2025-03-01T1:00pm, end: '14:00'}\n", false},
		{"bad date", track + "      - {title: A, id: a, date: 2025-13-01, start: '10:00', end: '11:00'}\n", false},
		{"bare number duration", track + "      - {title: A, id: a, start: '10:00', duration: 50}\n", false},
		{"bad type", track + "      - {title: A, id: a, start: '10:00', end: '11:00', type: tlak}\n", false},
		{"bad status", track + "      - {title: A, id: a, start: '10:00', end: '11:00', status: maybe}\n", false},
		{"session id with space", track + "      - {title: A, id: a b, start: '10:00', end: '11:00'}\n", false},
		{"bad guid", track + "      - {title: A, id: a, guid: 1234, start: '10:00', end: '11:00'}\n", false},
		{"bad frab_id", track + "      - {title: A, id: a, frab_id: 0, start: '10:00', end: '11:00'}\n", false},
		{"relative url", track + "      - {title: A, id: a, url: /talk, start: '10:00', end: '11:00'}\n", false},
		{"link without url", track + "      - {title: A, id: a, links: [{title: x}], start: '10:00', end: '11:00'}\n", false},
		{"speaker without name", track + "      - {title: A, id: a, speakers: [{affiliation: X}], start: '10:00', end: '11:00'}\n", false},
		{"tags not a list", track + "      - {title: A, id: a, tags: x, start: '10:00', end: '11:00'}\n", false},
		{"track id not a slug", head + "tracks: [{name: T, id: My Track}]\n", false},
		{"track without name", head + "tracks: [{id: t}]\n", false},
		{"conference id not a slug", "conference: {name: C, id: C_1, timezone: UTC}\ntracks: []\n", false},
		{"organizer without email", "conference: {name: C, timezone: UTC, organizer: {name: P}}\ntracks: []\n", false},
		{"bad email", "conference: {name: C, timezone: UTC, organizer: {email: program at example.org}}\ntracks: []\n", false},
		{"rooms not a list", head + "rooms: {name: A}\ntracks: []\n", false},
		{"room without name", head + "rooms: [{aliases: [A]}]\ntracks: []\n", false},
		{"max_duration zero", head + "rules: {max_duration: 0m}\ntracks: []\n", false},
		{"bad day_start", head + "rules: {day_start: 8}\ntracks: []\n", false},
		{"unknown rule", head + "rules: {severity: {room-overlaps: off}}\ntracks: []\n", false},
		{"bad severity", head + "rules: {severity: {room-overlap: info}}\ntracks: []\n", false},
		{"fixed rule changed", head + "rules: {severity: {syntax: warning}}\ntracks: []\n", false},
		{"timezone Local", "conference: {name: C, timezone: Local}\ntracks: []\n", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, diags := Load("doc.yaml", []byte(tt.doc), LoadOptions{})
			findings := structuralFindings(diags)
			if loaderOK := len(findings) == 0; loaderOK != tt.ok {
				t.Errorf("loader: structurally valid = %v, want %v; findings: %q", loaderOK, tt.ok, findings)
			}
			errs := s.validateYAML(t, []byte(tt.doc))
			if schemaOK := len(errs) == 0; schemaOK != tt.ok {
				t.Errorf("schema: valid = %v, want %v; errors: %q", schemaOK, tt.ok, errs)
			}
		})
	}
}

// TestSchemaAcceptsTestdata checks the bundled example and every schedkit
// YAML or JSON file under the repository's testdata directories, and in the
// CLI scripts' archives: each one the loader reads without a structural
// finding must be valid under the schema.
func TestSchemaAcceptsTestdata(t *testing.T) {
	s := loadSchema(t)
	files := map[string][]byte{}
	isSchedule := func(name string) bool {
		switch strings.ToLower(filepath.Ext(name)) {
		case ".yaml", ".yml", ".json":
			return true
		}
		return false
	}
	err := filepath.WalkDir("..", func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (strings.HasPrefix(d.Name(), ".") && path != "..") {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.Contains(filepath.ToSlash(path), "/testdata/") {
			return nil
		}
		switch {
		case isSchedule(path):
			b, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			files[path] = b
		case strings.HasSuffix(path, ".txtar"):
			a, err := txtar.ParseFile(path)
			if err != nil {
				return err
			}
			for _, f := range a.Files {
				if isSchedule(f.Name) {
					files[path+":"+f.Name] = f.Data
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	example := filepath.Join("..", "testdata", "qcon-ny-2019.yaml")
	if _, ok := files[example]; !ok {
		t.Fatalf("the bundled example %s was not found", example)
	}
	checked := 0
	for name, data := range files {
		if !looksLikeSchedkit(data) {
			continue
		}
		sched, diags := Load(name, data, LoadOptions{})
		if sched == nil || len(structuralFindings(diags)) > 0 {
			if name == example {
				t.Errorf("the bundled example has findings: %q", structuralFindings(diags))
			}
			continue // the loader rejects it; the scripts test how
		}
		checked++
		if errs := s.validateYAML(t, data); len(errs) > 0 {
			t.Errorf("%s: the loader accepts it, the schema does not:\n  %s", name, strings.Join(errs, "\n  "))
		}
	}
	t.Logf("%d schedkit files checked against the schema", checked)
}

// looksLikeSchedkit reports whether data is a YAML/JSON mapping with a
// top-level conference or tracks key (frab JSON and other formats have not).
func looksLikeSchedkit(data []byte) bool {
	var m map[string]any
	if yaml.Load(data, &m) != nil {
		return false
	}
	_, c := m["conference"]
	_, tr := m["tracks"]
	return c || tr
}

// -- a draft-07 validator for the keywords the schema uses --

type jsonSchema struct {
	root map[string]any
}

func newJSONSchema(data []byte) (*jsonSchema, error) {
	var root map[string]any
	if err := json.Unmarshal(data, &root); err != nil {
		return nil, err
	}
	return &jsonSchema{root: root}, nil
}

// object returns the schema object at a reference such as #/definitions/room,
// following oneOf to its object alternative.
func (s *jsonSchema) object(t *testing.T, ref string) map[string]any {
	t.Helper()
	sch, err := s.resolve(ref)
	if err != nil {
		t.Fatal(err)
	}
	m := sch.(map[string]any)
	if alts, ok := m["oneOf"].([]any); ok {
		for _, a := range alts {
			if am := a.(map[string]any); am["type"] == "object" {
				return am
			}
		}
	}
	return m
}

func (s *jsonSchema) resolve(ref string) (any, error) {
	if ref == "#" {
		return s.root, nil
	}
	name, ok := strings.CutPrefix(ref, "#/definitions/")
	if !ok {
		return nil, fmt.Errorf("$ref %q: only #/definitions/NAME is supported", ref)
	}
	d, ok := s.root["definitions"].(map[string]any)[name]
	if !ok {
		return nil, fmt.Errorf("$ref %q: no such definition", ref)
	}
	return d, nil
}

var (
	annotations  = []string{"$schema", "title", "description", "default", "examples", "definitions", "patternErrorMessage"}
	keywords     = []string{"$ref", "type", "enum", "const", "pattern", "minimum", "properties", "patternProperties", "required", "additionalProperties", "items", "anyOf", "oneOf", "allOf", "not"}
	jsonTypes    = []string{"string", "number", "integer", "boolean", "null", "object", "array"}
	patternCache = map[string]*regexp.Regexp{}
)

// check walks a schema and reports keywords this validator does not know,
// $refs that do not resolve, patterns that do not compile, and $refs with
// sibling keywords other than annotations (draft-07 ignores those).
func (s *jsonSchema) check(sch any, at string) error {
	m, ok := sch.(map[string]any)
	if !ok {
		return fmt.Errorf("%s: a schema must be an object", at)
	}
	for k, v := range m {
		switch {
		case slices.Contains(annotations, k):
			if k == "definitions" {
				for name, d := range v.(map[string]any) {
					if err := s.check(d, at+"/definitions/"+name); err != nil {
						return err
					}
				}
			}
		case !slices.Contains(keywords, k):
			return fmt.Errorf("%s: keyword %q is not one this test's validator knows; extend it", at, k)
		case k == "$ref":
			if _, err := s.resolve(v.(string)); err != nil {
				return fmt.Errorf("%s: %v", at, err)
			}
			for sib := range m {
				if sib != "$ref" && !slices.Contains(annotations, sib) {
					return fmt.Errorf("%s: %q beside $ref is ignored by draft-07; use allOf", at, sib)
				}
			}
		case k == "type":
			ts, ok := v.([]any)
			if !ok {
				ts = []any{v}
			}
			for _, t := range ts {
				if !slices.Contains(jsonTypes, t.(string)) {
					return fmt.Errorf("%s: unknown type %v", at, t)
				}
			}
		case k == "pattern":
			if _, err := regexp.Compile(v.(string)); err != nil {
				return fmt.Errorf("%s: pattern: %v", at, err)
			}
			// Editors show a bare pattern as the message; say it in words
			// (yaml-language-server's patternErrorMessage). A negated
			// pattern's message would never be shown.
			if _, ok := m["patternErrorMessage"]; !ok && !strings.HasSuffix(at, "/not") {
				return fmt.Errorf("%s: a pattern needs a patternErrorMessage", at)
			}
		case k == "properties" || k == "patternProperties":
			for name, p := range v.(map[string]any) {
				if k == "patternProperties" {
					if _, err := regexp.Compile(name); err != nil {
						return fmt.Errorf("%s: patternProperties: %v", at, err)
					}
				}
				if err := s.check(p, at+"/"+k+"/"+name); err != nil {
					return err
				}
			}
		case k == "items" || k == "not" || (k == "additionalProperties" && v != false):
			if err := s.check(v, at+"/"+k); err != nil {
				return err
			}
		case k == "anyOf" || k == "oneOf" || k == "allOf":
			for i, a := range v.([]any) {
				if err := s.check(a, fmt.Sprintf("%s/%s/%d", at, k, i)); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// validateYAML decodes a YAML (or JSON) document the way yaml-language-server
// sees it — plain timestamps are strings — and validates it.
func (s *jsonSchema) validateYAML(t *testing.T, data []byte) []string {
	t.Helper()
	var doc yaml.Node
	if err := yaml.Load(data, &doc); err != nil {
		return []string{"not YAML: " + err.Error()}
	}
	v, err := yamlValue(&doc)
	if err != nil {
		t.Fatal(err)
	}
	return s.validate(s.root, v, "")
}

func yamlValue(n *yaml.Node) (any, error) {
	for n.Kind == yaml.AliasNode {
		n = n.Alias
	}
	switch n.Kind {
	case yaml.DocumentNode:
		if len(n.Content) == 0 {
			return nil, nil
		}
		return yamlValue(n.Content[0])
	case yaml.MappingNode:
		m := map[string]any{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			v, err := yamlValue(n.Content[i+1])
			if err != nil {
				return nil, err
			}
			m[n.Content[i].Value] = v
		}
		return m, nil
	case yaml.SequenceNode:
		l := []any{}
		for _, c := range n.Content {
			v, err := yamlValue(c)
			if err != nil {
				return nil, err
			}
			l = append(l, v)
		}
		return l, nil
	}
	var v any
	if err := n.Decode(&v); err != nil {
		return nil, err
	}
	switch x := v.(type) {
	case time.Time:
		return n.Value, nil
	case int:
		return float64(x), nil
	case int64:
		return float64(x), nil
	case uint64:
		return float64(x), nil
	}
	return v, nil
}

func jsonType(v any) string {
	switch x := v.(type) {
	case nil:
		return "null"
	case bool:
		return "boolean"
	case string:
		return "string"
	case float64:
		if x == math.Trunc(x) {
			return "integer"
		}
		return "number"
	case map[string]any:
		return "object"
	case []any:
		return "array"
	}
	return fmt.Sprintf("%T", v)
}

func (s *jsonSchema) validate(sch any, v any, at string) []string {
	m := sch.(map[string]any)
	where := at
	if where == "" {
		where = "(root)"
	}
	var errs []string
	fail := func(format string, args ...any) {
		errs = append(errs, where+": "+fmt.Sprintf(format, args...))
	}
	if ref, ok := m["$ref"].(string); ok {
		r, _ := s.resolve(ref)
		return s.validate(r, v, at)
	}
	if ts, ok := m["type"]; ok {
		list, ok := ts.([]any)
		if !ok {
			list = []any{ts}
		}
		got := jsonType(v)
		if !slices.Contains(list, any(got)) && !(got == "integer" && slices.Contains(list, any("number"))) {
			fail("type %s, want %v", got, ts)
			return errs
		}
	}
	if enum, ok := m["enum"].([]any); ok && !slices.ContainsFunc(enum, func(e any) bool { return reflect.DeepEqual(e, v) }) {
		fail("%v is not one of %v", v, enum)
	}
	if c, ok := m["const"]; ok && !reflect.DeepEqual(c, v) {
		fail("%v is not %v", v, c)
	}
	if p, ok := m["pattern"].(string); ok {
		if str, isStr := v.(string); isStr {
			re := patternCache[p]
			if re == nil {
				re = regexp.MustCompile(p)
				patternCache[p] = re
			}
			if !re.MatchString(str) {
				fail("%q does not match %s", str, p)
			}
		}
	}
	if min, ok := m["minimum"].(float64); ok {
		if f, isNum := v.(float64); isNum && f < min {
			fail("%v is less than %v", f, min)
		}
	}
	if obj, ok := v.(map[string]any); ok {
		props, _ := m["properties"].(map[string]any)
		if req, ok := m["required"].([]any); ok {
			for _, r := range req {
				if _, has := obj[r.(string)]; !has {
					fail("missing required property %q", r)
				}
			}
		}
		keys := make([]string, 0, len(obj))
		for k := range obj {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			if p, ok := props[k]; ok {
				errs = append(errs, s.validate(p, obj[k], at+"/"+k)...)
				continue
			}
			matched := false
			patterns, _ := m["patternProperties"].(map[string]any)
			for pat, p := range patterns {
				if regexp.MustCompile(pat).MatchString(k) {
					errs = append(errs, s.validate(p, obj[k], at+"/"+k)...)
					matched = true
				}
			}
			if matched {
				continue
			}
			switch ap := m["additionalProperties"].(type) {
			case bool:
				if !ap {
					fail("property %q is not allowed", k)
				}
			case map[string]any:
				errs = append(errs, s.validate(ap, obj[k], at+"/"+k)...)
			}
		}
	}
	if list, ok := v.([]any); ok {
		if items, ok := m["items"]; ok {
			for i, x := range list {
				errs = append(errs, s.validate(items, x, fmt.Sprintf("%s/%d", at, i))...)
			}
		}
	}
	if all, ok := m["allOf"].([]any); ok {
		for _, a := range all {
			errs = append(errs, s.validate(a, v, at)...)
		}
	}
	if anyOf, ok := m["anyOf"].([]any); ok {
		if !slices.ContainsFunc(anyOf, func(a any) bool { return len(s.validate(a, v, at)) == 0 }) {
			fail("matches none of anyOf")
		}
	}
	if oneOf, ok := m["oneOf"].([]any); ok {
		n := 0
		var sub []string
		for _, a := range oneOf {
			e := s.validate(a, v, at)
			if len(e) == 0 {
				n++
			}
			sub = append(sub, e...)
		}
		if n != 1 {
			fail("matches %d of oneOf, want 1 (%s)", n, strings.Join(sub, "; "))
		}
	}
	if not, ok := m["not"]; ok && len(s.validate(not, v, at)) == 0 {
		fail("matches a schema it must not match")
	}
	return errs
}

// TestFormatExample checks the complete example of docs/format.md: it has
// every field of the format, loads and validates without a finding under
// its own policy, and the schema accepts it.
func TestFormatExample(t *testing.T) {
	md, err := os.ReadFile("../docs/format.md")
	if err != nil {
		t.Fatal(err)
	}
	_, rest, ok := strings.Cut(string(md), "<!-- example:begin -->\n```yaml\n")
	example, _, ok2 := strings.Cut(rest, "```\n<!-- example:end -->")
	if !ok || !ok2 {
		t.Fatal("docs/format.md has no <!-- example:begin --> ```yaml ... ``` <!-- example:end --> block")
	}
	s, diags := Load("format.md", []byte(example), LoadOptions{})
	if s == nil {
		t.Fatalf("the example does not load: %v", diags)
	}
	diags = append(diags, Normalize(s)...)
	diags = append(diags, Validate(s)...)
	if got := (Severities{Schedule: s.Policy.Severity}).Apply(diags); len(got) > 0 {
		for _, d := range got {
			t.Errorf("example: %s", d)
		}
	}
	if errs := loadSchema(t).validateYAML(t, []byte(example)); len(errs) > 0 {
		t.Errorf("the schema rejects the example:\n  %s", strings.Join(errs, "\n  "))
	}

	var doc yaml.Node
	if err := yaml.Load([]byte(example), &doc); err != nil {
		t.Fatal(err)
	}
	keys := map[string]bool{}
	var walk func(n *yaml.Node)
	walk = func(n *yaml.Node) {
		if n.Kind == yaml.MappingNode {
			for i := 0; i+1 < len(n.Content); i += 2 {
				keys[n.Content[i].Value] = true
			}
		}
		for _, c := range n.Content {
			walk(c)
		}
	}
	walk(&doc)
	for _, fields := range [][]string{rootFields, conferenceFields, dayFields, organizerFields, roomFields, ruleFields, trackFields, sessionFields, speakerFields, linkFields} {
		for _, f := range fields {
			if !keys[f] {
				t.Errorf("the complete example has no %s field", f)
			}
		}
	}
}
