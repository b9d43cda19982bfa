package testutil

import (
	"reflect"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestSketchPaths(t *testing.T) {
	tests := []struct {
		name          string
		sketch        string
		paths, elided []string
		err           bool
	}{
		{name: "bare keys", sketch: `{"a", "b": {"c", "d"} | null}`, paths: []string{"a", "b", "b.c", "b.d"}},
		{name: "values and comments", sketch: "{\n  \"v\": 1, // a // comment\n  \"u\": \"https://x.org/…\", \"n\": null,\n  \"w\": \"…\"\n}",
			paths: []string{"n", "u", "v", "w"}},
		{name: "bare words as keys", sketch: `{file, line, related: [{file, session}]}`, paths: []string{"file", "line", "related", "related[].file", "related[].session"}},
		{name: "arrays", sketch: `{"ids": ["id", ...], "xs": [{"a"}, {"a"}, …], "tags": ["…"]}`,
			paths: []string{"ids", "tags", "xs", "xs[].a"}},
		{name: "elided", sketch: `{"o": {...}, "l": [...], "m": [{...}]}`, paths: []string{"l", "m", "o"}, elided: []string{"l[]", "m[].", "o."}},
		{name: "partly elided object", sketch: `{"a", ...}`, err: true},
		{name: "unbalanced", sketch: `{"a": {"b"}`, err: true},
		{name: "trailing text", sketch: `{"a"} x`, err: true},
		{name: "empty", sketch: ``, err: true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			paths, elided, err := SketchPaths(tc.sketch)
			if (err != nil) != tc.err {
				t.Fatalf("SketchPaths(%q) error %v, want error %v", tc.sketch, err, tc.err)
			}
			if tc.err {
				return
			}
			if diff := cmp.Diff([2][]string{tc.paths, tc.elided}, [2][]string{paths, elided}); diff != "" {
				t.Errorf("SketchPaths(%q) [paths, elided] (-want +got):\n%s", tc.sketch, diff)
			}
		})
	}
}

func TestJSONPaths(t *testing.T) {
	type inner struct {
		X string `json:"x"`
		y string
	}
	type doc struct {
		A      int      `json:"a"`
		B      *inner   `json:"b,omitempty"`
		C      []inner  `json:"c"`
		D      []string `json:"d"`
		Plain  bool
		Hidden string `json:"-"`
		hidden string
	}
	_ = inner{}.y
	_ = doc{}.hidden
	want := []string{"Plain", "a", "b", "b.x", "c", "c[].x", "d"}
	if diff := cmp.Diff(want, JSONPaths(reflect.TypeOf(doc{}))); diff != "" {
		t.Errorf("JSONPaths (-want +got):\n%s", diff)
	}
}
