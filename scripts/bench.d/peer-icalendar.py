"""The python icalendar peer of scripts/bench: the same events as schedkit's
feed from schedkit's JSON form. Usage: python3 peer-icalendar.py IN.json OUT.ics"""
import json, sys
from datetime import datetime
from zoneinfo import ZoneInfo
from icalendar import Calendar, Event, vCalAddress, vText

inp, out = sys.argv[1], sys.argv[2]
with open(inp, encoding="utf-8") as f:
    s = json.load(f)
tz = ZoneInfo(s["conference"]["timezone"])
cal = Calendar()
cal.add("prodid", "-//bench//python icalendar//EN")
cal.add("version", "2.0")
cal.add("name", s["conference"]["name"])
org = vCalAddress("mailto:" + s["conference"]["organizer"]["email"])
org.params["cn"] = vText(s["conference"]["organizer"]["name"])
for t in s["tracks"]:
    for x in t["sessions"]:
        start = datetime.fromisoformat(f'{x["date"]}T{x["start"]}').replace(tzinfo=tz)
        end = datetime.fromisoformat(f'{x["date"]}T{x["end"]}').replace(tzinfo=tz)
        sp = ", ".join(p["name"] + (f' ({p["affiliation"]})' if p.get("affiliation") else "") for p in x.get("speakers", []))
        e = Event()
        e.add("uid", x["id"] + "@bench")
        e.add("dtstamp", start)
        e.add("dtstart", start)
        e.add("dtend", end)
        e.add("summary", x["title"])
        e.add("location", x["room"])
        e.add("description", (f"Speaker: {sp}\n\n" if sp else "") + x.get("abstract", ""))
        e.add("categories", [t["name"]] + x.get("tags", []))
        e.add("status", "CONFIRMED")
        e["organizer"] = org
        cal.add_component(e)
with open(out, "wb") as f:
    f.write(cal.to_ical())
