// The ical-generator peer of scripts/bench: the same events as schedkit's
// feed (UID, DTSTAMP, DTSTART/DTEND in the conference zone, SUMMARY,
// LOCATION, DESCRIPTION with the speakers, CATEGORIES, STATUS, ORGANIZER)
// from schedkit's JSON form. Usage: node peer-ical-generator.mjs IN.json OUT.ics
import { readFileSync, writeFileSync } from 'node:fs';
import ical from 'ical-generator';

const [, , input, output] = process.argv;
const s = JSON.parse(readFileSync(input, 'utf8'));
const tz = s.conference.timezone;
const cal = ical({ name: s.conference.name, timezone: tz, prodId: '//bench//ical-generator//EN' });
for (const t of s.tracks) {
  for (const x of t.sessions) {
    const start = new Date(`${x.date}T${x.start}:00Z`); // wall time, written with TZID
    const end = new Date(`${x.date}T${x.end}:00Z`);
    const speakers = (x.speakers || []).map((p) => (p.affiliation ? `${p.name} (${p.affiliation})` : p.name)).join(', ');
    cal.createEvent({
      id: `${x.id}@bench`, stamp: start, start, end, floating: true,
      summary: x.title, location: x.room,
      description: (speakers ? `Speaker: ${speakers}\n\n` : '') + (x.abstract || ''),
      categories: [{ name: t.name }, ...(x.tags || []).map((n) => ({ name: n }))],
      status: 'CONFIRMED',
      organizer: { name: s.conference.organizer.name, email: s.conference.organizer.email },
    });
  }
}
writeFileSync(output, cal.toString());
