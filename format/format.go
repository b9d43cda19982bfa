// Package format is the registry of the schedule formats schedkit reads:
// their names, detection from a file's content, and lookup of a reader. It
// also splits a schedule into the per-track, per-room or per-speaker groups
// of a split export and names their files (Split, FileNames).
//
// Each format lives in a subpackage that reads and writes it, as
// encoding/csv does: frab (schedule.xml, schedule.json), ics (iCalendar),
// page (program-page text, read only), csv, table, html (the timetable web
// page), jsonout and yamlout (written only). schedkit's own YAML/JSON
// format is read by schedule.Load. No format package imports another
// (outside tests): what one needs of another, the command passes in.
package format

import (
	"bytes"
	"encoding/json"
	"fmt"
	"github.com/schedkit/schedkit/internal/suggest"
	"path/filepath"
	"slices"
	"strings"

	"github.com/schedkit/schedkit/format/frab"
	"github.com/schedkit/schedkit/format/ics"
	"github.com/schedkit/schedkit/format/page"
	"github.com/schedkit/schedkit/schedule"
)

// ReadFunc reads a schedule from data. Like schedule.Load it reports every
// problem as a diagnostic and returns nil only when nothing could be read.
type ReadFunc func(file string, data []byte, opt schedule.LoadOptions) (*schedule.Schedule, []schedule.Diagnostic)

// Format is an input format.
type Format struct {
	Name string
	Doc  string
	Read ReadFunc
}

// Formats lists the input formats, by the names --input-format takes.
var Formats = []Format{
	{Name: "yaml", Doc: "schedkit's own format, YAML or JSON", Read: schedule.Load},
	{Name: "frab-xml", Doc: "frab/pentabarf schedule.xml", Read: frab.ReadXML},
	{Name: "frab-json", Doc: "pretalx/c3voc schedule.json", Read: frab.ReadJSON},
	{Name: "ics", Doc: "iCalendar (.ics) with VEVENTs", Read: ics.Read},
	{Name: "text", Doc: "the plain text of a program web page", Read: page.Read},
}

// FormatNames returns the names of the input formats.
func FormatNames() []string {
	names := make([]string, len(Formats))
	for i, f := range Formats {
		names[i] = f.Name
	}
	return names
}

// formatHints answer the names people type for a format: file extensions
// and the formats' other names.
var formatHints = map[string]string{
	"xml":       "did you mean frab-xml?",
	"json":      "did you mean yaml (schedkit's format, also as JSON) or frab-json (schedule.json)?",
	"yml":       "did you mean yaml?",
	"frab":      "did you mean frab-xml or frab-json?",
	"pretalx":   "did you mean frab-json (schedule.json) or frab-xml?",
	"ical":      "did you mean ics?",
	"icalendar": "did you mean ics?",
	"txt":       "did you mean text?",
	"html":      "did you mean text? save the page as plain text first",
	"page":      "did you mean text?",
	"csv":       "CSV is an export format, not read",
}

// Lookup returns the format with the given name.
func Lookup(name string) (Format, error) {
	i := slices.IndexFunc(Formats, func(f Format) bool { return f.Name == name })
	if i < 0 {
		msg := fmt.Sprintf("unknown input format %q: use one of %s", name, strings.Join(FormatNames(), ", "))
		if h, ok := formatHints[strings.ToLower(name)]; ok {
			msg += fmt.Sprintf(" (%s)", h)
		} else if g := suggest.Closest(name, FormatNames()); g != "" {
			msg += fmt.Sprintf(" (did you mean %s?)", g)
		}
		return Format{}, fmt.Errorf("%s", msg)
	}
	return Formats[i], nil
}

// Detect names the format of data from its content; the file name's
// extension decides only when the content says nothing.
func Detect(file string, data []byte) string {
	b := bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	b = bytes.TrimLeft(b, " \t\r\n")
	switch {
	case len(b) == 0:
		// Nothing to detect: the extension, else schedkit's own format,
		// whose loader says that the file is empty.
		if f := byExtension(file); f != "" {
			return f
		}
		return "yaml"
	case bytes.HasPrefix(b, []byte("[")):
		return "yaml" // JSON, though not a schedule: the loader says why
	case bytes.HasPrefix(b, []byte("<")):
		return "frab-xml"
	case len(b) >= 15 && strings.EqualFold(string(b[:15]), "BEGIN:VCALENDAR"):
		return "ics"
	case bytes.HasPrefix(b, []byte("{")):
		if isFrabJSON(b) {
			return "frab-json"
		}
		return "yaml"
	}
	// bytes.Lines, not strings.Lines(string(b)): the copy of a 60 MB file
	// was 1 s of page faults.
	for line := range bytes.Lines(b) {
		line = bytes.TrimSpace(line)
		if len(line) == 0 || line[0] == '#' {
			continue
		}
		for _, p := range []string{"conference:", "rooms:", "rules:", "tracks:", "---", "%YAML", "\"conference\""} {
			if bytes.HasPrefix(line, []byte(p)) {
				return "yaml"
			}
		}
		break
	}
	if f := byExtension(file); f != "" {
		return f
	}
	return "text"
}

// byExtension names the format of a file name's extension; "" for none.
func byExtension(file string) string {
	switch strings.ToLower(filepath.Ext(file)) {
	case ".yaml", ".yml", ".json":
		return "yaml"
	case ".xml":
		return "frab-xml"
	case ".ics", ".ical":
		return "ics"
	case ".txt":
		return "text"
	}
	return ""
}

// isFrabJSON reports whether a JSON object has the top-level "schedule"
// key of schedule.json; schedkit's own JSON has "conference" and "tracks".
// schedule.json's schema allows only "$schema", "generator" and "schedule"
// at the top level, so the first other key ends the search: the values
// skipped are small, and a 60 MB file of schedkit's is not scanned to its
// end to be told apart.
func isFrabJSON(b []byte) bool {
	dec := json.NewDecoder(bytes.NewReader(b))
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return false
	}
	for dec.More() {
		k, err := dec.Token()
		if err != nil {
			return false
		}
		switch k {
		case "schedule":
			return true
		case "$schema", "generator":
		default:
			return false
		}
		var skip json.RawMessage
		if err := dec.Decode(&skip); err != nil {
			return false
		}
	}
	return false
}

// Read reads data in the named format, or the detected one when format is "".
func Read(format, file string, data []byte, opt schedule.LoadOptions) (*schedule.Schedule, []schedule.Diagnostic, error) {
	if format == "" {
		format = Detect(file, data)
	}
	f, err := Lookup(format)
	if err != nil {
		return nil, nil, err
	}
	s, diags := f.Read(file, data, opt)
	return s, diags, nil
}
