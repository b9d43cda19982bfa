// Package tzdata loads time zones from the IANA tz database embedded in the
// binary, and only from there: neither $ZONEINFO nor the system's zoneinfo
// can change what a schedule's times mean, so the same input gives the
// same instants on every machine.
//
// zoneinfo.zip is a copy of the Go distribution's $GOROOT/lib/time/zoneinfo.zip
// (the data time/tzdata embeds, which offers no way to read it first).
// Update it with the Go toolchain:
//
//	cp "$(go env GOROOT)/lib/time/zoneinfo.zip" internal/tzdata/
package tzdata

import (
	"archive/zip"
	"bytes"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"slices"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/schedkit/schedkit/internal/suggest"
)

//go:embed zoneinfo.zip
var zipData []byte

// maxZone bounds a zone file; the largest is under 4 KB.
const maxZone = 1 << 20

var files = sync.OnceValues(func() (map[string]*zip.File, error) {
	r, err := zip.NewReader(bytes.NewReader(zipData), int64(len(zipData)))
	if err != nil {
		return nil, err
	}
	m := make(map[string]*zip.File, len(r.File))
	for _, f := range r.File {
		m[f.Name] = f
	}
	return m, nil
})

var cache sync.Map // name → *time.Location

// ErrUnknown is the error of a zone the database does not have.
var ErrUnknown = errors.New("unknown time zone")

// Load returns the zone name ("Europe/Berlin") of the embedded database;
// "UTC" is time.UTC, as with time.LoadLocation. "" and "Local" are unknown.
func Load(name string) (*time.Location, error) {
	if name == "UTC" {
		return time.UTC, nil
	}
	if loc, ok := cache.Load(name); ok {
		return loc.(*time.Location), nil
	}
	m, err := files()
	if err != nil {
		return nil, fmt.Errorf("embedded tz database: %w", err)
	}
	f, ok := m[name]
	if !ok || name == "" || f.FileInfo().IsDir() {
		return nil, fmt.Errorf("%w %q", ErrUnknown, name)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, fmt.Errorf("embedded tz database: %w", err)
	}
	defer rc.Close()
	data, err := io.ReadAll(io.LimitReader(rc, maxZone))
	if err != nil {
		return nil, fmt.Errorf("embedded tz database: %w", err)
	}
	loc, err := time.LoadLocationFromTZData(name, data)
	if err != nil {
		return nil, fmt.Errorf("embedded tz database: %s: %w", name, err)
	}
	if fat, err := time.LoadLocationFromTZData(name, expand(loc, footer(data))); err == nil {
		loc = fat
	}
	cache.Store(name, loc)
	return loc, nil
}

// names is the sorted list of the zones Load knows, "UTC" included.
var names = sync.OnceValue(func() []string {
	m, err := files()
	if err != nil {
		return nil
	}
	n := make([]string, 0, len(m))
	for name, f := range m {
		if !f.FileInfo().IsDir() {
			n = append(n, name)
		}
	}
	if _, ok := m["UTC"]; !ok {
		n = append(n, "UTC")
	}
	slices.Sort(n)
	return n
})

// Names returns the names of the zones of the embedded database, sorted:
// the names Load accepts. The caller must not change the slice.
func Names() []string { return names() }

// Closest returns the zone name closest to name, for a "did you mean" (""
// when none is close enough: see suggest.Closest). Only names whose length
// could be close enough are compared, so that every zone of the database
// is a candidate (suggest.Closest compares at most suggest.MaxCandidates).
func Closest(name string) string {
	k := suggest.MaxEdits(name)
	if k < 0 {
		return ""
	}
	n := utf8.RuneCountInString(name)
	var near []string
	for _, z := range names() {
		if d := utf8.RuneCountInString(z) - n; -k <= d && d <= k {
			near = append(near, z)
		}
	}
	return suggest.Closest(name, near)
}
