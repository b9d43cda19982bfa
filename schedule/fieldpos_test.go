package schedule

import (
	"math"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestSessionFieldPos: positions set in any order read back as they were
// set, in the session's file or elsewhere, and the compact list stays
// sorted, so that sessions with the same positions compare equal.
func TestSessionFieldPos(t *testing.T) {
	type get struct {
		field string
		want  Pos
		ok    bool
	}
	at := func(file string, line, col int) Pos { return Pos{File: file, Line: line, Column: col} }
	for _, tt := range []struct {
		name string
		set  []FieldAt // Field, and the position in a.yaml; Line -1: in b.yaml at Column
		big  bool      // also set "end" at a line beyond int32
		get  []get
		list []FieldAt
	}{
		{
			name: "none",
			get:  []get{{"start", at("a.yaml", 1, 2), false}},
		},
		{
			name: "sorted whatever the order",
			set:  []FieldAt{{"title", 3, 5}, {"end", 4, 7}, {"start", 5, 9}},
			get:  []get{{"title", at("a.yaml", 3, 5), true}, {"end", at("a.yaml", 4, 7), true}, {"room", at("a.yaml", 1, 2), false}},
			list: []FieldAt{{"end", 4, 7}, {"start", 5, 9}, {"title", 3, 5}},
		},
		{
			name: "set again replaces",
			set:  []FieldAt{{"room", 3, 5}, {"room", 8, 1}},
			get:  []get{{"room", at("a.yaml", 8, 1), true}},
			list: []FieldAt{{"room", 8, 1}},
		},
		{
			name: "another file",
			set:  []FieldAt{{"room", 3, 5}, {"room", -1, 4}, {"title", 2, 2}},
			get:  []get{{"room", at("b.yaml", 0, 4), true}, {"title", at("a.yaml", 2, 2), true}},
			list: []FieldAt{{"title", 2, 2}},
		},
		{
			name: "back from another file",
			set:  []FieldAt{{"room", -1, 4}, {"room", 3, 5}},
			get:  []get{{"room", at("a.yaml", 3, 5), true}},
			list: []FieldAt{{"room", 3, 5}},
		},
		{
			name: "beyond int32",
			big:  true,
			get:  []get{{"end", at("a.yaml", math.MaxInt32+1, 1), true}},
		},
	} {
		t.Run(tt.name, func(t *testing.T) {
			s := &Session{Pos: at("a.yaml", 1, 2)}
			for _, f := range tt.set {
				if f.Line < 0 {
					s.SetPos(f.Field, at("b.yaml", 0, int(f.Column)))
				} else {
					s.SetPos(f.Field, at("a.yaml", int(f.Line), int(f.Column)))
				}
			}
			if tt.big {
				s.SetPos("end", at("a.yaml", math.MaxInt32+1, 1))
			}
			for _, g := range tt.get {
				p, ok := s.PosOf(g.field)
				if ok != g.ok || ok && p != g.want {
					t.Errorf("PosOf(%q) = %v, %v; want %v, %v", g.field, p, ok, g.want, g.ok)
				}
				if s.Has(g.field) != g.ok {
					t.Errorf("Has(%q) = %v", g.field, !g.ok)
				}
				if got := s.At(g.field); got != g.want {
					t.Errorf("At(%q) = %v; want %v", g.field, got, g.want)
				}
			}
			if diff := cmp.Diff(tt.list, s.FieldPos); diff != "" {
				t.Errorf("FieldPos (-want +got):\n%s", diff)
			}
		})
	}
}
