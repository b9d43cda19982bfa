package csv

import (
	"go/ast"
	"go/parser"
	"go/token"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestColumnsDoc: the doc comment of Columns describes the columns of
// Columns, in order (one a line, or several separated by ", ", each line's
// names ending where two spaces begin the description).
func TestColumnsDoc(t *testing.T) {
	f, err := parser.ParseFile(token.NewFileSet(), "csv.go", nil, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	var doc *ast.CommentGroup
	for _, d := range f.Decls {
		if g, ok := d.(*ast.GenDecl); ok && g.Tok == token.VAR && len(g.Specs) == 1 && g.Specs[0].(*ast.ValueSpec).Names[0].Name == "Columns" {
			doc = g.Doc
		}
	}
	if doc == nil {
		t.Fatal("csv.go declares no documented var Columns")
	}
	var got []string
	for _, l := range strings.Split(doc.Text(), "\n") {
		l, ok := strings.CutPrefix(l, "\t")
		if !ok || l == "" || l[0] == ' ' {
			continue // prose, or a description's continuation line
		}
		names, _, _ := strings.Cut(l, "  ")
		got = append(got, strings.Split(names, ", ")...)
	}
	if diff := cmp.Diff(Columns, got); diff != "" {
		t.Errorf("the doc comment of Columns lists other columns (-Columns +doc):\n%s", diff)
	}
}

// TestColumnIndexes: each Col constant indexes its column of Columns.
func TestColumnIndexes(t *testing.T) {
	cols := map[int]string{
		ColID: "id", ColTrack: "track", ColTrackName: "track_name", ColRoom: "room", ColDate: "date",
		ColStart: "start", ColEnd: "end", ColDurationMin: "duration_min", ColTimezone: "timezone",
		ColStartISO: "start_iso", ColEndISO: "end_iso", ColTitle: "title", ColSubtitle: "subtitle",
		ColSpeakers: "speakers", ColSpeakerIDs: "speaker_ids", ColAffiliations: "affiliations",
		ColType: "type", ColStatus: "status", ColLanguage: "language", ColTags: "tags", ColURL: "url",
		ColAbstract: "abstract",
	}
	got := make([]string, numColumns)
	for i, name := range cols {
		got[i] = name
	}
	if diff := cmp.Diff(Columns, got); diff != "" {
		t.Errorf("Columns by the Col constants (-Columns +constants):\n%s", diff)
	}
}
