// Package page reads the plain text of a conference program web page.
package page

import "github.com/schedkit/schedkit/schedule"

// Read reads a program page. Not yet implemented: see issue 6.
func Read(file string, data []byte, opt schedule.LoadOptions) (*schedule.Schedule, []schedule.Diagnostic) {
	return nil, []schedule.Diagnostic{schedule.Diag("syntax", schedule.Pos{File: file}, "reading program pages is not implemented yet")}
}
