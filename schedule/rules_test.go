package schedule

import (
	"go/ast"
	"go/parser"
	"go/token"
	"strconv"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestRuleConstants checks that the Rule… constants of rules.go and the
// rule table name the same ids, in the same order: code names rules by the
// constants, users by the ids in the table.
func TestRuleConstants(t *testing.T) {
	f, err := parser.ParseFile(token.NewFileSet(), "rules.go", nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	var consts []string
	for _, d := range f.Decls {
		g, ok := d.(*ast.GenDecl)
		if !ok || g.Tok != token.CONST {
			continue
		}
		for _, spec := range g.Specs {
			vs := spec.(*ast.ValueSpec)
			for i, name := range vs.Names {
				lit, ok := vs.Values[i].(*ast.BasicLit)
				if !ok || len(name.Name) <= len("Rule") || name.Name[:4] != "Rule" {
					continue
				}
				id, err := strconv.Unquote(lit.Value)
				if err != nil {
					t.Fatal(err)
				}
				consts = append(consts, id)
			}
		}
	}
	if diff := cmp.Diff(RuleIDs(), consts); diff != "" {
		t.Errorf("rule table ids (-) vs Rule… constants (+):\n%s", diff)
	}
	seen := map[string]bool{}
	for _, id := range RuleIDs() {
		if seen[id] {
			t.Errorf("rule id %q is in the table twice", id)
		}
		seen[id] = true
	}
}
