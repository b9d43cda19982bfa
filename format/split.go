package format

import (
	"cmp"
	"fmt"
	"github.com/schedkit/schedkit/internal/slug"
	"slices"
	"strings"

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
	slugs := make([]string, len(order))
	for i, k := range order {
		slugs[i] = groups[k].slug
	}
	files := FileNames(slugs)
	out := make([]Group, len(order))
	for i, k := range order {
		g := groups[k]
		out[i] = Group{By: by, Name: g.name, File: files[i], Sessions: g.ss}
	}
	return out, nil
}

// FileNames turns names into distinct base file names: the slug of each
// name ([a-z0-9-], so never a path), cut to MaxFileName characters at a
// hyphen where there is one, "group" for a name with no letters or digits,
// a numeric suffix (-2, -3, …) on a collision, and never AllName, which is
// reserved for the whole-schedule file. This is the one function every
// split export names its files with.
func FileNames(names []string) []string {
	used := map[string]bool{AllName: true}
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = slug.Unique(used, cmp.Or(shorten(slug.Make(n)), "group"))
	}
	return out
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
