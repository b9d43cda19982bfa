package lazyregexp

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestLazy checks that outside a test binary New compiles nothing (a bad
// pattern panics at its first use, not at start-up) and that a Regexp then
// matches as regexp.Regexp does.
func TestLazy(t *testing.T) {
	defer func(v bool) { inTest = v }(inTest)
	inTest = false

	bad := New(`(`)
	if bad.rx != nil {
		t.Fatal("New compiled the pattern")
	}
	func() {
		defer func() {
			if recover() == nil {
				t.Error("MatchString of a bad pattern did not panic")
			}
		}()
		bad.MatchString("x")
	}()

	re := New(`^(\d{2}):(\d{2})$`)
	if re.rx != nil {
		t.Fatal("New compiled the pattern")
	}
	if got, want := re.FindStringSubmatch("09:30"), []string{"09:30", "09", "30"}; !cmp.Equal(got, want) {
		t.Errorf("FindStringSubmatch: %s", cmp.Diff(want, got))
	}
	if re.rx == nil || re.String() != `^(\d{2}):(\d{2})$` {
		t.Errorf("after use: compiled %v, String %q", re.rx != nil, re.String())
	}
}

// TestInTest checks that this test binary is taken for one, so that every
// package's patterns are compiled when its tests start.
func TestInTest(t *testing.T) {
	if !inTest {
		t.Error("inTest is false in a test binary")
	}
}
