package main

import (
	"io"
	"slices"

	"github.com/schedkit/schedkit/format"
	"github.com/schedkit/schedkit/format/frab"
	"github.com/schedkit/schedkit/schedule"
	"github.com/urfave/cli/v2"
)

const frabUsage = `[--track ID]... [--room NAME]... [--speaker NAME]... [--session ID]... [--day DATE]...
    [-o FILE | --split {track|room|speaker} --out-dir DIR] [--force] <file>`

// The two frab exports write the same schedule in two notations; each
// help text names the elements or keys of its own format.
const frabXMLDescription = `Writes the schedule as a frab/pentabarf schedule.xml. <day>s are the
source's (conference.days, kept from a frab file), else run from the
conference day_change (midnight when unset); they carry index, date,
start and end with UTC offsets; an <event>'s <date> is its start with the zone's
offset and <start> its wall clock, so the two agree; <duration> is HH:MM.
event@id is the session's frab_id, or a positive integer derived from its
guid (first 31 bits), unique in the file; <event guid> is the session's
guid or the UUIDv5 derived from conference id and session id. Untimed and
cancelled sessions are left out (the format has no status). The output
is valid against the c3voc schema (schedule.xml.xsd).

With --split, one file per group in --out-dir, plus all.xml; no file is
written for a group whose sessions are all cancelled or untimed (the XSD
needs a <day>), and stderr says so.
` + frabExit

const frabJSONDescription = `Writes the schedule as a c3voc/pretalx schedule.json, the format pretalx
publishes: {"$schema", "schedule": {"version", "base_url", "conference"}}.
conference.days are the source's (conference.days, kept from a frab
file), else run from the conference day_change (midnight when unset); they
carry index, date, day_start and day_end with UTC offsets, and rooms:
each room's name with its events in time order. An event's "date" is its
start in RFC 3339 with the zone's offset and "start" its wall clock
(HH:MM), so the two agree; "duration" is HH:MM. "id" is the session's
frab_id, or a positive integer derived from its guid (first 31 bits),
unique in the file; "guid" is the session's guid or the UUIDv5 derived
from conference id and session id; "slug" is made from the conference
acronym, id and title. Untimed and cancelled sessions are left out (the
format has no status). The output is valid against the c3voc schema
(schedule.schema.json).

With --split, one file per group in --out-dir, plus all.json; a group
whose sessions are all cancelled or untimed gets a file without days.
` + frabExit

const frabExit = `
Exit status: 0 written, 1 nothing written because of errors, 2 usage error,
unreadable input or a failed write.`

func (e *env) exportFrabXMLCommand() *cli.Command {
	return e.frabCommand("frab-xml", "write a frab schedule.xml for conference apps (EventFahrplan, Giggity, ConfClerk)",
		frabXMLDescription, ".xml", frab.WriteXML,
		// The XSD needs a <day>, so a split group with nothing to put on
		// one (all its sessions cancelled or untimed) gets no file.
		func(g format.Group) string {
			if slices.ContainsFunc(g.Sessions, frab.Writes) {
				return ""
			}
			return "a schedule.xml needs a <day>, and every session of this group is cancelled or untimed"
		})
}

func (e *env) exportFrabJSONCommand() *cli.Command {
	return e.frabCommand("frab-json", "write a pretalx/c3voc schedule.json",
		frabJSONDescription, ".json", frab.WriteJSON, nil)
}

// frabCommand is an export to a frab format: its help text, the extension
// of split files and the writer.
func (e *env) frabCommand(name, usage, description, ext string, write func(io.Writer, *schedule.Schedule, []*schedule.Session) error, skip func(format.Group) string) *cli.Command {
	return &cli.Command{
		Name:        name,
		Usage:       usage,
		UsageText:   "schedkit export " + name + " " + frabUsage,
		Description: description,
		Flags:       exportFlags(true),
		Action: func(c *cli.Context) error {
			return e.runExport(c, exportJob{ext: ext, skip: skip, encode: func(w io.Writer, s *schedule.Schedule, g format.Group) error {
				return write(w, s, g.Sessions)
			}})
		},
	}
}
