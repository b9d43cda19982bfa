// Package csv writes a schedule as CSV for spreadsheets and scripts.
//
// # Format
//
// The output follows RFC 4180 as implemented by encoding/csv, UTF-8, with
// three deliberate deviations: lines end in LF, not CRLF (encoding/csv's
// default; with CRLF it would also turn every newline inside a quoted field
// into CRLF, so abstracts would not read back byte for byte); line breaks
// inside values are written as LF, CRLF and a lone CR included (readers
// disagree about CR inside a quoted field: encoding/csv drops it before LF,
// Python's csv keeps it); and the delimiter may be changed (Options.Comma). Excel, LibreOffice, Google
// Sheets, Python's csv module and sqlite3 .import read LF files. Fields are
// quoted only when they need it (a delimiter, a quote, CR or LF, or leading
// space); quotes inside a field are doubled.
//
// The first record is the header, Columns; every later record has exactly
// len(Columns) fields. The columns are stable: new ones are only ever added
// at the end. See Columns for what each holds.
//
// # Rows
//
// One row per session (Options.Rows "session", the default), in the order
// of the sessions passed to Write (the CLI passes them sorted by start, then
// room, then id). Multi-valued fields (speakers, speaker_ids, affiliations,
// tags) are joined with "; " (Join); speakers, speaker_ids and affiliations
// are aligned, so the n-th affiliation is the n-th speaker's, even when
// empty. With Rows "speaker" there is one row per (session × speaker), in
// speaker order, whose speakers, speaker_ids and affiliations fields hold
// that one speaker, as written (not escaped: there is nothing to split); a
// session without speakers still gets one row, with those fields empty.
//
// # Escaping in joined fields
//
// So that an item holding "; " (a speaker "Doe; Jane", an affiliation
// "ACME; R&D") cannot break the alignment, every item of a joined field has
// each '\' and ';' preceded by a backslash before joining (JoinField):
// "Doe\; Jane; Ana". Splitting is the reverse (SplitField): read the field
// left to right; a backslash takes the next character literally, and an
// unescaped ';' (always followed by a space) ends an item. The escaping is
// part of the value, not of the CSV quoting or of formula neutralising, so
// it applies with and without Raw. A field whose items hold no ';' or '\'
// is the plain "; "-joined list. An empty list and a list of one empty item
// are both "".
//
// # Formula neutralising
//
// Unless Options.Raw is set, every field that begins with one of the
// characters OWASP's "CSV Injection" guidance lists — '=', '+', '-', '@',
// TAB (0x09) or CR (0x0D) — is written with a single quote (') prepended,
// so that Excel, LibreOffice and Google Sheets show it as text instead of
// evaluating it as a formula. The rule applies to the value as written, after
// the line-break normalisation above (so a CR never leads a field). Nothing
// else is changed: the prefix is the only difference between the default
// and the Raw output (see Neutralize).
// The quote is visible to programs; pass Raw for them.
//
// One exception keeps the numeric column numeric: duration_min is always a
// plain integer, and a negative one ("-60", a session that ends before it
// starts, written with --force) is not a formula, so it never gets the
// prefix (see NeutralizeColumn).
package csv

import (
	"bufio"
	stdcsv "encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/schedkit/schedkit/schedule"
)

// Columns is the header record. This comment, the README's table and the
// help of export csv name the same columns in the same order: TestColumnsDoc
// and cmd/schedkit's TestREADMECSVColumns and TestExportHelpSchemas fail
// when one differs.
//
//	id            session id
//	track         track id
//	track_name    track name
//	room          room name
//	date          local date of the start, YYYY-MM-DD
//	start         local wall-clock time HH:MM
//	end           local date and wall-clock time "YYYY-MM-DD HH:MM", always
//	              (a column mixing times and date-times breaks end - start
//	              in a spreadsheet)
//	duration_min  whole minutes from start to end; an integer, never
//	              neutralised (negative when the end is before the start)
//	timezone      IANA name of the zone of date/start/end
//	start_iso     the start instant, RFC 3339 with the zone's offset
//	end_iso       the end instant, RFC 3339 with the zone's offset
//	title, subtitle
//	speakers      speaker names, joined with "; " (JoinField: ';' and '\'
//	              in a name are backslash-escaped)
//	speaker_ids   speaker ids ("" for a speaker without one), joined, aligned
//	affiliations  speaker affiliations, joined, aligned with speakers
//	type          talk, keynote, workshop, panel, break, open-space, other
//	status        confirmed, tentative, cancelled
//	language      language tag, as given
//	tags          tags, joined with "; " (JoinField)
//	url, abstract
//
// The time fields are empty for a session without resolved times.
var Columns = []string{
	"id", "track", "track_name", "room", "date", "start", "end", "duration_min", "timezone",
	"start_iso", "end_iso", "title", "subtitle", "speakers", "speaker_ids", "affiliations",
	"type", "status", "language", "tags", "url", "abstract",
}

// Column indexes into a record.
const (
	ColID = iota
	ColTrack
	ColTrackName
	ColRoom
	ColDate
	ColStart
	ColEnd
	ColDurationMin
	ColTimezone
	ColStartISO
	ColEndISO
	ColTitle
	ColSubtitle
	ColSpeakers
	ColSpeakerIDs
	ColAffiliations
	ColType
	ColStatus
	ColLanguage
	ColTags
	ColURL
	ColAbstract
	numColumns
)

// Join is the separator of multi-valued fields.
const Join = "; "

// Escape is the character JoinField puts before each ';' and '\' of an item.
const Escape = '\\'

// JoinField joins items with Join, each with every ';' and '\' escaped by a
// backslash, so that SplitField gives the items back whatever they hold.
func JoinField(items []string) string {
	var b strings.Builder
	for i, it := range items {
		if i > 0 {
			b.WriteString(Join)
		}
		for j := 0; j < len(it); j++ {
			if it[j] == ';' || it[j] == Escape {
				b.WriteByte(Escape)
			}
			b.WriteByte(it[j])
		}
	}
	return b.String()
}

// SplitField undoes JoinField: it splits v at each ';' not escaped by a
// backslash (dropping the space of Join after it) and removes the escaping
// backslashes. It returns nil for "". A backslash at the very end is kept.
func SplitField(v string) []string {
	if v == "" {
		return nil
	}
	var items []string
	var b strings.Builder
	for i := 0; i < len(v); i++ {
		switch c := v[i]; {
		case c == Escape && i+1 < len(v):
			i++
			b.WriteByte(v[i])
		case c == ';':
			items = append(items, b.String())
			b.Reset()
			if strings.HasPrefix(v[i+1:], Join[1:]) {
				i += len(Join) - 1
			}
		default:
			b.WriteByte(c)
		}
	}
	return append(items, b.String())
}

// BOM is the UTF-8 byte order mark written first with Options.BOM, so that
// Excel reads the file as UTF-8.
const BOM = "\uFEFF"

// Row kinds of Options.Rows.
const (
	RowsSession = "session"
	RowsSpeaker = "speaker"
)

// Options control the output. The zero value writes one row per session,
// comma-separated, without BOM, with formula neutralising.
type Options struct {
	// Rows is RowsSession ("" means the same) or RowsSpeaker.
	Rows string
	// Comma is the field delimiter; 0 means ','. CheckDelimiter says which
	// runes are accepted.
	Comma rune
	// BOM writes a UTF-8 byte order mark first, for Excel.
	BOM bool
	// Raw writes values untouched, without the formula-neutralising prefix.
	Raw bool
}

// CheckDelimiter reports whether r can separate fields: one character that
// is not a letter, digit, quote, single quote (the neutralising prefix),
// CR, LF or the Unicode replacement character.
func CheckDelimiter(r rune) error {
	switch {
	case r == '"' || r == '\'' || r == '\r' || r == '\n':
		return fmt.Errorf("%q cannot be the delimiter", r)
	case r == utf8.RuneError || !utf8.ValidRune(r):
		return fmt.Errorf("invalid delimiter")
	case unicode.IsLetter(r) || unicode.IsDigit(r):
		return fmt.Errorf("%q cannot be the delimiter: use punctuation, such as , ; | or tab", r)
	case r != '\t' && !unicode.IsPrint(r):
		return fmt.Errorf("%U cannot be the delimiter: it is not printable", r)
	}
	return nil
}

// ParseDelimiter reads the --delimiter value: one character, or "tab" or
// `\t` for TAB.
func ParseDelimiter(v string) (rune, error) {
	switch v {
	case "tab", `\t`:
		return '\t', nil
	}
	r, n := utf8.DecodeRuneInString(v)
	if n == 0 || n != len(v) {
		return 0, fmt.Errorf("%q: want one character (or tab)", v)
	}
	if err := CheckDelimiter(r); err != nil {
		return 0, err
	}
	return r, nil
}

// Neutralize returns v with a single quote prepended when v begins with a
// character a spreadsheet would start a formula with ('=', '+', '-', '@',
// TAB or CR, the list of OWASP's CSV Injection guidance), and v unchanged
// otherwise.
func Neutralize(v string) string {
	if NeedsNeutralizing(v) {
		return "'" + v
	}
	return v
}

// NeutralizeColumn is Neutralize for a value of column col as Write applies
// it: a plain integer (an optional '-' and ASCII digits) in the numeric
// column ColDurationMin is left as it is; every other value goes through
// Neutralize.
func NeutralizeColumn(col int, v string) string {
	if col == ColDurationMin && isInteger(v) {
		return v
	}
	return Neutralize(v)
}

// isInteger reports whether v is an optional '-' followed by one or more
// ASCII digits.
func isInteger(v string) bool {
	v = strings.TrimPrefix(v, "-")
	if v == "" {
		return false
	}
	for i := 0; i < len(v); i++ {
		if v[i] < '0' || v[i] > '9' {
			return false
		}
	}
	return true
}

// NeedsNeutralizing reports whether Neutralize changes v.
func NeedsNeutralizing(v string) bool {
	if v == "" {
		return false
	}
	switch v[0] {
	case '=', '+', '-', '@', '\t', '\r':
		return true
	}
	return false
}

// Write writes the header and the records of sessions (in the order given)
// to w. The schedule provides the time zone.
func Write(w io.Writer, s *schedule.Schedule, sessions []*schedule.Session, opt Options) error {
	if opt.Rows != "" && opt.Rows != RowsSession && opt.Rows != RowsSpeaker {
		return fmt.Errorf("rows %q: use %s or %s", opt.Rows, RowsSession, RowsSpeaker)
	}
	comma := opt.Comma
	if comma == 0 {
		comma = ','
	}
	if err := CheckDelimiter(comma); err != nil {
		return err
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	if opt.BOM {
		if _, err := bw.WriteString(BOM); err != nil {
			return err
		}
	}
	cw := stdcsv.NewWriter(bw)
	cw.Comma = comma
	if err := cw.Write(Columns); err != nil {
		return err
	}
	loc := s.Loc()
	base := make([]string, numColumns)
	rec := make([]string, numColumns)
	put := func() error {
		if !opt.Raw {
			for i, v := range rec {
				rec[i] = NeutralizeColumn(i, v)
			}
		}
		return cw.Write(rec)
	}
	for _, ss := range sessions {
		fill(base, loc, ss)
		if opt.Rows != RowsSpeaker || len(ss.Speakers) == 0 {
			copy(rec, base)
			if err := put(); err != nil {
				return err
			}
			continue
		}
		for _, p := range ss.Speakers {
			copy(rec, base)
			rec[ColSpeakers] = NormalizeNewlines(p.Name)
			rec[ColSpeakerIDs] = NormalizeNewlines(p.ID)
			rec[ColAffiliations] = NormalizeNewlines(p.Affiliation)
			if err := put(); err != nil {
				return err
			}
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return err
	}
	return bw.Flush()
}

// Record returns the fields of one session row as Write writes them with
// Rows "session" and Raw (line breaks normalised, not neutralised).
func Record(s *schedule.Schedule, ss *schedule.Session) []string {
	loc := s.Loc()
	rec := make([]string, numColumns)
	fill(rec, loc, ss)
	return rec
}

func fill(rec []string, loc *time.Location, ss *schedule.Session) {
	rec[ColID] = ss.ID
	rec[ColTrack] = ss.TrackID()
	rec[ColTrackName] = ss.TrackName()
	rec[ColRoom] = ss.Room
	if ss.Timed() {
		start, end := ss.Start.In(loc), ss.End.In(loc)
		rec[ColDate] = start.Format(time.DateOnly)
		rec[ColStart] = start.Format("15:04")
		rec[ColEnd] = end.Format(endLayout)
		rec[ColDurationMin] = strconv.FormatInt(int64(end.Sub(start)/time.Minute), 10)
		rec[ColTimezone] = loc.String()
		rec[ColStartISO] = start.Format(time.RFC3339)
		rec[ColEndISO] = end.Format(time.RFC3339)
	} else {
		for _, i := range []int{ColDate, ColStart, ColEnd, ColDurationMin, ColTimezone, ColStartISO, ColEndISO} {
			rec[i] = ""
		}
	}
	rec[ColTitle] = ss.Title
	rec[ColSubtitle] = ss.Subtitle
	rec[ColSpeakers] = joinPeople(ss.Speakers, func(p schedule.Person) string { return p.Name })
	rec[ColSpeakerIDs] = joinPeople(ss.Speakers, func(p schedule.Person) string { return p.ID })
	rec[ColAffiliations] = joinPeople(ss.Speakers, func(p schedule.Person) string { return p.Affiliation })
	rec[ColType] = ss.Type
	rec[ColStatus] = ss.Status
	rec[ColLanguage] = ss.Language
	rec[ColTags] = JoinField(ss.Tags)
	rec[ColURL] = ss.URL
	rec[ColAbstract] = ss.Text() // the abstract, else the description
	for i, v := range rec {
		rec[i] = NormalizeNewlines(v)
	}
}

// endLayout is the end column: the local date and wall clock, on every
// row, so that spreadsheets read the whole column as date-times (a column
// of "11:25" and "2024-05-02 01:00" mixed gives times and dates, and
// end - (date + start) goes wrong on the rows with times only).
const endLayout = "2006-01-02 15:04"

var newlines = strings.NewReplacer("\r\n", "\n", "\r", "\n")

// NormalizeNewlines turns CRLF and lone CR into LF.
func NormalizeNewlines(v string) string {
	if !strings.Contains(v, "\r") {
		return v
	}
	return newlines.Replace(v)
}

// joinPeople joins one field of every speaker with JoinField; it is ""
// when no speaker has the field, so a session whose speakers have no ids
// gets an empty speaker_ids rather than a row of separators.
func joinPeople(ps []schedule.Person, field func(schedule.Person) string) string {
	some := false
	vals := make([]string, len(ps))
	for i, p := range ps {
		vals[i] = field(p)
		some = some || vals[i] != ""
	}
	if !some {
		return ""
	}
	return JoinField(vals)
}
