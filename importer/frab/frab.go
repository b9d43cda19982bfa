// Package frab reads frab/pentabarf schedule.xml and pretalx/c3voc schedule.json.
package frab

import "github.com/schedkit/schedkit/schedule"

// ReadXML reads a frab schedule.xml. Not yet implemented: see issue 5.
func ReadXML(file string, data []byte, opt schedule.LoadOptions) (*schedule.Schedule, []schedule.Diagnostic) {
	return nil, []schedule.Diagnostic{schedule.Diag("syntax", schedule.Pos{File: file}, "reading frab schedule.xml is not implemented yet")}
}

// ReadJSON reads a schedule.json. Not yet implemented: see issue 5.
func ReadJSON(file string, data []byte, opt schedule.LoadOptions) (*schedule.Schedule, []schedule.Diagnostic) {
	return nil, []schedule.Diagnostic{schedule.Diag("syntax", schedule.Pos{File: file}, "reading schedule.json is not implemented yet")}
}
