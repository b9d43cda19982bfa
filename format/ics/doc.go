// Package ics reads and writes iCalendar (RFC 5545): Encode writes a
// schedule as a feed meant to be published at a stable URL and subscribed
// to, Read reads the VEVENTs of any calendar file into a schedule. What the
// two directions share lives here once: the DESCRIPTION and its speakers'
// paragraph in description.go, TEXT values and the U+2060 word joiner in
// text.go.
//
// # Writing
//
// One VEVENT per session, with the calendar properties of RFC 7986 and,
// when the schedule names an organizer, METHOD:PUBLISH as RFC 5546 §3.2.1
// defines it.
//
// Serialization (folding at 75 octets without splitting UTF-8, TEXT
// escaping) is github.com/arran4/golang-ical's. What that library leaves to
// its user is done here: CRLF line endings, TEXT values cleaned of CR and
// other control characters (RFC 5545 §3.1, §3.3.11), parameter values kept
// free of the characters the library would backslash-escape (RFC 5545 §3.2
// has no such escape), local DTSTART/DTEND with TZID written as local time
// and never with a trailing Z (§3.3.5), and a VTIMEZONE generated from the
// tz database (§3.6.5; see VTimezone).
//
// Deviations and choices:
//   - The VTIMEZONE is one STANDARD and one DAYLIGHT with yearly RRULEs
//     wherever the zone's rule held from the year before the first session
//     on: Outlook reduces a VTIMEZONE to one yearly rule and may take its
//     first block. Only where the rule changed (or DST began or ended) in
//     those years are the transitions written as they are, from a first
//     block at 1970. Either way it gives the tz database's offsets only
//     for the years of the schedule (RFC 5545 §3.6.5 lets it be partial),
//     and DAYLIGHT is the observance with the larger offset, also where
//     the tz database has negative DST (Europe/Dublin). See VTimezone.
//   - A wall time that occurs twice at a daylight-saving change is written in
//     UTC: §3.3.5 says such a local time means its first occurrence, but most
//     parsers take the second.
//   - A session with no resolved times (only possible with --force) is left
//     out: a VEVENT of a feed needs DTSTART. One that ends at or before its
//     start (also only with --force) has no DTEND: §3.8.2.2 wants DTEND
//     later than DTSTART, so it becomes a zero-length event.
//   - DTSTAMP is the session's last modification, not the time the file was
//     written (RFC 5545 §3.8.7.2 allows that reading without METHOD; with
//     METHOD:PUBLISH it keeps feeds byte-stable between exports, which is
//     what HTTP caches and diffs need).
//   - A backslash followed by n or N in a text gets U+2060 WORD JOINER in
//     between (see Text): python icalendar and node-ical read the correct
//     escape "\\n" as a backslash and a line break.
//   - A one-line value wrapped in double quotes ("\"What can a mixnet
//     do?\"" as SUMMARY, LOCATION, a category, DESCRIPTION, the calendar
//     name) ends with U+2060 WORD JOINER after the closing quote (see
//     guardQuotes): node-ical strips quotes around a whole value. The
//     reader drops the joiner again.
//   - A url that is no URI as it stands ("https://example.org/a b", non-ASCII)
//     is percent-encoded (RFC 3986) in URL and in DESCRIPTION; only one
//     that is not absolute even so (validate reports it) has no URL.
//   - The track and tags are one CATEGORIES property, a TEXT list (RFC 5545
//     §3.8.1.2; a comma inside a category escaped as "\,"), the VEVENT's
//     last line, rather than one CATEGORIES per category (which RFC 5545
//     allows too, but khal then shows no categories). golang-ical cannot
//     write a TEXT list; see categoriesLine.
//   - Breaks are TRANSP:TRANSPARENT; no VALARM, no ATTENDEE (speakers are
//     named in DESCRIPTION).
//
// # Reading
//
// Each VEVENT becomes a session.
//
// The reader is a small RFC 5545 content-line parser of its own, not a
// library, so that every diagnostic can name the line it is about. It
// follows RFC 5545 §3.1: lines end in CRLF (a bare LF is accepted too), and a
// line starting with a space or a tab continues the previous one. Unfolding
// works on bytes, before UTF-8 is decoded, because real feeds fold inside a
// multi-byte character.
//
// Mapping (property → session field):
//
//	SUMMARY       title
//	DTSTART       start; DTEND or DURATION the end (RFC 5545 §3.6.1)
//	LOCATION      room
//	CATEGORIES    the first category is the track, the others tags (one
//	              list, several lines, or both)
//	DESCRIPTION   abstract (the speakers' paragraph `export ics` writes,
//	              "Speaker: Name (Affiliation)" or "Speakers:" and one
//	              person a line, becomes the speakers; see speakerList)
//	UID           id (spaces and slashes become "-")
//	URL           url
//	STATUS        status (TENTATIVE, CANCELLED; anything else confirmed)
//	TRANSP        TRANSPARENT makes a session a break
//
// An event without CATEGORIES goes to a track named after its LOCATION
// (parallel rooms are what tracks are in such feeds), and one without
// either to a track named after the calendar (X-WR-CALNAME or NAME, else
// the file name), which also names the conference.
//
// Times: a DATE-TIME with TZID is wall-clock time in that IANA zone, which
// need not be declared by a VTIMEZONE (RFC 5545 §3.2.19 requires one; real
// feeds omit it). A TZID that is not an IANA name is tried without a
// "/vendor/version/" prefix and as a Windows zone name ("W. Europe Standard
// Time", as Outlook writes); VTIMEZONE definitions are never interpreted.
// Any other TZID, such as one only a VTIMEZONE defines, is read as the
// --timezone zone, with a zone-mismatch warning at its first use; without
// --timezone it is a required error naming the TZID.
// A time ending in Z is UTC; a time with neither is floating and read in the
// schedule's zone. A DATE value (all-day) runs from midnight to midnight of
// the exclusive end date. A time that does not exist (DST gap) is a dst-gap
// error; one that occurs twice is read as its first occurrence, as RFC 5545
// §3.3.5 prescribes, with a dst-ambiguous warning. Without DTEND or
// DURATION a timed event has zero length (RFC 5545 §3.6.1), which
// schedule.Validate reports as end-before-start.
//
// The schedule's zone is X-WR-TIMEZONE, else the one TZID every event uses,
// else LoadOptions.Timezone (--timezone). When the file names a zone and
// --timezone another, the file wins and a zone-mismatch warning says so.
// When no zone can be determined, for the schedule or for a TZID, Read
// returns no schedule (UTC would be a guess), so `schedkit import` exits 1.
//
// Deviations and limits: RRULE, RDATE and EXDATE are not expanded (an
// error says so; the first occurrence is read); a RECURRENCE-ID override
// of the event's DTSTART replaces that event (RFC 5545 §3.8.4.4), one of
// another instance becomes a session of its own, with the recurrence time
// in its id;
// DTSTAMP is ignored (JRES writes it with TZID, against §3.8.7.2); the
// vCalendar 1.0 parameters CHARSET and ENCODING=8BIT are honoured
// (CHARSET=ISO-8859-1 and WINDOWS-1252 are decoded), ENCODING=QUOTED-PRINTABLE
// is not.
package ics
