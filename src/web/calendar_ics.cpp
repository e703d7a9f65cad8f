#include "web/calendar_ics.h"

#include <algorithm>
#include <cctype>
#include <cstdio>

#include "normalize/kst_time.h"
#include "normalize/open_type.h"
#include "web/api_views.h"

namespace ta {
namespace {

std::string utc_stamp(std::time_t t) {
  const KstDateTime k = kst_from_epoch(t - kKstOffsetSeconds);  // the wall clock at UTC
  char buf[24];
  std::snprintf(buf, sizeof buf, "%04d%02d%02dT%02d%02d%02dZ", k.date.year, k.date.month, k.date.day, k.hour, k.minute,
                k.second);
  return buf;
}

// Only what a UID may hold, so a site id with odd characters cannot break the line.
std::string uid_part(const std::string& s) {
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.') out += static_cast<char>(c);
    else {
      char hex[4];
      std::snprintf(hex, sizeof hex, "%%%02X", c);
      out += hex;
    }
  }
  return out;
}

void add(std::string& out, const std::string& line) { out += ics_fold(line) + "\r\n"; }

void add_event(std::string& out, const CalendarEvent& e, const std::vector<int>& alarms, std::time_t now) {
  const std::string label = e.label.empty() ? open_type_korean(e.kind) : e.label;
  add(out, "BEGIN:VEVENT");
  add(out, "UID:" + uid_part(e.site) + "-" + uid_part(e.notice_id) + "-" + uid_part(e.opening_key) + "@ticket-alarm");
  add(out, "DTSTAMP:" + utc_stamp(now));
  add(out, "DTSTART:" + utc_stamp(e.at));
  add(out, "DURATION:PT30M");
  add(out, "SUMMARY:" + ics_text("[" + label + "] " + e.title));
  if (!e.venue.empty()) add(out, "LOCATION:" + ics_text(e.venue));
  const std::string url = safe_link(e.url);
  if (!url.empty()) add(out, "URL:" + url);
  add(out, "DESCRIPTION:" + ics_text((e.site_name.empty() ? site_display_name(e.site) : e.site_name) + " · " + label +
                                     (url.empty() ? "" : "\n" + url)));
  add(out, "SEQUENCE:" + std::to_string(e.sequence));
  add(out, "LAST-MODIFIED:" + utc_stamp(e.modified_at));
  add(out, std::string("STATUS:") + (e.cancelled ? "CANCELLED" : "CONFIRMED"));
  if (!e.cancelled) {
    for (int minutes : alarms) {
      add(out, "BEGIN:VALARM");
      add(out, "ACTION:DISPLAY");
      add(out, "DESCRIPTION:" + ics_text(std::to_string(minutes) + "분 뒤 " + label + " 오픈: " + e.title));
      add(out, "TRIGGER:-PT" + std::to_string(minutes) + "M");
      add(out, "END:VALARM");
    }
  }
  add(out, "END:VEVENT");
}

}  // namespace

std::string ics_text(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '\\' || c == ';' || c == ',') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r' || (static_cast<unsigned char>(c) < 0x20 && c != '\t')) {
      continue;
    } else {
      out += c;
    }
  }
  return out;
}

std::string ics_fold(const std::string& line) {
  std::string out;
  std::size_t width = 0;
  for (std::size_t i = 0; i < line.size();) {
    std::size_t len = 1;
    const unsigned char c = static_cast<unsigned char>(line[i]);
    if (c >= 0xF0) len = 4;
    else if (c >= 0xE0) len = 3;
    else if (c >= 0xC0) len = 2;
    len = std::min(len, line.size() - i);
    if (width + len > 75) {
      out += "\r\n ";
      width = 1;
    }
    out.append(line, i, len);
    width += len;
    i += len;
  }
  return out;
}

std::string calendar_ics(const std::vector<CalendarEvent>& events, const std::vector<int>& alarm_minutes,
                         std::time_t now) {
  std::string out;
  add(out, "BEGIN:VCALENDAR");
  add(out, "VERSION:2.0");
  add(out, "PRODID:-//ticket-alarm//티켓 오픈 일정//KO");
  add(out, "CALSCALE:GREGORIAN");
  add(out, "METHOD:PUBLISH");
  add(out, "X-WR-CALNAME:" + ics_text("티켓 오픈 일정"));
  add(out, "X-WR-TIMEZONE:Asia/Seoul");
  add(out, "REFRESH-INTERVAL;VALUE=DURATION:PT30M");
  for (const auto& e : events) add_event(out, e, alarm_minutes, now);
  add(out, "END:VCALENDAR");
  return out;
}

}  // namespace ta
