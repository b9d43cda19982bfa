package format

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"slices"
	"strings"

	"github.com/schedkit/schedkit/internal/slug"

	"github.com/schedkit/schedkit/schedule"
)

// Split kinds accepted by --split.
var SplitKinds = []string{"track", "room", "speaker"}

// AllName is the base name of the whole-schedule file of a split export. No
// group gets it.
const AllName = "all"

// Group is a set of sessions exported together: one file of a split export,
// or (By == "") the whole selection.
type Group struct {
	By   string // "track", "room", "speaker", or "" for everything
	Name string // track name, room name or speaker name, for titles
	// File is the base file name without extension: the slug of the track
	// id, room name or speaker name, unique within one split.
	File     string
	Sessions []*schedule.Session
}

// Split groups sessions (already selected and sorted) by track, room or
// speaker. Groups come in order of first appearance; a session with several
// speakers is in each speaker's group; sessions with no room or no speaker
// are in no group of that kind (but in the all file).
func Split(sessions []*schedule.Session, by string) ([]Group, error) {
	type acc struct {
		name, slug string
		ss         []*schedule.Session
	}
	var order []string
	groups := map[string]*acc{}
	put := func(key, name, slug string, s *schedule.Session) {
		g, ok := groups[key]
		if !ok {
			g = &acc{name: name, slug: slug}
			groups[key] = g
			order = append(order, key)
		}
		if len(g.ss) == 0 || g.ss[len(g.ss)-1] != s {
			g.ss = append(g.ss, s)
		}
	}
	for _, s := range sessions {
		switch by {
		case "track":
			if s.Track != nil {
				put(s.Track.ID, s.Track.Name, s.Track.ID, s)
			}
		case "room":
			if s.Room != "" {
				put(schedule.NameKey(s.Room), s.Room, s.Room, s)
			}
		case "speaker":
			for _, p := range s.Speakers {
				key := "name:" + schedule.NameKey(p.Name)
				if p.ID != "" {
					key = "id:" + p.ID
				}
				put(key, p.Name, p.Name, s)
			}
		default:
			return nil, fmt.Errorf("cannot split by %q: use one of track, room, speaker", by)
		}
	}
	names := make([]string, len(order))
	for i, k := range order {
		names[i] = groups[k].slug
	}
	files := FileNamesKeyed(names, order)
	out := make([]Group, len(order))
	for i, k := range order {
		g := groups[k]
		out[i] = Group{By: by, Name: g.name, File: files[i], Sessions: g.ss}
	}
	return out, nil
}

// FileNames turns names into distinct base file names, each name being its
// own key: FileNamesKeyed(names, names).
func FileNames(names []string) []string { return FileNamesKeyed(names, names) }

// FileNamesKeyed turns names into distinct base file names; keys[i] is
// the identity of names[i]'s group (a track id, a room's NameKey, a
// speaker's id), distinct for distinct groups. This is the one function
// every split export names its files with:
//
//   - the base is the slug of the name ([a-z0-9-], so never a path), cut
//     to MaxFileName characters at a hyphen where there is one, or "group"
//     for a name with no letters or digits;
//   - a group whose base no other group has gets the base;
//   - of groups sharing a base, the one whose name is its own base (a
//     track id such as "web"), else the one with the smallest key (in
//     byte order), gets the base; each other gets the base, a hyphen and
//     six hex digits of the SHA-256 of its key;
//   - AllName (the whole-schedule file) and the device names Windows
//     reserves (con, prn, aux, nul, com0–com9, lpt0–lpt9, with any
//     extension) are never a file name: a group with such a base always
//     gets the suffix.
//
// So a group's name depends on its own key and on the groups with the same
// base only, never on how many groups there are or on their order; a group
// with a suffix keeps it when other groups come or go. Only when a
// suffixed name is itself taken (a group named "saal-1-3fa2c1") does a
// numeric suffix follow, in key order.
func FileNamesKeyed(names, keys []string) []string {
	bases := make([]string, len(names))
	owner := map[string]int{} // base → index of the group that gets it
	for i, n := range names {
		b := cmp.Or(shorten(slug.Make(n)), "group")
		bases[i] = b
		if reserved(b) {
			continue
		}
		j, ok := owner[b]
		if !ok || better(names[i], keys[i], names[j], keys[j], b) {
			owner[b] = i
		}
	}
	out := make([]string, len(names))
	used := map[string]bool{AllName: true}
	var rest []int
	for i, b := range bases {
		if j, ok := owner[b]; ok && j == i {
			out[i] = b
			used[b] = true
		} else {
			rest = append(rest, i)
		}
	}
	slices.SortStableFunc(rest, func(a, b int) int { return strings.Compare(keys[a], keys[b]) })
	for _, i := range rest {
		sum := sha256.Sum256([]byte(keys[i]))
		out[i] = slug.Unique(used, bases[i]+"-"+hex.EncodeToString(sum[:3]))
	}
	return out
}

// better reports whether the group of name and key has a better claim to
// base than the one of other and otherKey: a name that is its own base
// first, then the smaller key.
func better(name, key, other, otherKey, base string) bool {
	if exact, otherExact := name == base, other == base; exact != otherExact {
		return exact
	}
	return key < otherKey
}

// reserved reports whether base is never a file name by itself: AllName,
// or a device name of Windows, where "con.ics" is the console.
func reserved(base string) bool {
	switch base {
	case AllName, "con", "prn", "aux", "nul":
		return true
	}
	if len(base) == 4 && (strings.HasPrefix(base, "com") || strings.HasPrefix(base, "lpt")) {
		return base[3] >= '0' && base[3] <= '9'
	}
	return false
}

// MaxFileName bounds a split file's slug, well under the 255 bytes a file
// name may have, with room for a collision suffix and the extension.
const MaxFileName = 100

// shorten cuts slug to MaxFileName characters, at its last hyphen when
// that keeps more than half of them.
func shorten(slug string) string {
	if len(slug) <= MaxFileName {
		return slug
	}
	cut := slug[:MaxFileName]
	if i := strings.LastIndexByte(cut, '-'); i > MaxFileName/2 {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, "-")
}

// ValidSplit reports whether by is a split kind.
func ValidSplit(by string) bool { return slices.Contains(SplitKinds, by) }
