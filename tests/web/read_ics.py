#!/usr/bin/python3
"""Parses an iCalendar file with python3-icalendar (a real parser) and prints its events as JSON,
for tests/web/calendar_test.cpp to check: uid, start (UTC epoch), summary, status, sequence,
url, location and each alarm's trigger in minutes before."""
import json
import sys

from icalendar import Calendar

with open(sys.argv[1], "rb") as f:
    cal = Calendar.from_ical(f.read())
events = []
for ev in cal.walk("VEVENT"):
    alarms = [-int(a.decoded("TRIGGER").total_seconds() // 60) for a in ev.walk("VALARM")]
    events.append({
        "uid": str(ev.get("UID")),
        "start": int(ev.decoded("DTSTART").timestamp()),
        "summary": str(ev.get("SUMMARY")),
        "status": str(ev.get("STATUS")),
        "sequence": int(ev.get("SEQUENCE")),
        "url": str(ev.get("URL", "")),
        "location": str(ev.get("LOCATION", "")),
        "alarms": alarms,
    })
print(json.dumps({"name": str(cal.get("X-WR-CALNAME")), "events": events}, ensure_ascii=False))
