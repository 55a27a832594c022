// An outside judge of our calendars: ical.js (Mozilla's parser, used by Thunderbird).
// Usage: node ical_judge.mjs FILE.ics...   Prints one JSON object on stdout:
//   {"FILE": {"components": N, "events": [{"uid", "start", "end", "status", "alarms"}]}}
// with start and end as UTC instants (ISO 8601), as ical.js understands them.
import { readFileSync } from 'node:fs';
import ICAL from 'ical.js';

function utc(time) {
  return time.toJSDate().toISOString();
}

const out = {};
for (const file of process.argv.slice(2)) {
  const calendar = new ICAL.Component(ICAL.parse(readFileSync(file, 'utf8')));
  const events = calendar.getAllSubcomponents('vevent').map((component) => {
    const event = new ICAL.Event(component);
    return {
      uid: event.uid,
      start: utc(event.startDate),
      end: utc(event.endDate),
      status: component.getFirstPropertyValue('status') ?? '',
      alarms: component.getAllSubcomponents('valarm').length,
    };
  });
  out[file] = { components: calendar.getAllSubcomponents().length, events };
}
console.log(JSON.stringify(out));
