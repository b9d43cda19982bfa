package schedule

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// deepCopy returns a copy of s that shares no memory with it but the time
// zones: pointers, slices and maps are copied, and a cycle (a session's
// Track, whose Sessions hold the session) stays a cycle. It copies by
// reflection, so that a field added to the model is copied, and compared
// by scheduleDiff, without a change here.
func deepCopy(s *Schedule) *Schedule {
	c := copier{ptrs: map[copiedPtr]reflect.Value{}}
	return c.copy(reflect.ValueOf(s)).Interface().(*Schedule)
}

type copiedPtr struct {
	t reflect.Type
	p uintptr
}

type copier struct{ ptrs map[copiedPtr]reflect.Value }

func (c copier) copy(v reflect.Value) reflect.Value {
	switch v.Type() {
	case reflect.TypeFor[time.Time](), reflect.TypeFor[*time.Location]():
		return v // values whose zones are shared: nothing in them changes
	}
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() {
			return v
		}
		k := copiedPtr{v.Type(), v.Pointer()}
		if p, ok := c.ptrs[k]; ok {
			return p
		}
		p := reflect.New(v.Type().Elem())
		c.ptrs[k] = p
		p.Elem().Set(c.copy(v.Elem()))
		return p
	case reflect.Slice:
		if v.IsNil() {
			return v
		}
		s := reflect.MakeSlice(v.Type(), v.Len(), v.Len())
		for i := range v.Len() {
			s.Index(i).Set(c.copy(v.Index(i)))
		}
		return s
	case reflect.Map:
		if v.IsNil() {
			return v
		}
		m := reflect.MakeMapWithSize(v.Type(), v.Len())
		for it := v.MapRange(); it.Next(); {
			m.SetMapIndex(c.copy(it.Key()), c.copy(it.Value()))
		}
		return m
	case reflect.Struct:
		s := reflect.New(v.Type()).Elem()
		for i := range v.NumField() {
			if !v.Type().Field(i).IsExported() {
				panic(fmt.Sprintf("deepCopy: %s.%s is unexported", v.Type(), v.Type().Field(i).Name))
			}
			s.Field(i).Set(c.copy(v.Field(i)))
		}
		return s
	case reflect.Array:
		a := reflect.New(v.Type()).Elem()
		for i := range v.Len() {
			a.Index(i).Set(c.copy(v.Index(i)))
		}
		return a
	case reflect.Interface, reflect.Chan, reflect.Func, reflect.UnsafePointer:
		panic(fmt.Sprintf("deepCopy: cannot copy a %s", v.Type()))
	}
	return v // booleans, numbers, strings
}

// scheduleDiff compares schedules field by field, the instants with their
// zones and the zones themselves by identity (deepCopy shares them). The
// links between sessions and tracks are compared as indexes into Tracks
// and Sessions: followed as pointers, every session would compare its
// track's sessions again, which takes minutes on the merged 36C3 schedule.
func scheduleDiff(want, got *Schedule) string {
	return cmp.Diff(want, got,
		cmpopts.IgnoreFields(Session{}, "Track"),
		cmpopts.IgnoreFields(Track{}, "Sessions"),
		cmp.Comparer(func(a, b time.Time) bool { return a.Equal(b) && a.Location() == b.Location() }),
		cmp.Comparer(func(a, b *time.Location) bool { return a == b }),
	) + cmp.Diff(scheduleLinks(want), scheduleLinks(got))
}

// links are a schedule's sessions' tracks and tracks' sessions, by index
// in Tracks and Sessions; -1 for one that is not there.
type links struct {
	TrackOf  []int
	Sessions [][]int
}

func scheduleLinks(s *Schedule) links {
	tracks := map[*Track]int{}
	for i, t := range s.Tracks {
		tracks[t] = i
	}
	sessions := map[*Session]int{}
	for i, ss := range s.Sessions {
		sessions[ss] = i
	}
	var l links
	for _, ss := range s.Sessions {
		i, ok := tracks[ss.Track]
		if !ok {
			i = -1
		}
		l.TrackOf = append(l.TrackOf, i)
	}
	for _, t := range s.Tracks {
		var is []int
		for _, ss := range t.Sessions {
			i, ok := sessions[ss]
			if !ok {
				i = -1
			}
			is = append(is, i)
		}
		l.Sessions = append(l.Sessions, is)
	}
	return l
}

// TestDeepCopy: the copy is equal to its source and shares none of its
// memory: changing the source shows in a comparison with the copy.
func TestDeepCopy(t *testing.T) {
	s := loadFixture(t, "RoomVariantOnce", validateCase(t, "RoomVariantOnce"))
	c := deepCopy(s)
	if diff := scheduleDiff(s, c); diff != "" {
		t.Fatalf("copy (-want +got):\n%s", diff)
	}
	if c.Sessions[0].Track != c.Tracks[0] || c.Tracks[0].Sessions[0] != c.Sessions[0] {
		t.Error("the copy's sessions and tracks do not point at each other")
	}
	for _, change := range []func(){
		func() { s.Sessions[1].Room = "elsewhere" },
		func() { s.Tracks[0].Sessions[0].Speakers = append(s.Tracks[0].Sessions[0].Speakers, Person{Name: "X"}) },
		func() { s.Sessions[0].SetPos("room", Pos{}) },
		func() { s.Sessions[0].Track.Name += " and more" },
	} {
		change()
		if scheduleDiff(s, c) == "" {
			t.Error("a change of the source shows in the copy, or not in the comparison")
		}
		c = deepCopy(s)
	}
}

// validateCase returns the input of the TestValidate case of that name.
func validateCase(t testing.TB, name string) []byte {
	t.Helper()
	for _, tt := range validateTests {
		if tt.name == name {
			return parseMarked("in.yaml", tt.in).src
		}
	}
	t.Fatalf("no validate test case %s", name)
	return nil
}

func loadFixture(t testing.TB, name string, src []byte) *Schedule {
	t.Helper()
	s, diags := Load(name, src, LoadOptions{})
	if s == nil {
		t.Fatalf("%s does not load:\n%s", name, lines(diags))
	}
	return s
}

// fixture is a schedkit file Validate and Normalize are run on.
type fixture struct {
	name string
	src  []byte
}

// normalizeFixtures are the cases of TestValidate (rooms in several
// spellings, registries with aliases and conflicts, duplicate ids and
// speakers, overlaps of every kind) and the schedkit files of testdata.
func normalizeFixtures(t testing.TB) []fixture {
	t.Helper()
	var fs []fixture
	for _, tt := range validateTests {
		fs = append(fs, fixture{tt.name, parseMarked("in.yaml", tt.in).src})
	}
	files, err := filepath.Glob("../testdata/*.yaml")
	if err != nil {
		t.Fatal(err)
	}
	more, err := filepath.Glob("../testdata/*/*.yaml")
	if err != nil || len(files)+len(more) < 3 {
		t.Fatalf("testdata: %d files, %v", len(files)+len(more), err)
	}
	for _, f := range append(files, more...) {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		fs = append(fs, fixture{f, data})
	}
	return fs
}

// TestValidateReadOnly: Validate leaves the schedule as it was, before
// Normalize (a variant spelling stays) and after it. The old Validate
// canonicalised rooms; the check that Normalize changes some fixture makes
// sure that these fixtures would catch it.
func TestValidateReadOnly(t *testing.T) {
	normalized := 0
	for _, f := range normalizeFixtures(t) {
		t.Run(f.name, func(t *testing.T) {
			s := loadFixture(t, f.name, f.src)
			want := deepCopy(s)
			Validate(s)
			if diff := scheduleDiff(want, s); diff != "" {
				t.Errorf("Validate changed the loaded schedule (-want +got):\n%s", diff)
			}
			Normalize(s)
			if scheduleDiff(want, s) != "" {
				normalized++
			}
			want = deepCopy(s)
			Validate(s)
			if diff := scheduleDiff(want, s); diff != "" {
				t.Errorf("Validate changed the normalised schedule (-want +got):\n%s", diff)
			}
		})
	}
	if normalized == 0 {
		t.Error("Normalize changes none of the fixtures: they test too little")
	}
}

// TestNormalizeIdempotent: a second Normalize changes nothing and reports
// nothing.
func TestNormalizeIdempotent(t *testing.T) {
	for _, f := range normalizeFixtures(t) {
		t.Run(f.name, func(t *testing.T) {
			s := loadFixture(t, f.name, f.src)
			Normalize(s)
			want := deepCopy(s)
			if ds := Normalize(s); len(ds) > 0 {
				t.Errorf("second Normalize reports:\n%s", lines(ds))
			}
			if diff := scheduleDiff(want, s); diff != "" {
				t.Errorf("second Normalize changed the schedule (-want +got):\n%s", diff)
			}
		})
	}
}

// TestNormalize: the rooms Normalize gives the sessions and the findings it
// reports, "line:col rule", in the order of the sessions.
func TestNormalize(t *testing.T) {
	tests := []struct {
		name  string
		rooms string // the rooms: entry, if any
		in    []string
		want  []string
		diags []string
	}{
		{
			name:  "FirstSpelling",
			in:    []string{"Hall A", "hall  a", "HALL A", "hall  a", "Hall B"},
			want:  []string{"Hall A", "Hall A", "Hall A", "Hall A", "Hall B"},
			diags: []string{"8:64 room-variant", "9:64 room-variant"},
		},
		{
			name:  "Registry",
			rooms: "rooms: [{name: Hall B, aliases: [B]}, Studio]\n",
			in:    []string{"B", "hall  b", "Hall B", "STUDIO", "", "Studoi"},
			want:  []string{"Hall B", "Hall B", "Hall B", "Studio", "", "Studoi"},
			// Studoi is left for Validate's unknown-room.
			diags: []string{"8:64 room-variant", "10:64 room-variant"},
		},
		{
			// Hall B's alias is Hall A's name: the first to claim it keeps
			// it (Validate reports the conflict), and "main  hall", a
			// variant of Hall A's alias only, is a variant of Hall A.
			name:  "RegistryConflict",
			rooms: "rooms: [{name: Hall A, aliases: [Main Hall]}, {name: Hall B, aliases: [hall a]}]\n",
			in:    []string{"hall a", "main  hall", "Main Hall"},
			want:  []string{"Hall A", "Hall A", "Hall A"},
			diags: []string{"7:64 room-variant", "8:64 room-variant"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := conf + tt.rooms + "tracks:\n  - name: T\n    date: 2024-05-01\n    sessions:\n"
			for i, r := range tt.in {
				src += fmt.Sprintf("      - {id: s%d, title: S, start: \"%02d:00\", end: \"%02d:30\", room: %q}\n", i, 8+i, 8+i, r)
			}
			if tt.rooms == "" {
				src = conf + "\n" + src[len(conf):] // the same lines as with rooms:
			}
			s := loadFixture(t, tt.name, []byte(src))
			ds := Normalize(s)
			var got, diags []string
			for _, ss := range s.Sessions {
				got = append(got, ss.Room)
			}
			for _, d := range ds {
				diags = append(diags, fmt.Sprintf("%d:%d %s", d.Pos.Line, d.Pos.Column, d.Rule))
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("rooms (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.diags, diags); diff != "" {
				t.Errorf("findings (-want +got):\n%s\n%s", diff, src)
			}
		})
	}
}

// TestNormalizeClaimedRoomName pins the one case where a second Normalize
// changes the schedule: room C's name is claimed by room A (a bad-value
// error), so a session in C's alias gets "c", which a second call reads
// as A's alias and changes, with a room-variant warning. The first call
// does what Validate did before Normalize, so that exports and findings
// stay as they were.
func TestNormalizeClaimedRoomName(t *testing.T) {
	src := conf + `rooms: [{name: A, aliases: [C]}, {name: c, aliases: [D]}]
tracks:
  - {name: T, date: 2024-05-01, sessions: [{id: s, title: S, room: D, start: "10:00", end: "11:00"}]}
`
	s := loadFixture(t, "in.yaml", []byte(src))
	var got []string
	for range 2 {
		ds := Normalize(s)
		got = append(got, fmt.Sprintf("%s %d", s.Sessions[0].Room, len(ds)))
	}
	if diff := cmp.Diff([]string{"c 0", "A 1"}, got); diff != "" {
		t.Errorf("room and findings of each call (-want +got):\n%s", diff)
	}
}
