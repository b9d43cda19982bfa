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
	_ "embed"
	"encoding/binary"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/schedkit/schedkit/internal/suggest"
)

//go:embed zoneinfo.zip
var zipData []byte

// The embedded archive is read the way the time package reads the same
// file (time.loadTzinfoFromZip): one walk over the central directory per
// lookup, the zone's bytes a slice of the archive. archive/zip built a
// *zip.File for each of the ~600 entries first: 0.5 ms and 190 KB of fresh
// memory on every run that loads a zone. Go's zoneinfo.zip stores its
// files uncompressed (zip -0); a compressed entry is an error.

var errArchive = errors.New("malformed zip archive")

// walk calls yield with the name and contents of each file of the embedded
// archive, in the archive's order, until yield returns false. The contents
// are read-only: they are the binary's own data.
func walk(yield func(name, data []byte) bool) error {
	const (
		eocdLen   = 22 // end of central directory record, no comment
		dirLen    = 46 // central directory header, before the name
		localLen  = 30 // local file header, before the name
		eocdSig   = 0x06054b50
		dirSig    = 0x02014b50
		localSig  = 0x04034b50
		methodRaw = 0 // stored
	)
	z := zipData
	le16 := func(b []byte) int { return int(binary.LittleEndian.Uint16(b)) }
	le32 := func(b []byte) int { return int(binary.LittleEndian.Uint32(b)) }
	if len(z) < eocdLen || le32(z[len(z)-eocdLen:]) != eocdSig {
		return errArchive
	}
	eocd := z[len(z)-eocdLen:]
	n, off := le16(eocd[10:]), le32(eocd[16:])
	for range n {
		if off < 0 || off+dirLen > len(z) || le32(z[off:]) != dirSig {
			return errArchive
		}
		h := z[off:]
		method, size, usize := le16(h[10:]), le32(h[20:]), le32(h[24:])
		nameLen, extraLen, commentLen := le16(h[28:]), le16(h[30:]), le16(h[32:])
		local := le32(h[42:])
		if dirLen+nameLen > len(h) || local+localLen > len(z) || le32(z[local:]) != localSig {
			return errArchive
		}
		name := h[dirLen : dirLen+nameLen]
		start := local + localLen + le16(z[local+26:]) + le16(z[local+28:])
		if start+size > len(z) {
			return errArchive
		}
		if method != methodRaw || size != usize {
			return fmt.Errorf("%s: compressed (method %d)", name, method)
		}
		if !yield(name, z[start:start+size:start+size]) {
			return nil
		}
		off += dirLen + nameLen + extraLen + commentLen
	}
	return nil
}

// zoneFile returns the contents of the file name of the embedded archive
// (nil when there is none, or name is a directory).
func zoneFile(name string) ([]byte, error) {
	if name == "" || strings.HasSuffix(name, "/") {
		return nil, nil
	}
	var data []byte
	err := walk(func(n, d []byte) bool {
		if string(n) == name {
			data = d
			return false
		}
		return true
	})
	return data, err
}

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
	data, err := zoneFile(name)
	if err != nil {
		return nil, fmt.Errorf("embedded tz database: %w", err)
	}
	if data == nil {
		return nil, fmt.Errorf("%w %q", ErrUnknown, name)
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
	var n []string
	utc := false
	err := walk(func(name, _ []byte) bool {
		if len(name) > 0 && name[len(name)-1] != '/' {
			n = append(n, string(name))
			utc = utc || string(name) == "UTC"
		}
		return true
	})
	if err != nil {
		return nil
	}
	if !utc {
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
