package main

import (
	"cmp"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strconv"
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

A session id used more than once on a side is paired use by use:
identical sessions first, then the rest by guid (when both give one),
then in order of start time, room and title; uses left over are added or
removed. A note on stderr names such ids.

Times are compared as instants, so the same session written in another
zone is unchanged (the time zone change itself is reported). Rooms are
compared as validate canonicalises them: an alias of rooms: is its room,
and spellings differing only in case, spacing or Unicode form are one.
Lists (speakers: name and affiliation; tags) are compared item by item;
when two lists would print alike joined, each item is quoted.

Text output, one line each, in the new file's order, removed sessions last:
  + ID: added "TITLE" (START–END, ROOM)
  - ID: removed "TITLE" (START–END, ROOM)
  ~ ID: FIELD OLD → NEW
(a long OLD and NEW shortened alike around their first difference) and a
summary on stderr. --format json prints one object
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
	// steps orders Added and Changed as the new file does, for writeText.
	steps []diffStep
}

// diffStep is an added session (Added[i]) or a changed one (Changed[i]).
type diffStep struct {
	added bool
	i     int
}

func (d *scheduleDiff) same() bool {
	return len(d.Conference) == 0 && len(d.Added) == 0 && len(d.Removed) == 0 && len(d.Changed) == 0
}

// diffSchedules compares old and new session by session. Rooms are first
// given the canonical spelling validate gives them (the registry name for
// an alias, else the first spelling). Sessions are paired by id; see
// pairSessions for an id used more than once.
func diffSchedules(old, new *schedule.Schedule) *scheduleDiff {
	schedule.CanonicalizeRooms(old)
	schedule.CanonicalizeRooms(new)
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
	pairs, removed := pairSessions(old, new)
	for _, s := range new.Sessions {
		o, ok := pairs[s]
		if !ok {
			d.steps = append(d.steps, diffStep{added: true, i: len(d.Added)})
			d.Added = append(d.Added, ref(s))
			continue
		}
		if fs := sessionFields(old, new, o, s); len(fs) > 0 {
			d.steps = append(d.steps, diffStep{i: len(d.Changed)})
			d.Changed = append(d.Changed, sessionChange{ID: s.ID, Title: s.Title, Fields: fs})
		}
	}
	for _, s := range removed {
		d.Removed = append(d.Removed, ref(s))
	}
	return d
}

// pairSessions pairs every session of new with at most one of old, by id.
// When an id is used more than once on a side, sessions of that id whose
// compared content is identical are paired first (in file order); then the
// rest by guid, when both have one and it matches; then the rest in order
// of start time, room and title. It returns the pairs, new to old, and the
// unpaired sessions of old in file order; unpaired sessions of new are
// added.
func pairSessions(old, new *schedule.Schedule) (map[*schedule.Session]*schedule.Session, []*schedule.Session) {
	byID := func(ss []*schedule.Session) map[string][]*schedule.Session {
		m := make(map[string][]*schedule.Session, len(ss))
		for _, s := range ss {
			m[s.ID] = append(m[s.ID], s)
		}
		return m
	}
	olds := byID(old.Sessions)
	pairs := make(map[*schedule.Session]*schedule.Session, len(new.Sessions))
	for id, nuses := range byID(new.Sessions) {
		ouses := olds[id]
		if len(ouses) == 1 && len(nuses) == 1 {
			pairs[nuses[0]] = ouses[0]
			continue
		}
		pairUses(old, new, ouses, nuses, pairs)
	}
	paired := make(map[*schedule.Session]bool, len(pairs))
	for _, o := range pairs {
		paired[o] = true
	}
	var removed []*schedule.Session
	for _, s := range old.Sessions {
		if !paired[s] {
			removed = append(removed, s)
		}
	}
	return pairs, removed
}

// pairUses pairs the uses ouses (of old) and nuses (of new) of one session
// id into pairs, as pairSessions describes.
func pairUses(old, new *schedule.Schedule, ouses, nuses []*schedule.Session, pairs map[*schedule.Session]*schedule.Session) {
	used := make([]bool, len(ouses))
	// Identical content first: equal keys are sessions sessionFields finds
	// no difference between.
	same := map[string][]int{}
	for i, o := range ouses {
		k := contentKey(old, o)
		same[k] = append(same[k], i)
	}
	var rest []*schedule.Session
	for _, n := range nuses {
		k := contentKey(new, n)
		if is := same[k]; len(is) > 0 {
			pairs[n] = ouses[is[0]]
			used[is[0]] = true
			same[k] = is[1:]
			continue
		}
		rest = append(rest, n)
	}
	// Then by guid, when both sessions give one.
	guids := map[string][]int{}
	for i, o := range ouses {
		if !used[i] && o.GUID != "" {
			guids[o.GUID] = append(guids[o.GUID], i)
		}
	}
	var left []*schedule.Session
	for _, n := range rest {
		if is := guids[n.GUID]; n.GUID != "" && len(is) > 0 {
			pairs[n] = ouses[is[0]]
			used[is[0]] = true
			guids[n.GUID] = is[1:]
			continue
		}
		left = append(left, n)
	}
	// Then in order of start time, room and title.
	var oleft []*schedule.Session
	for i, o := range ouses {
		if !used[i] {
			oleft = append(oleft, o)
		}
	}
	byTime := func(a, b *schedule.Session) int {
		return cmp.Or(a.Start.Compare(b.Start),
			strings.Compare(schedule.NameKey(a.Room), schedule.NameKey(b.Room)),
			strings.Compare(a.Title, b.Title))
	}
	slices.SortStableFunc(oleft, byTime)
	slices.SortStableFunc(left, byTime)
	for i := range min(len(oleft), len(left)) {
		pairs[left[i]] = oleft[i]
	}
}

// contentKey encodes what sessionFields compares of a session, so that two
// sessions have equal keys exactly when sessionFields finds no change.
func contentKey(sc *schedule.Schedule, s *schedule.Session) string {
	instant := func(t time.Time) string {
		if t.IsZero() {
			return ""
		}
		return fmt.Sprintf("%d.%09d", t.Unix(), t.Nanosecond())
	}
	b, err := json.Marshal([]any{
		s.Title, s.Subtitle, s.TrackID(), schedule.NameKey(s.Room),
		instant(s.Start), instant(s.End), s.Type, s.Status,
		speakerKeys(s.Speakers), s.Abstract, s.URL, s.Language,
		append([]string{}, s.Tags...), sc.GUIDOf(s),
	})
	if err != nil {
		panic(err) // strings and string slices always encode
	}
	return string(b)
}

// duplicateIDs describes the session ids used more than once, "" when
// none is: their pairing is not by id alone.
func duplicateIDs(s *schedule.Schedule) string {
	count := map[string]int{}
	var dups []string
	for _, ss := range s.Sessions {
		count[ss.ID]++
		if count[ss.ID] == 2 {
			dups = append(dups, ss.ID)
		}
	}
	const how = "identical sessions are paired first, the rest by guid, then by start time, room and title"
	switch len(dups) {
	case 0:
		return ""
	case 1:
		return fmt.Sprintf("session id %q is used %d times; %s", dups[0], count[dups[0]], how)
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
	return fmt.Sprintf("%d session ids are used more than once (%s%s); for each, %s", len(dups), strings.Join(q, ", "), more, how)
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
	if !slices.Equal(speakerKeys(o.Speakers), speakerKeys(n.Speakers)) {
		fs = append(fs, listChange("speakers", speakerItems(o.Speakers), speakerItems(n.Speakers)))
	}
	add("abstract", o.Abstract, n.Abstract)
	add("url", o.URL, n.URL)
	add("language", o.Language, n.Language)
	if !slices.Equal(o.Tags, n.Tags) {
		fs = append(fs, listChange("tags", tagItems(o.Tags), tagItems(n.Tags)))
	}
	add("guid", old.GUIDOf(o), new.GUIDOf(n))
	return fs
}

// speakerKeys is what is compared of speakers: name and affiliation, in
// order (the speaker id is not).
func speakerKeys(ps []schedule.Person) [][2]string {
	ks := make([][2]string, len(ps))
	for i, p := range ps {
		ks[i] = [2]string{p.Name, p.Affiliation}
	}
	return ks
}

// listItem is one element of a list field, shown as Text; Quoted is how
// it is shown when the joined lists would print alike.
type listItem struct{ Text, Quoted string }

func speakerItems(ps []schedule.Person) []listItem {
	items := make([]listItem, len(ps))
	for i, p := range ps {
		items[i] = listItem{p.Name, strconv.Quote(p.Name)}
		if p.Affiliation != "" {
			items[i].Text += " (" + p.Affiliation + ")"
			items[i].Quoted += " (" + strconv.Quote(p.Affiliation) + ")"
		}
	}
	return items
}

func tagItems(tags []string) []listItem {
	items := make([]listItem, len(tags))
	for i, t := range tags {
		items[i] = listItem{t, strconv.Quote(t)}
	}
	return items
}

// listChange shows two different lists joined by ", " ("Name
// (Affiliation), Name"), or, when that reads the same on both sides
// (["Ann, Bob"] and [Ann, Bob]), with each item quoted.
func listChange(field string, old, new []listItem) fieldChange {
	join := func(items []listItem, quoted bool) string {
		parts := make([]string, len(items))
		for i, it := range items {
			parts[i] = it.Text
			if quoted {
				parts[i] = it.Quoted
			}
		}
		return strings.Join(parts, ", ")
	}
	f := fieldChange{field, join(old, false), join(new, false)}
	if f.Old == f.New {
		f.Old, f.New = join(old, true), join(new, true)
	}
	return f
}

func (d *scheduleDiff) writeText(w io.Writer) error {
	var b strings.Builder
	change := func(who string, f fieldChange) {
		o, n := shown(f.Old, f.New)
		fmt.Fprintf(&b, "~ %s: %s %s → %s\n", who, f.Field, o, n)
	}
	for _, f := range d.Conference {
		change("conference", f)
	}
	line := func(mark, verb string, r sessionRef) {
		fmt.Fprintf(&b, "%s %s: %s %q (%s–%s", mark, r.ID, verb, r.Title, r.Start, r.End)
		if r.Room != "" {
			fmt.Fprintf(&b, ", %s", r.Room)
		}
		b.WriteString(")\n")
	}
	// Added and changed sessions in the new file's order.
	for _, st := range d.steps {
		if st.added {
			line("+", "added", d.Added[st.i])
			continue
		}
		c := d.Changed[st.i]
		for _, f := range c.Fields {
			change(c.ID, f)
		}
	}
	for _, r := range d.Removed {
		line("-", "removed", r)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// How much of a value the text output shows: whole up to showWhole runes;
// else showCut runes from showLead runes before the first difference of
// the two values (from the start when that is near it, earlier when the
// values end soon after it), "…" marking what is left out.
const (
	showWhole = 60
	showCut   = 57
	showLead  = 20
)

// shown returns how old and new print in a change line: quoted, "(none)"
// when empty. Long values are shortened to the same region, around their
// first difference, so that different values always print differently.
func shown(old, new string) (string, string) {
	ro, rn := []rune(old), []rune(new)
	if len(ro) <= showWhole && len(rn) <= showWhole {
		return quote(old), quote(new)
	}
	p := 0
	for p < len(ro) && p < len(rn) && ro[p] == rn[p] {
		p++
	}
	from := 0
	if p >= showCut-showLead {
		// showLead runes before the difference, or more when the longer
		// value ends soon after it.
		from = max(0, min(p-showLead, max(len(ro), len(rn))-showCut))
	}
	window := func(r []rune) string {
		if len(r) == 0 {
			return quote("")
		}
		if from == 0 && len(r) <= showWhole {
			return quote(string(r))
		}
		s := string(r[from:min(len(r), from+showCut)])
		if from > 0 {
			s = "…" + s
		}
		if from+showCut < len(r) {
			s += "…"
		}
		return quote(s)
	}
	o, n := window(ro), window(rn)
	if o == n && old != new {
		// Cannot happen (both windows hold the first difference); the
		// whole values are the safe answer.
		return quote(old), quote(new)
	}
	return o, n
}

// quote shows a value: quoted, "(none)" when empty.
func quote(s string) string {
	if s == "" {
		return "(none)"
	}
	return strconv.Quote(s)
}

func (d *scheduleDiff) writeJSON(w io.Writer) error { return writeJSON(w, d) }
