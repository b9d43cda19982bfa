package main

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/schedkit/schedkit/schedule"
	"github.com/urfave/cli/v2"
)

func (e *env) diffCommand() *cli.Command {
	return &cli.Command{
		Name:      "diff",
		Usage:     "compare two schedules session by session",
		UsageText: "schedkit diff [--format {text|json}] [--input-format F] [--timezone ZONE] <old> <new>",
		Description: `Compares two schedules, in any input format, by session id: sessions
added, removed, and changed field by field (title, subtitle, track, room,
start, end, type, status, speakers, abstract, url, language, tags, guid),
and changes of the conference's name, id, time zone and url.

Times are compared as instants, so the same session written in another
zone is unchanged (the time zone change itself is reported). Rooms are
compared after NFC, case folding and white-space collapsing, as validate
compares them.

Text output, one line each, in the new file's order, removed sessions last:
  + ID: added "TITLE" (START–END, ROOM)
  - ID: removed "TITLE" (START–END, ROOM)
  ~ ID: FIELD OLD → NEW
and a summary on stderr. --format json prints one object
{conference: [{field, old, new}], added: [SESSION], removed: [SESSION],
changed: [{id, title, fields: [{field, old, new}]}]} where SESSION is
{id, title, start, end, room}; empty lists are [].

A side that cannot be read or parsed at all is trouble: its findings go to
stderr. Findings of a side that loads (overlaps, bad values) are not
reported: run validate for those.

Exit status: 0 the schedules are the same, 1 they differ, 2 usage error or
either side unloadable.`,
		Flags: append([]cli.Flag{
			formatFlag(),
		}, inputFlags()...),
		Action: e.diffAction,
	}
}

func (e *env) diffAction(c *cli.Context) error {
	format, err := textOrJSON(c)
	if err != nil {
		return err
	}
	names, err := e.files(c, 2)
	if err != nil {
		return err
	}
	if len(names) != 2 {
		return usageErrorf("diff needs two schedules, <old> and <new>\nRun 'schedkit diff --help' for usage.")
	}
	if err := checkInputFlags(c); err != nil {
		return err
	}
	var sides [2]*schedule.Schedule
	for i, name := range names {
		in, err := e.load(c, name)
		if err != nil {
			return err
		}
		if in.sched == nil {
			writeDiagnostics(e.stderr, in.diags)
			return troublef("%s could not be read as a schedule", in.file)
		}
		sides[i] = in.sched
		if note := duplicateIDs(in.sched); note != "" {
			fmt.Fprintf(e.stderr, "schedkit: %s: %s (validate reports duplicate ids)\n", in.file, note)
		}
	}
	d := diffSchedules(sides[0], sides[1])
	if format == "json" {
		if err := d.writeJSON(e.stdout); err != nil {
			return troublef("%v", err)
		}
	} else {
		if err := d.writeText(e.stdout); err != nil {
			return troublef("%v", err)
		}
		fmt.Fprintf(e.stderr, "%d added, %d removed, %d changed", len(d.Added), len(d.Removed), len(d.Changed))
		if len(d.Conference) > 0 {
			fmt.Fprintf(e.stderr, ", %s of the conference", plural(len(d.Conference), "change"))
		}
		fmt.Fprintln(e.stderr)
	}
	if d.same() {
		return nil
	}
	return silent(exitFindings)
}

// -- output protocol: keep in sync with diffCommand's Description --

// fieldChange is one field that differs; Old and New are display values.
type fieldChange struct {
	Field string `json:"field"`
	Old   string `json:"old"`
	New   string `json:"new"`
}

// sessionRef names a session that was added or removed.
type sessionRef struct {
	ID    string `json:"id"`
	Title string `json:"title"`
	Start string `json:"start"`
	End   string `json:"end"`
	Room  string `json:"room"`
}

type sessionChange struct {
	ID     string        `json:"id"`
	Title  string        `json:"title"`
	Fields []fieldChange `json:"fields"`
}

type scheduleDiff struct {
	Conference []fieldChange   `json:"conference"`
	Added      []sessionRef    `json:"added"`
	Removed    []sessionRef    `json:"removed"`
	Changed    []sessionChange `json:"changed"`
	old, new   *schedule.Schedule
}

func (d *scheduleDiff) same() bool {
	return len(d.Conference) == 0 && len(d.Added) == 0 && len(d.Removed) == 0 && len(d.Changed) == 0
}

// diffSchedules compares old and new by session id. A session id used
// twice on one side is compared by its first use.
func diffSchedules(old, new *schedule.Schedule) *scheduleDiff {
	d := &scheduleDiff{
		Conference: []fieldChange{}, Added: []sessionRef{}, Removed: []sessionRef{}, Changed: []sessionChange{},
		old: old, new: new,
	}
	oc, nc := old.Conference, new.Conference
	for _, f := range []fieldChange{
		{"name", oc.Name, nc.Name},
		{"id", oc.ID, nc.ID},
		{"timezone", oc.TimeZone, nc.TimeZone},
		{"url", oc.URL, nc.URL},
	} {
		if f.Old != f.New {
			d.Conference = append(d.Conference, f)
		}
	}
	byID := func(ss []*schedule.Session) map[string]*schedule.Session {
		m := make(map[string]*schedule.Session, len(ss))
		for _, s := range ss {
			if _, dup := m[s.ID]; !dup {
				m[s.ID] = s
			}
		}
		return m
	}
	olds, news := byID(old.Sessions), byID(new.Sessions)
	seen := map[string]bool{}
	for _, s := range new.Sessions {
		if seen[s.ID] {
			continue
		}
		seen[s.ID] = true
		o, ok := olds[s.ID]
		if !ok {
			d.Added = append(d.Added, ref(s))
			continue
		}
		if fs := sessionFields(old, new, o, s); len(fs) > 0 {
			d.Changed = append(d.Changed, sessionChange{ID: s.ID, Title: s.Title, Fields: fs})
		}
	}
	seen = map[string]bool{}
	for _, s := range old.Sessions {
		if _, kept := news[s.ID]; !kept && !seen[s.ID] {
			seen[s.ID] = true
			d.Removed = append(d.Removed, ref(s))
		}
	}
	return d
}

// duplicateIDs describes the session ids used more than once, "" when
// none is: diff pairs sessions by id, so those pairings are a guess.
func duplicateIDs(s *schedule.Schedule) string {
	count := map[string]int{}
	var dups []string
	for _, ss := range s.Sessions {
		count[ss.ID]++
		if count[ss.ID] == 2 {
			dups = append(dups, ss.ID)
		}
	}
	switch len(dups) {
	case 0:
		return ""
	case 1:
		return fmt.Sprintf("session id %q is used %d times; its first use is compared", dups[0], count[dups[0]])
	}
	shown := dups
	if len(shown) > 3 {
		shown = shown[:3]
	}
	q := make([]string, len(shown))
	for i, id := range shown {
		q[i] = fmt.Sprintf("%q", id)
	}
	more := ""
	if n := len(dups) - len(shown); n > 0 {
		more = fmt.Sprintf(" and %d more", n)
	}
	return fmt.Sprintf("%d session ids are used more than once (%s%s); the first use of each is compared", len(dups), strings.Join(q, ", "), more)
}

func ref(s *schedule.Session) sessionRef {
	return sessionRef{ID: s.ID, Title: s.Title, Start: when(s.Start), End: when(s.End), Room: s.Room}
}

// when formats an instant in its schedule's zone; "" for an untimed session.
func when(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("2006-01-02 15:04 MST")
}

// sessionFields compares session o of old with n of new. GUIDs are compared
// as exported (a missing one derived), so a file that writes out the
// derived guid, as import does, is not a change.
func sessionFields(old, new *schedule.Schedule, o, n *schedule.Session) []fieldChange {
	var fs []fieldChange
	add := func(field, old, new string) {
		if old != new {
			fs = append(fs, fieldChange{field, old, new})
		}
	}
	add("title", o.Title, n.Title)
	add("subtitle", o.Subtitle, n.Subtitle)
	add("track", o.TrackID(), n.TrackID())
	if schedule.NameKey(o.Room) != schedule.NameKey(n.Room) {
		add("room", o.Room, n.Room)
	}
	if !o.Start.Equal(n.Start) {
		add("start", when(o.Start), when(n.Start))
	}
	if !o.End.Equal(n.End) {
		add("end", when(o.End), when(n.End))
	}
	add("type", o.Type, n.Type)
	add("status", o.Status, n.Status)
	add("speakers", speakers(o), speakers(n))
	add("abstract", o.Abstract, n.Abstract)
	add("url", o.URL, n.URL)
	add("language", o.Language, n.Language)
	add("tags", strings.Join(o.Tags, ", "), strings.Join(n.Tags, ", "))
	add("guid", old.GUIDOf(o), new.GUIDOf(n))
	return fs
}

// speakers formats a session's speakers as "Name (Affiliation), Name".
func speakers(s *schedule.Session) string {
	parts := make([]string, len(s.Speakers))
	for i, p := range s.Speakers {
		parts[i] = p.Name
		if p.Affiliation != "" {
			parts[i] += " (" + p.Affiliation + ")"
		}
	}
	return strings.Join(parts, ", ")
}

func (d *scheduleDiff) writeText(w io.Writer) error {
	var b strings.Builder
	for _, f := range d.Conference {
		fmt.Fprintf(&b, "~ conference: %s %s → %s\n", f.Field, quote(f.Old), quote(f.New))
	}
	line := func(mark, verb string, r sessionRef) {
		fmt.Fprintf(&b, "%s %s: %s %q (%s–%s", mark, r.ID, verb, r.Title, r.Start, r.End)
		if r.Room != "" {
			fmt.Fprintf(&b, ", %s", r.Room)
		}
		b.WriteString(")\n")
	}
	// Added and changed sessions in the new file's order.
	added := map[string]sessionRef{}
	for _, r := range d.Added {
		added[r.ID] = r
	}
	changed := map[string]sessionChange{}
	for _, c := range d.Changed {
		changed[c.ID] = c
	}
	done := map[string]bool{}
	for _, s := range d.new.Sessions {
		if done[s.ID] {
			continue
		}
		done[s.ID] = true
		if r, ok := added[s.ID]; ok {
			line("+", "added", r)
		}
		if c, ok := changed[s.ID]; ok {
			for _, f := range c.Fields {
				fmt.Fprintf(&b, "~ %s: %s %s → %s\n", c.ID, f.Field, quote(f.Old), quote(f.New))
			}
		}
	}
	for _, r := range d.Removed {
		line("-", "removed", r)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// quote shows a value: quoted, shortened when long, "(none)" when empty.
func quote(s string) string {
	if s == "" {
		return "(none)"
	}
	if r := []rune(s); len(r) > 60 {
		s = string(r[:57]) + "..."
	}
	return fmt.Sprintf("%q", s)
}

func (d *scheduleDiff) writeJSON(w io.Writer) error { return writeJSON(w, d) }
