package schedule

import (
	"fmt"
	"github.com/schedkit/schedkit/internal/suggest"
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

// The rule ids: the stable names of findings that --rule, rules.severity,
// JSON diagnostics and CI configurations refer to. Each is in the table
// below (TestRuleConstants checks both ways); code names a rule by its
// constant, so that a misspelt id does not compile.
const (
	RuleSyntax            = "syntax"
	RuleUnknownField      = "unknown-field"
	RuleRequired          = "required"
	RuleBadValue          = "bad-value"
	RuleDuplicateId       = "duplicate-id"
	RuleEndBeforeStart    = "end-before-start"
	RuleDurationMismatch  = "duration-mismatch"
	RuleDurationMin       = "duration-min"
	RuleDurationMax       = "duration-max"
	RuleDstGap            = "dst-gap"
	RuleDstAmbiguous      = "dst-ambiguous"
	RuleUnknownRoom       = "unknown-room"
	RuleRoomOverlap       = "room-overlap"
	RuleSpeakerOverlap    = "speaker-overlap"
	RuleTrackOverlap      = "track-overlap"
	RuleSpeakerBuffer     = "speaker-buffer"
	RuleChangeover        = "changeover"
	RuleOutsideHours      = "outside-hours"
	RuleDuplicateSpeaker  = "duplicate-speaker"
	RuleRoomVariant       = "room-variant"
	RuleImplicitId        = "implicit-id"
	RuleDuplicateGuid     = "duplicate-guid"
	RuleDateMismatch      = "date-mismatch"
	RuleAmbiguousDuration = "ambiguous-duration"
	RuleTextAmbiguous     = "text-ambiguous"
	RuleZoneMismatch      = "zone-mismatch"
	RuleRoomMismatch      = "room-mismatch"
)

// Rules is the rule table, in documentation order.
var Rules = []Rule{
	{ID: RuleSyntax, Default: Error, Fixed: true, Summary: "the file is not well-formed YAML, JSON, XML or iCalendar, or not UTF-8"},
	{ID: RuleUnknownField, Default: Error, Summary: "a field the format does not define (with a suggestion)"},
	{ID: RuleRequired, Default: Error, Summary: "a required field is missing or empty"},
	{ID: RuleBadValue, Default: Error, Summary: "a value of the wrong type or form: time, date, duration, zone, enum, URL"},
	{ID: RuleDuplicateId, Default: Error, Summary: "two sessions, or two tracks, share an id"},
	{ID: RuleEndBeforeStart, Default: Error, Summary: "a session ends at or before its start"},
	{ID: RuleDurationMismatch, Default: Error, Summary: "end and duration are both given and disagree"},
	{ID: RuleDurationMin, Default: Warning, Needs: "rules.min_duration", Summary: "a session is shorter than min_duration"},
	{ID: RuleDurationMax, Default: Warning, Needs: "rules.max_duration (default 8h)", Summary: "a session is longer than max_duration"},
	{ID: RuleDstGap, Default: Error, Summary: "a wall-clock time that does not exist in the zone (clocks spring forward)"},
	{ID: RuleDstAmbiguous, Default: Warning, Summary: "a wall-clock time that occurs twice (clocks fall back); the message states the reading chosen"},
	{ID: RuleUnknownRoom, Default: Error, Needs: "rooms:", Summary: "a session room that is not in the room registry"},
	{ID: RuleRoomOverlap, Default: Error, Summary: "two sessions in one room at the same time, across tracks, midnight and days"},
	{ID: RuleSpeakerOverlap, Default: Error, Summary: "a speaker in two sessions at the same time (same-minute starts included)"},
	{ID: RuleTrackOverlap, Default: Warning, Summary: "two sessions of one track at the same time"},
	{ID: RuleSpeakerBuffer, Default: Warning, Needs: "rules.speaker_buffer", Summary: "a speaker has less than speaker_buffer between sessions in different rooms"},
	{ID: RuleChangeover, Default: Warning, Needs: "rules.changeover", Summary: "less than changeover between consecutive sessions in one room"},
	{ID: RuleOutsideHours, Default: Warning, Needs: "rules.day_start / rules.day_end", Summary: "a session starts before day_start or ends after day_end"},
	{ID: RuleDuplicateSpeaker, Default: Warning, Summary: "one speaker listed twice in a session (the same id, or the same name where one has no id)"},
	{ID: RuleRoomVariant, Default: Warning, Summary: "room names that differ only in case, spacing or Unicode form; treated as one room"},
	{ID: RuleImplicitId, Default: Warning, Summary: "a session without an id; the derived id changes when the title does, and calendar UIDs with it"},
	{ID: RuleDuplicateGuid, Default: Error, Importer: true, Summary: "two sessions share a guid"},
	{ID: RuleDateMismatch, Default: Warning, Importer: true, Summary: "frab <date> disagrees with <day> + <start>; the message says which one wins"},
	{ID: RuleAmbiguousDuration, Default: Warning, Importer: true, Summary: "a 3-part frab duration could be H:MM:SS or D:HH:MM"},
	{ID: RuleTextAmbiguous, Default: Warning, Importer: true, Summary: "a program page line the text reader could read more than one way; the message says which reading it took"},
	{ID: RuleZoneMismatch, Default: Warning, Importer: true, Summary: "--timezone, or the offsets in the file, contradict the zone the file names"},
	{ID: RuleRoomMismatch, Default: Warning, Importer: true, Summary: "a frab event's <room> names another room than the <room name> it is in; the message says which one wins"},
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
		if s := suggest.Closest(id, RuleIDs()); s != "" {
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
