// Package frab reads and writes frab/pentabarf schedule.xml and
// pretalx/c3voc schedule.json: the formats described by the c3voc schema
// files schedule.xml.xsd and schedule.schema.json
// (https://c3voc.de/wiki/schedule), which conference apps such as
// EventFahrplan, Giggity and ConfClerk read. What the two directions share
// lives here once: the day change in day.go, durations in duration.go, the
// track of events without one in track.go.
//
// # Reading
//
// ReadXML and ReadJSON are forgiving where real files deviate from those
// schemas, and never silently wrong:
//
//   - Elements and keys the readers do not use are ignored (FOSDEM's
//     top-level <tracks>, <answers>, persons' biographies), and so is the
//     element order, which the XSD prescribes.
//   - Durations may be unpadded ("0:30"). A 3-part duration "A:BB:CC" is
//     read as H:MM:SS; when it could also be D:HH:MM (as EventFahrplan reads
//     it) an ambiguous-duration warning says so.
//   - Ids may be numbers or strings; null means absent.
//   - The conference zone is time_zone_name when it agrees with the file:
//     the zone must turn each <date> instant into the wall clock of its
//     <start>. When time_zone_name is missing or contradicts that, a
//     zone-mismatch warning says so and --timezone decides, or else the
//     offsets do (as the fixed IANA zone Etc/GMT±N). When nothing decides
//     (no usable time_zone_name, no offset, no --timezone) the reader
//     reports a required error and returns no schedule.
//   - <date> is the instant of the event. When <day date> plus <start>
//     (on the next day when <start> is before the day's start clock, i.e.
//     after day_change) names another instant, a date-mismatch warning gives
//     both and <date> wins: it is the one complete timestamp frab and pretalx
//     write, and what the conference ran (DebConf 23). Without <date>,
//     <day date> plus <start> is used.
//   - Events without a guid get schedule.DerivedGUID of the conference
//     acronym and the event id; events without a track go to the track
//     "No track" (id no-track), which the writers write as an empty track.
//   - frab tracks are topics that run in parallel (36C3 has about 10,000
//     pairs of overlapping sessions within a track), not one stream of
//     sessions, so the track-overlap rule is off for frab input: the
//     schedule's rules.severity says so, and import writes it into the
//     YAML. --rule track-overlap=warning turns it back on.
//
// Event types are mapped onto schedkit's session types (lecture → talk,
// hands-on → workshop, …, anything unknown → other); the original wording is
// kept as the session's SourceType when it differs, and written back. The
// description (apart from the abstract), attachments, slug, logo,
// feedback_url, origin_url, the recording opt-out and license, <version>,
// timeslot_duration, the room order (as the room registry) and the days
// (each <day>'s date, start and end, as Conference.Days) are kept.
//
// # Writing
//
// WriteXML and WriteJSON write files valid against the schemas.
//
// What the writers guarantee:
//
//   - every <day> has index, date, start and end, with UTC offsets: the
//     source's day as Conference.Days keeps it (36C3's run 11:00 to 04:00),
//     else one running from the conference day_change (midnight when
//     unset) to one minute before the next day's. A session is on the last
//     source day that holds its start (ends included), else on the day its
//     start falls in after day_change, so that night sessions stay on the
//     day the source put them; only days with a session are written;
//   - <date> is the start instant with the zone's offset and <start> its
//     wall clock in the conference zone, so the two always agree;
//   - durations are HH:MM (hours may exceed 23; seconds are dropped);
//   - event@id is a positive integer unique within the file: the session's
//     frab_id when it has one and no earlier session took it, else one
//     derived from the guid (its first 31 bits; 1 when that is 0), moved to
//     the next free integer on a collision;
//   - guid is the session's guid, or schedule.DerivedGUID of the conference
//     id and session id; a guid already used in the file is replaced by the
//     one derived from the session id (so a --force export of a file with
//     duplicate guids is still valid).
//
// Deviations and losses: untimed sessions are left out (they cannot be
// placed on a day), and so are cancelled ones: the formats have no status,
// and apps would show them as taking place (tentative sessions are written
// like confirmed ones); XML person ids are written only when they are integers
// (or as guid when they are UUIDs); session ids that are not frab integers
// become event ids and are not kept; the conference day_change has no XSD
// element and is expressed by the day starts; the JSON acronym is the
// conference id with '-' turned into '_' (the schema's pattern), and
// time_zone_name is left out of JSON when the schema's pattern rejects it
// (Etc/GMT-1): the offsets still carry the instants. The track "no-track"
// of the readers is written as an empty track.
package frab
