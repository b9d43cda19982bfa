package schedule

import (
	"fmt"
	"slices"
)

// Rule describes one diagnostic id: its default severity and what it checks.
// The table below is the single source of the rule ids; the README's rule
// table is generated from it (see TestREADMERuleTable).
type Rule struct {
	ID       string
	Default  Severity
	Needs    string // the setting the rule needs, or "" when always checked
	Summary  string
	Fixed    bool // the severity cannot be changed (input that cannot be read at all)
	Importer bool // reported by the readers of other formats
}

// Rules is the rule table, in documentation order.
var Rules = []Rule{
	{ID: "syntax", Default: Error, Fixed: true, Summary: "the file is not well-formed YAML, JSON, XML or iCalendar, or not UTF-8"},
	{ID: "unknown-field", Default: Error, Summary: "a field the format does not define (with a suggestion)"},
	{ID: "required", Default: Error, Summary: "a required field is missing or empty"},
	{ID: "bad-value", Default: Error, Summary: "a value of the wrong type or form: time, date, duration, zone, enum, URL"},
	{ID: "duplicate-id", Default: Error, Summary: "two sessions, or two tracks, share an id"},
	{ID: "end-before-start", Default: Error, Summary: "a session ends at or before its start"},
	{ID: "duration-mismatch", Default: Error, Summary: "end and duration are both given and disagree"},
	{ID: "duration-min", Default: Warning, Needs: "rules.min_duration", Summary: "a session is shorter than min_duration"},
	{ID: "duration-max", Default: Warning, Needs: "rules.max_duration (default 8h)", Summary: "a session is longer than max_duration"},
	{ID: "dst-gap", Default: Error, Summary: "a wall-clock time that does not exist in the zone (clocks spring forward)"},
	{ID: "dst-ambiguous", Default: Warning, Summary: "a wall-clock time that occurs twice (clocks fall back); the message states the reading chosen"},
	{ID: "unknown-room", Default: Error, Needs: "rooms:", Summary: "a session room that is not in the room registry"},
	{ID: "room-overlap", Default: Error, Summary: "two sessions in one room at the same time, across tracks, midnight and days"},
	{ID: "speaker-overlap", Default: Error, Summary: "a speaker in two sessions at the same time (same-minute starts included)"},
	{ID: "track-overlap", Default: Warning, Summary: "two sessions of one track at the same time"},
	{ID: "speaker-buffer", Default: Warning, Needs: "rules.speaker_buffer", Summary: "a speaker has less than speaker_buffer between sessions in different rooms"},
	{ID: "changeover", Default: Warning, Needs: "rules.changeover", Summary: "less than changeover between consecutive sessions in one room"},
	{ID: "outside-hours", Default: Warning, Needs: "rules.day_start / rules.day_end", Summary: "a session starts before day_start or ends after day_end"},
	{ID: "duplicate-speaker", Default: Warning, Summary: "one speaker listed twice in a session (the same id, or the same name where one has no id)"},
	{ID: "room-variant", Default: Warning, Summary: "room names that differ only in case, spacing or Unicode form; treated as one room"},
	{ID: "implicit-id", Default: Warning, Summary: "a session without an id; the derived id changes when the title does, and calendar UIDs with it"},
	{ID: "duplicate-guid", Default: Error, Importer: true, Summary: "two sessions share a guid"},
	{ID: "date-mismatch", Default: Warning, Importer: true, Summary: "frab <date> disagrees with <day> + <start>; the message says which one wins"},
	{ID: "ambiguous-duration", Default: Warning, Importer: true, Summary: "a 3-part frab duration could be H:MM:SS or D:HH:MM"},
	{ID: "text-ambiguous", Default: Warning, Importer: true, Summary: "a program page line the text reader could read more than one way; the message says which reading it took"},
	{ID: "zone-mismatch", Default: Warning, Importer: true, Summary: "--timezone, or the offsets in the file, contradict the zone the file names"},
}

// LookupRule returns the rule with the given id.
func LookupRule(id string) (Rule, bool) {
	i := slices.IndexFunc(Rules, func(r Rule) bool { return r.ID == id })
	if i < 0 {
		return Rule{}, false
	}
	return Rules[i], true
}

// RuleIDs returns every rule id in table order.
func RuleIDs() []string {
	ids := make([]string, len(Rules))
	for i, r := range Rules {
		ids[i] = r.ID
	}
	return ids
}

// ParseRuleSetting parses a "rule=severity" override as given to --rule.
func ParseRuleSetting(id, sev string) (Severity, error) {
	r, ok := LookupRule(id)
	if !ok {
		msg := fmt.Sprintf("unknown rule %q", id)
		if s := Suggest(id, RuleIDs()); s != "" {
			msg += fmt.Sprintf(" (did you mean %s?)", s)
		}
		return 0, fmt.Errorf("%s", msg)
	}
	s, err := ParseSeverity(sev)
	if err != nil {
		return 0, err
	}
	if r.Fixed && s != r.Default {
		return 0, fmt.Errorf("the severity of rule %s cannot be changed", id)
	}
	return s, nil
}

// Diag returns a diagnostic of the rule id, with the rule's default
// severity. The loader, Validate and the readers in other packages all make
// their findings with it, so every finding carries a rule of the table. An
// id that is not in the table is a programming error: Diag panics.
func Diag(id string, pos Pos, format string, args ...any) Diagnostic {
	r, ok := LookupRule(id)
	if !ok {
		panic("schedule: undefined rule " + id)
	}
	return Diagnostic{Pos: pos, Severity: r.Default, Rule: id, Message: fmt.Sprintf(format, args...)}
}
