package testutil

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/google/go-cmp/cmp"
)

// Documentation shows JSON output as sketches: JSON-like text whose objects
// may list bare keys ({"name", "id"}), whose values may be placeholders
// ("…", 0, null), alternatives (X | null) or elided ({...}, [...], …), and
// which may carry // comments. CheckSketch compares the keys of such a
// sketch with the keys encoding/json writes for a Go type, so that a
// field added, renamed or removed in the code fails the test of every
// sketch that does not follow.

// CheckSketch reports, as a test error, the difference between the key
// paths of sketch and those of the JSON encoding of v's type (see
// JSONPaths). Keys under an elided object or array of the sketch are not
// compared; where names the sketch in the message.
func CheckSketch(t testing.TB, where, sketch string, v any) {
	t.Helper()
	got, elided, err := SketchPaths(sketch)
	if err != nil {
		t.Fatalf("%s: %v", where, err)
	}
	want := slices.DeleteFunc(JSONPaths(reflect.TypeOf(v)), func(p string) bool {
		return slices.ContainsFunc(elided, func(e string) bool { return strings.HasPrefix(p, e) })
	})
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("%s does not list the JSON keys of %T (-code +doc):\n%s", where, v, diff)
	}
}

// JSONPaths returns the key paths, sorted, of the JSON encoding of typ:
// "a" for a key of the top-level object, "a.b" for a key of the object
// under it, "a[].b" for a key of the objects of array a. Keys are the
// json tags' names (or the field names); fields tagged "-" and unexported
// fields are left out.
func JSONPaths(typ reflect.Type) []string {
	var out []string
	var walk func(prefix string, t reflect.Type)
	walk = func(prefix string, t reflect.Type) {
		for t.Kind() == reflect.Pointer {
			t = t.Elem()
		}
		switch t.Kind() {
		case reflect.Slice, reflect.Array:
			walk(prefix+"[]", t.Elem())
		case reflect.Struct:
			for i := range t.NumField() {
				f := t.Field(i)
				if !f.IsExported() {
					continue
				}
				name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
				if name == "-" {
					continue
				}
				if name == "" {
					name = f.Name
				}
				p := name
				if prefix != "" {
					p = prefix + "." + name
				}
				out = append(out, p)
				walk(p, f.Type)
			}
		}
	}
	walk("", typ)
	slices.Sort(out)
	return out
}

// SketchPaths returns the key paths of a sketch, sorted and named as
// JSONPaths names them, and the prefixes under which the sketch elides
// keys ("a." for "a": {...}, "a[]" for "a": [...]).
func SketchPaths(sketch string) (paths, elided []string, err error) {
	p := &sketchParser{toks: tokenize(sketch)}
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("not a JSON sketch: %v", r)
		}
	}()
	p.value("")
	if p.i < len(p.toks) {
		panic(fmt.Sprintf("%q after the end", p.toks[p.i]))
	}
	slices.Sort(p.paths)
	slices.Sort(p.elided)
	return slices.Compact(p.paths), slices.Compact(p.elided), nil
}

// tokenize splits a sketch into strings (with their quotes), the
// punctuation { } [ ] : , |, ellipses (... or …) and bare words, dropping
// white space and // comments.
func tokenize(s string) []string {
	var toks []string
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			i++
		case strings.HasPrefix(s[i:], "//"):
			if j := strings.IndexByte(s[i:], '\n'); j >= 0 {
				i += j
			} else {
				i = len(s)
			}
		case c == '"':
			j := i + 1
			for j < len(s) && s[j] != '"' {
				if s[j] == '\\' {
					j++
				}
				j++
			}
			toks = append(toks, s[i:min(j+1, len(s))])
			i = j + 1
		case strings.HasPrefix(s[i:], "..."):
			toks = append(toks, "...")
			i += 3
		case strings.HasPrefix(s[i:], "…"):
			toks = append(toks, "...")
			i += len("…")
		case strings.IndexByte("{}[]:,|", c) >= 0:
			toks = append(toks, string(c))
			i++
		default:
			j := i
			for j < len(s) && (s[j] >= 0x80 || unicode.IsLetter(rune(s[j])) || unicode.IsDigit(rune(s[j])) || strings.IndexByte("_-.+", s[j]) >= 0) {
				j++
			}
			if j == i {
				j++ // a character of its own
			}
			toks = append(toks, s[i:j])
			i = j
		}
	}
	return toks
}

type sketchParser struct {
	toks   []string
	i      int
	paths  []string
	elided []string
}

func (p *sketchParser) peek() string {
	if p.i < len(p.toks) {
		return p.toks[p.i]
	}
	return ""
}

func (p *sketchParser) next() string {
	t := p.peek()
	if t == "" {
		panic("unexpected end")
	}
	p.i++
	return t
}

func (p *sketchParser) expect(tok string) {
	if t := p.next(); t != tok {
		panic(fmt.Sprintf("%q where %q belongs", t, tok))
	}
}

// value parses value ("|" value)* at path.
func (p *sketchParser) value(path string) {
	p.primary(path)
	for p.peek() == "|" {
		p.next()
		p.primary(path)
	}
}

func (p *sketchParser) primary(path string) {
	switch t := p.next(); t {
	case "{":
		p.object(path)
	case "[":
		p.array(path + "[]")
	case "}", "]", ":", ",", "|":
		panic(fmt.Sprintf("%q where a value belongs", t))
	}
}

// object parses the members of an object after its "{". An object is
// either elided ({...}) or lists every key.
func (p *sketchParser) object(path string) {
	prefix := ""
	if path != "" {
		prefix = path + "."
	}
	if p.peek() == "..." {
		p.next()
		p.expect("}")
		p.elided = append(p.elided, prefix)
		return
	}
	for {
		switch t := p.next(); t {
		case "}":
			return
		case ",":
		case "...":
			panic(fmt.Sprintf("an object at %q lists some keys and elides others", path))
		default:
			key := strings.Trim(t, `"`)
			p.paths = append(p.paths, prefix+key)
			if p.peek() == ":" {
				p.next()
				p.value(prefix + key)
			}
		}
	}
}

// array parses the elements of an array after its "[", at path (which
// ends in "[]"). An array is elided ([...]), or shows elements, where
// "..." stands for more of the same.
func (p *sketchParser) array(path string) {
	if p.peek() == "..." {
		p.next()
		p.expect("]")
		p.elided = append(p.elided, path)
		return
	}
	for {
		switch p.peek() {
		case "]":
			p.next()
			return
		case ",", "...":
			p.next()
		default:
			p.value(path)
		}
	}
}
