// Package ical reads iCalendar files into schedules.
package ical

import "github.com/schedkit/schedkit/schedule"

// Read reads an .ics file. Not yet implemented: see issue 6.
func Read(file string, data []byte, opt schedule.LoadOptions) (*schedule.Schedule, []schedule.Diagnostic) {
	return nil, []schedule.Diagnostic{schedule.Diag("syntax", schedule.Pos{File: file}, "reading .ics is not implemented yet")}
}
