package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/schedkit/schedkit/format"
	"github.com/schedkit/schedkit/format/csv"
	"github.com/schedkit/schedkit/format/jsonout"
	"github.com/schedkit/schedkit/internal/testutil"
	"github.com/schedkit/schedkit/schedule"
)

// The README holds generated blocks between <!-- NAME:begin ... --> and
// <!-- NAME:end --> lines. These tests check that each equals what the code
// says; run them with -update to rewrite the blocks (and nothing else).

const readmePath = "../../README.md"

// readmeBlock returns the text between the begin and end markers of name.
func readmeBlock(t *testing.T, readme []byte, name string) (start, end int) {
	t.Helper()
	begin := regexp.MustCompile(`(?m)^<!-- ` + name + `:begin[^\n]*-->\n`)
	loc := begin.FindIndex(readme)
	if loc == nil {
		t.Fatalf("README.md has no <!-- %s:begin --> line", name)
	}
	stop := bytes.Index(readme[loc[1]:], []byte("<!-- "+name+":end -->"))
	if stop < 0 {
		t.Fatalf("README.md has no <!-- %s:end --> line", name)
	}
	return loc[1], loc[1] + stop
}

// readmeText returns the README's block name, for tests that check it
// against the code rather than generate it.
func readmeText(t *testing.T, name string) string {
	t.Helper()
	readme, err := os.ReadFile(readmePath)
	if err != nil {
		t.Fatal(err)
	}
	start, end := readmeBlock(t, readme, name)
	return string(readme[start:end])
}

// checkREADMEBlock compares a generated block with the README's, or with
// -update writes it.
func checkREADMEBlock(t *testing.T, name, want string) {
	t.Helper()
	readme, err := os.ReadFile(readmePath)
	if err != nil {
		t.Fatal(err)
	}
	start, end := readmeBlock(t, readme, name)
	got := string(readme[start:end])
	if got == want {
		return
	}
	if *update {
		out := slices.Concat(readme[:start:start], []byte(want), readme[end:])
		if err := os.WriteFile(readmePath, out, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	t.Errorf("README.md block %s is out of date (run go test ./cmd/schedkit -run %s -update) (-want +got):\n%s",
		name, t.Name(), cmp.Diff(want, got))
}

// mdCell escapes a table cell for GitHub Markdown: | ends a cell, < starts
// an HTML tag.
func mdCell(s string) string {
	return strings.NewReplacer("|", `\|`, "<", "&lt;", ">", "&gt;").Replace(s)
}

// TestREADMERuleTable: the README's rule table is schedule.Rules.
func TestREADMERuleTable(t *testing.T) {
	var b strings.Builder
	b.WriteString("| rule | default | needs | checks |\n|---|---|---|---|\n")
	for _, r := range schedule.Rules {
		def := r.Default.String()
		if r.Fixed {
			def += " (fixed)"
		}
		needs := "—"
		if r.Needs != "" {
			needs = "`" + strings.ReplaceAll(r.Needs, " / ", "` / `") + "`"
			needs = strings.Replace(needs, " (default 8h)`", "` (default 8h)", 1)
		}
		fmt.Fprintf(&b, "| `%s` | %s | %s | %s |\n", r.ID, def, mdCell(needs), mdCell(r.Summary))
	}
	checkREADMEBlock(t, "rules", b.String())
}

// TestREADMESplitNames: the README's split file name examples are what
// format.FileNames makes of them.
func TestREADMESplitNames(t *testing.T) {
	names := []string{
		"microservices",
		"Broadway Ballroom North, 6th fl.",
		"Großer Saal",
		"Saal 1",
		"SAAL  1",
		"saal-1",
		"all",
		"CON",
		"../../etc/passwd",
		"🎤",
	}
	files := format.FileNames(names)
	var b strings.Builder
	b.WriteString("  | track id / room / speaker | file |\n  |---|---|\n")
	for i, n := range names {
		fmt.Fprintf(&b, "  | `%s` | `%s.EXT` |\n", mdCell(n), files[i])
	}
	checkREADMEBlock(t, "splitnames", b.String())
}

// TestREADMEJSONDiagnostics: the README's example of a JSON diagnostic has
// exactly the fields schedule.Diagnostic marshals to, with the same types.
func TestREADMEJSONDiagnostics(t *testing.T) {
	block := readmeText(t, "jsondiag")
	block = strings.TrimPrefix(strings.TrimSpace(block), "```json")
	block = strings.TrimSuffix(strings.TrimSpace(block), "```")
	var doc map[string]any
	if err := json.Unmarshal([]byte(block), &doc); err != nil {
		t.Fatalf("README.md JSON diagnostic example: %v", err)
	}
	d := schedule.Diagnostic{
		Pos: schedule.Pos{File: "f", Line: 1, Column: 1}, Rule: "room-overlap", Message: "m",
		Related: []schedule.Related{{Pos: schedule.Pos{File: "f", Line: 2, Column: 3}, Session: "a"}},
	}
	b, err := json.Marshal(d)
	if err != nil {
		t.Fatal(err)
	}
	var real map[string]any
	if err := json.Unmarshal(b, &real); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(shape(real), shape(doc)); diff != "" {
		t.Errorf("README.md JSON diagnostic example differs from schedule.Diagnostic's JSON (-code +README):\n%s", diff)
	}
	if _, ok := schedule.LookupRule(doc["rule"].(string)); !ok {
		t.Errorf("README.md JSON example: rule %q is not in the rule table", doc["rule"])
	}
}

// shape replaces each value by its JSON type, keeping the keys.
func shape(v any) any {
	switch x := v.(type) {
	case map[string]any:
		m := map[string]any{}
		for k, e := range x {
			m[k] = shape(e)
		}
		return m
	case []any:
		if len(x) == 0 {
			return []any{}
		}
		return []any{shape(x[0])}
	case string:
		return "string"
	case float64:
		return "number"
	case bool:
		return "boolean"
	case nil:
		return "null"
	}
	return fmt.Sprintf("%T", v)
}

// TestREADMEJSONExport: the README's sketch of `export json` names exactly
// the keys jsonout.Document is written with.
func TestREADMEJSONExport(t *testing.T) {
	block := strings.TrimSpace(readmeText(t, "jsonexport"))
	block = strings.TrimSuffix(strings.TrimPrefix(block, "```"), "```")
	testutil.CheckSketch(t, "README.md block jsonexport", block, jsonout.Document{})
}

// TestREADMECSVColumns: the README's table of CSV columns names csv.Columns,
// in order.
func TestREADMECSVColumns(t *testing.T) {
	var got []string
	for _, line := range strings.Split(readmeText(t, "csvcolumns"), "\n") {
		cells := strings.Split(line, "|")
		if len(cells) < 3 || !strings.Contains(cells[1], "`") {
			continue // not a row, or the header
		}
		for _, m := range codeSpan.FindAllStringSubmatch(cells[1], -1) {
			got = append(got, m[1])
		}
	}
	if diff := cmp.Diff(csv.Columns, got); diff != "" {
		t.Errorf("README.md block csvcolumns lists other columns than csv.Columns (-code +README):\n%s", diff)
	}
}

var codeSpan = regexp.MustCompile("`([^`]*)`")
