// Package schedule is schedkit's domain: the model of a conference
// timetable (Schedule, Track, Session), the loader of schedkit's own
// YAML/JSON format (Load), the normalising step (Normalize), the
// cross-session rules (Validate) and the one Diagnostic type every reader
// and rule reports through, with the rule table (Rules) that names them
// all.
//
// A schedule goes through three steps, each reporting its findings:
//
//   - Load (or the reader of another format) builds it as the file has it,
//     deriving the ids the file leaves out; a session without a guid gets
//     the derived one when it is written (Schedule.GUIDOf), or, from the
//     frab readers, when it is read.
//   - Normalize gives each session's room its canonical spelling. Of the
//     three steps it alone changes a loaded schedule.
//   - Validate runs the cross-session rules. It only reads.
//
// The CLI runs the three in that order for every command, so that
// validate, export, import and diff all see the same normalised schedule.
//
// The format is described in docs/format.md and, for editors, by the JSON
// Schema in docs/schedule.schema.json; Load is the authority where the two
// could disagree. The loader reads YAML 1.2 (go.yaml.in/yaml/v4); JSON is
// read as the YAML it is a subset of. It keeps going after a problem and
// reports every one at its line and column (columns count characters, not
// bytes), where the YAML libraries would stop at the first.
//
// Times follow the IANA tz database embedded in the binary (time/tzdata),
// so results do not depend on the machine. A wall-clock time that occurs
// twice at a DST change means its first occurrence, as RFC 5545 §3.3.5
// prescribes for iCalendar; one that does not exist is an error rather than
// being shifted as time.Date would. Derived session GUIDs are version 5
// UUIDs (RFC 9562 §5.5). Deviations from YAML itself: a document that
// expands to more than MaxNodes nodes (an alias bomb) or has more than
// MaxSeparators separators is refused, a key given twice is an error, and
// every scalar is text where the format wants text (title: 2026 is the
// title "2026").
//
// Each other format has a package of its own under format/ that reads
// and writes it; all of them work on this model.
package schedule
