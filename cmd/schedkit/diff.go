package main

import (
	"fmt"
	"github.com/schedkit/schedkit/internal/visible"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/schedkit/schedkit/schedule"
	"github.com/schedkit/schedkit/schedule/diff"
	"github.com/urfave/cli/v2"
)

func (e *env) diffCommand() *cli.Command {
	return &cli.Command{
		Name:      "diff",
		Usage:     "compare two schedules session by session",
		UsageText: "schedkit diff [--format {text|json}] [--input-format F] [--timezone ZONE] <old> <new>",
		Description: `Compares two schedules, in any input format, by session id: sessions
added, removed, and changed field by field (title, subtitle, track, track
name, room, start, end, type, status, speakers, abstract, description,
url, language, tags, links, attachments, do_not_record, recording_license,
logo, feedback_url, origin_url, guid), and changes of the conference: its
name, id, time zone, url, day_change (unset is 00:00; when a session is
on a day not listed in days:) and organizer; its tracks, by id (added,
removed, renamed; only tracks with sessions count); and its days, by date
(added, removed, other start or end): the days apps group sessions by,
those of the timed sessions, as listed by the source (days:) or from
day_change. Not compared: version, timeslot_duration, the rooms: registry (aliases are
resolved first) and the rules; of a session, its slug (the frab writers
derive one where a source has none or one their schema rejects), frab_id
and frab_type (the type is compared). logo, feedback_url and origin_url
are compared as the frab writers keep them: an http(s) URL, anything
else being none.

export ics --state gives an event a new SEQUENCE only for a change it
shows: not for do_not_record, recording_license, links, attachments,
logo, feedback_url or origin_url, and for the description only when the
session has no abstract (the calendar shows the description in its
place); and for every event when the ORGANIZER they show changed (the
organizer's email, or the name of one with an email).

Every export shows a session's track name, so a renamed track is also a
"track name" change of each of its sessions (export ics --state gives
their events a new SEQUENCE).

A session id used more than once on a side is paired use by use:
identical sessions first, then the rest by guid (when both give one),
then in order of start time, room and title; uses left over are added or
removed. A note on stderr names such ids.

Sessions whose ids have no partner are then paired by guid, and then by
title and start (a schedule and its own frab export, where duplicate ids
were renumbered; a page import and a hand-written copy): such a pair is
not added and removed, and a note on stderr (the "paired" list in JSON)
names both ids and what paired them.

Times are compared as instants, so the same session written in another
zone is unchanged (the time zone change itself is reported). Rooms are
compared as validate canonicalises them: an alias of rooms: is its room,
and spellings differing only in case, spacing or Unicode form are one.
Lists (speakers: name and affiliation; tags; links and attachments: title
and url) are compared item by item; when two lists would print alike
joined, each item is quoted. do_not_record shows as true or false.

Text output, one line each: the conference's changes, its tracks' and its
days', then the sessions' in the new file's order, removed sessions last:
  ~ conference: FIELD OLD → NEW
  + track ID: added "NAME" (N sessions)
  ~ track ID: name OLD → NEW (N sessions)
  - track ID: removed "NAME" (N sessions)
  + day DATE: added (START–END, N sessions)
  ~ day DATE: {start | end} OLD → NEW
  - day DATE: removed (START–END, N sessions)
  + ID: added "TITLE" (START–END, ROOM)
  - ID: removed "TITLE" (START–END, ROOM)
  ~ ID: FIELD OLD → NEW
(a long OLD and NEW shortened alike around their first difference; a
session's track name change that its track's rename line says is not
repeated) and a summary on stderr. --format json prints one object
{conference: [{field, old, new}], tracks: [{id, change, name, fields,
sessions}], days: [{date, change, start, end, fields, sessions}],
added: [SESSION], removed: [SESSION], changed: [{id, title, fields:
[{field, old, new}]}], paired: [{old_id, new_id, title, by}]} where
SESSION is {id, title, start, end, room}, change is added, removed or
changed, and fields lists [{field, old, new}] of a changed one; empty
lists are [].

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
		return usagef(c, "diff needs two schedules, <old> and <new>")
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
			fmt.Fprintf(e.stderr, "schedkit: %s: %s (validate reports duplicate ids)\n", visible.Name(in.file), visible.Escape(note))
		}
	}
	// env.load normalised both sides: rooms have their canonical spelling
	// (the registry name for an alias, else the first spelling), which
	// diff.Compare compares by NameKey and the output shows.
	d := diff.Compare(sides[0], sides[1])
	if format == "json" {
		if err := writeJSON(e.stdout, d); err != nil {
			return troublef("%v", err)
		}
	} else {
		if err := writeDiffText(e.stdout, d); err != nil {
			return troublef("%v", err)
		}
		writePaired(e.stderr, d.Paired)
		fmt.Fprintf(e.stderr, "%d added, %d removed, %d changed", len(d.Added), len(d.Removed), len(d.Changed))
		if n := len(d.Conference) + len(d.Tracks) + len(d.Days); n > 0 {
			fmt.Fprintf(e.stderr, ", %s of the conference", plural(n, "change"))
		}
		fmt.Fprintln(e.stderr)
	}
	if d.Same() {
		return nil
	}
	return silent(exitFindings)
}

// writePaired notes the sessions paired although their ids differ, one
// line each, at most ten, then how many more.
func writePaired(w io.Writer, ps []diff.Pairing) {
	const most = 10
	for i, p := range ps {
		if i == most {
			fmt.Fprintf(w, "schedkit: and %d more sessions paired although their ids differ\n", len(ps)-most)
			break
		}
		fmt.Fprintf(w, "schedkit: session %s is %s in the new file %q (paired by %s)\n", p.OldID, p.NewID, p.Title, p.By)
	}
}

// duplicateIDs describes the session ids used more than once, "" when
// none is: their pairing is not by id alone.
func duplicateIDs(s *schedule.Schedule) string {
	dups := diff.DuplicateIDs(s)
	const how = "identical sessions are paired first, the rest by guid, then by start time, room and title"
	switch len(dups) {
	case 0:
		return ""
	case 1:
		return fmt.Sprintf("session id %q is used %d times; %s", dups[0].ID, dups[0].Uses, how)
	}
	shown := dups
	if len(shown) > 3 {
		shown = shown[:3]
	}
	q := make([]string, len(shown))
	for i, d := range shown {
		q[i] = fmt.Sprintf("%q", d.ID)
	}
	more := ""
	if n := len(dups) - len(shown); n > 0 {
		more = fmt.Sprintf(" and %d more", n)
	}
	return fmt.Sprintf("%d session ids are used more than once (%s%s); for each, %s", len(dups), strings.Join(q, ", "), more, how)
}

// -- output protocol: documented in diffCommand's Description, whose list
// of compared fields TestDiffHelpFields checks against the table of
// schedule/diff; the JSON form is diff.Result's --

// writeDiffText writes d one line each: the conference's changes, then the
// added and changed sessions in the new file's order, then the removed
// ones. Values are quoted (shown), and what is not (ids, rooms) has its
// control characters, bidi controls and line separators escaped
// (visible.Escape): no value can move the cursor or start a line.
func writeDiffText(w io.Writer, d *diff.Result) error {
	var b strings.Builder
	change := func(who string, f diff.FieldChange) {
		o, n := shown(f.Old, f.New)
		fmt.Fprintf(&b, "~ %s: %s %s → %s\n", visible.Escape(who), f.Field, o, n)
	}
	for _, f := range d.Conference {
		change("conference", f)
	}
	// Tracks and days, then sessions. A session's "track name" change
	// that a renamed track's line already says is not repeated (a track
	// of many sessions would fill the output); the track's line counts
	// them, and the JSON lists each.
	renamed := map[diff.FieldChange]bool{}
	for _, t := range d.Tracks {
		switch t.Change {
		case diff.KindAdded, diff.KindRemoved:
			fmt.Fprintf(&b, "%s track %s: %s %q (%s)\n", addedMark(t.Change), visible.Escape(t.ID), t.Change, t.Name, plural(t.Sessions, "session"))
		default:
			for _, f := range t.Fields {
				o, n := shown(f.Old, f.New)
				fmt.Fprintf(&b, "~ track %s: %s %s → %s (%s)\n", visible.Escape(t.ID), f.Field, o, n, plural(t.Sessions, "session"))
				if f.Field == "name" {
					renamed[diff.FieldChange{Field: "track name", Old: f.Old, New: f.New}] = true
				}
			}
		}
	}
	for _, dc := range d.Days {
		switch dc.Change {
		case diff.KindAdded, diff.KindRemoved:
			fmt.Fprintf(&b, "%s day %s: %s (%s–%s, %s)\n", addedMark(dc.Change), dc.Date, dc.Change, dc.Start, dc.End, plural(dc.Sessions, "session"))
		default:
			for _, f := range dc.Fields {
				change("day "+dc.Date, f)
			}
		}
	}
	line := func(mark, verb string, r diff.SessionRef) {
		fmt.Fprintf(&b, "%s %s: %s %q (%s–%s", mark, visible.Escape(r.ID), verb, r.Title, r.Start, r.End)
		if r.Room != "" {
			fmt.Fprintf(&b, ", %s", visible.Escape(r.Room))
		}
		b.WriteString(")\n")
	}
	// Added and Changed are each in the new file's order: merge them.
	added, changed := d.Added, d.Changed
	for len(added) > 0 || len(changed) > 0 {
		if len(changed) == 0 || len(added) > 0 && added[0].Index < changed[0].Index {
			line("+", "added", added[0])
			added = added[1:]
			continue
		}
		moved := slices.ContainsFunc(changed[0].Fields, func(f diff.FieldChange) bool { return f.Field == "track" })
		for _, f := range changed[0].Fields {
			if !moved && renamed[f] {
				continue
			}
			change(changed[0].ID, f)
		}
		changed = changed[1:]
	}
	for _, r := range d.Removed {
		line("-", "removed", r)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// addedMark is the first column of the line of a track or day added ("+") or
// removed ("-").
func addedMark(change string) string {
	if change == diff.KindAdded {
		return "+"
	}
	return "-"
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
