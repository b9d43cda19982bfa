package main

import (
	"regexp"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/schedkit/schedkit/format"
	"github.com/schedkit/schedkit/format/csv"
	"github.com/schedkit/schedkit/format/table"
	"github.com/schedkit/schedkit/schedule"
	"github.com/urfave/cli/v2"
)

// flagOf returns the flag name of the command at path.
func flagOf(t *testing.T, name string, path ...string) cli.Flag {
	t.Helper()
	for _, f := range command(t, path...).Flags {
		if slices.Contains(f.Names(), name) {
			return f
		}
	}
	t.Fatalf("%v has no flag --%s", path, name)
	return nil
}

// TestFlagValues: completion offers, after a flag, the values from the one
// place each is defined (issue 10.9b); other flags get none.
func TestFlagValues(t *testing.T) {
	var rules []string
	for _, r := range schedule.Rules {
		if !r.Fixed {
			rules = append(rules, r.ID+"=error", r.ID+"=warning", r.ID+"=off")
		}
	}
	tests := []struct {
		path []string
		flag string
		want []string
	}{
		{[]string{"export", "ics"}, "split", format.SplitKinds},
		{[]string{"export", "frab-json"}, "split", format.SplitKinds},
		{[]string{"validate"}, "rule", rules},
		{[]string{"export", "csv"}, "rule", rules},
		{[]string{"validate"}, "format", reportFormats},
		{[]string{"diff"}, "format", reportFormats},
		{[]string{"export", "table"}, "format", []string{table.FormatText, table.FormatMarkdown}},
		{[]string{"export", "table"}, "view", []string{table.ViewList, table.ViewGrid}},
		{[]string{"export", "table"}, "columns", []string{table.ColumnsRoom, table.ColumnsTrack}},
		{[]string{"export", "csv"}, "rows", []string{csv.RowsSession, csv.RowsSpeaker}},
		{[]string{"import"}, "input-format", format.FormatNames()},
		{[]string{"validate"}, "input-format", format.FormatNames()},
		{[]string{"export", "ics"}, "room", nil},
		{[]string{"export", "ics"}, "output", nil},
		{[]string{"validate"}, "strict", nil},
		{[]string{"validate"}, "timezone", nil},
	}
	for _, tc := range tests {
		got := flagValues(flagOf(t, tc.flag, tc.path...))
		if diff := cmp.Diff(tc.want, got); diff != "" {
			t.Errorf("%v --%s: values (-want +got):\n%s", tc.path, tc.flag, diff)
		}
	}
	if slices.Contains(rules, schedule.RuleSyntax+"=off") {
		t.Errorf("the fixed rule %s is offered", schedule.RuleSyntax)
	}
}

// TestFlagValuesPlain: every value completion offers, of every flag of
// every command, is a plain word, which the scripts pass on unquoted (the
// fish script lists them in one string) and which no shell splits.
func TestFlagValuesPlain(t *testing.T) {
	plain := regexp.MustCompile(`^[A-Za-z0-9_.=-]+$`)
	n := 0
	for _, node := range completionNodes((&env{}).newApp()) {
		for _, f := range node.flags {
			for _, v := range flagValues(f) {
				n++
				if !plain.MatchString(v) {
					t.Errorf("%v --%s: value %q is not a plain word", node.path, f.Names()[0], v)
				}
			}
		}
	}
	if n == 0 {
		t.Fatal("no flag has values")
	}
}
