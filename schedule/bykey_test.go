package schedule

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// byKeyMap is what byKey computes, written the obvious way.
func byKeyMap(keys []string) [][]int32 {
	index := map[string]int{}
	var groups [][]int32
	for i, k := range keys {
		if k == "" {
			continue
		}
		g, ok := index[k]
		if !ok {
			g = len(groups)
			index[k] = g
			groups = append(groups, nil)
		}
		groups[g] = append(groups[g], int32(i))
	}
	return groups
}

func unpack(members, starts []int32) [][]int32 {
	var groups [][]int32
	for g := 0; g+1 < len(starts); g++ {
		groups = append(groups, members[starts[g]:starts[g+1]])
	}
	return groups
}

func TestByKey(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 7))
	random := func(n, distinct int) []string {
		keys := make([]string, n)
		for i := range keys {
			if x := rng.IntN(distinct + 1); x < distinct {
				keys[i] = fmt.Sprintf("key %d", x)
			} // else "": in no group
		}
		return keys
	}
	tests := []struct {
		name string
		keys []string
	}{
		{"empty", nil},
		{"only empty keys", []string{"", ""}},
		{"one", []string{"a"}},
		{"first appearance order", []string{"b", "a", "b", "", "c", "a", "b"}},
		{"all equal", []string{"x", "x", "x", "x"}},
		{"random small", random(50, 10)},
		{"random large", random(20000, 3000)},
		{"random few keys", random(5000, 3)},
	}
	hashes := map[string]func(string) uint32{
		"maphash": nil,
		// Every key of one length collides: the runs hold several keys.
		"length":   func(k string) uint32 { return uint32(len(k)) },
		"constant": func(string) uint32 { return 42 },
	}
	for _, tt := range tests {
		want := byKeyMap(tt.keys)
		for hname, h := range hashes {
			t.Run(tt.name+"/"+hname, func(t *testing.T) {
				var members, starts []int32
				if h == nil {
					members, starts = byKey(tt.keys)
				} else {
					members, starts = byHash(tt.keys, h)
				}
				if diff := cmp.Diff(want, unpack(members, starts)); diff != "" {
					t.Errorf("groups differ (-map +byKey):\n%s", diff)
				}
			})
		}
	}
}

func TestRadixSortStable(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	hs := make([]hashed, 5000)
	for i := range hs {
		hs[i] = hashed{rng.Uint32() >> rng.IntN(32), int32(i)}
	}
	got := radixSort(append([]hashed(nil), hs...))
	for i := 1; i < len(got); i++ {
		a, b := got[i-1], got[i]
		if a.h > b.h || a.h == b.h && a.i > b.i {
			t.Fatalf("not sorted stably at %d: %v then %v", i, a, b)
		}
	}
}
