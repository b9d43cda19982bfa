// Package lazyregexp is a regexp.Regexp compiled at its first use rather
// than at package initialisation, after cmd/go's internal/lazyregexp.
//
// A schedkit run uses a handful of its patterns (a validate of a YAML file
// none of the page or frab readers' ones), but compiling all of them at
// start-up cost about 3 ms and 500 KB of fresh memory on every run, most of
// it in page faults. A package-level
//
//	var dateRE = lazyregexp.New(`^\d{4}-\d{2}-\d{2}$`)
//
// is written and used like a *regexp.Regexp. In test binaries the pattern
// is compiled at once, so that a bad pattern still fails every test of its
// package rather than only the test that reaches it.
package lazyregexp

import (
	"os"
	"regexp"
	"strings"
	"sync"
)

// Regexp is a regexp.Regexp compiled by regexp.MustCompile at the first
// call of one of its methods. It is safe for concurrent use.
type Regexp struct {
	str  string
	once sync.Once
	rx   *regexp.Regexp
}

// New returns a Regexp of str; it panics, at the first use, when str does
// not compile (at once in a test binary).
func New(str string) *Regexp {
	r := &Regexp{str: str}
	if inTest {
		r.re()
	}
	return r
}

// inTest is whether this is a test binary: testing.Testing without linking
// the testing package into schedkit.
var inTest = len(os.Args) > 0 && strings.HasSuffix(strings.TrimSuffix(os.Args[0], ".exe"), ".test")

func (r *Regexp) re() *regexp.Regexp {
	r.once.Do(func() { r.rx = regexp.MustCompile(r.str) })
	return r.rx
}

// String returns the source text of the pattern, without compiling it.
func (r *Regexp) String() string { return r.str }

// The methods below are regexp.Regexp's, compiling the pattern first.

func (r *Regexp) MatchString(s string) bool                { return r.re().MatchString(s) }
func (r *Regexp) FindStringSubmatch(s string) []string     { return r.re().FindStringSubmatch(s) }
func (r *Regexp) FindStringSubmatchIndex(s string) []int   { return r.re().FindStringSubmatchIndex(s) }
func (r *Regexp) ReplaceAllString(src, repl string) string { return r.re().ReplaceAllString(src, repl) }
func (r *Regexp) FindAllStringSubmatchIndex(s string, n int) [][]int {
	return r.re().FindAllStringSubmatchIndex(s, n)
}
