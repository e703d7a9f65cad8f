#pragma once
// /calendar.ics: every timed opening as an iCalendar (RFC 5545) VEVENT that Google Calendar and
// iOS can subscribe to — a UID that survives a move, DTSTART in UTC, SEQUENCE and LAST-MODIFIED
// that change when the opening moves, STATUS:CANCELLED once withdrawn, a VALARM per reminder.
#include <ctime>
#include <string>
#include <vector>

#include "store/calendar.h"

namespace ta {

std::string calendar_ics(const std::vector<CalendarEvent>& events, const std::vector<int>& alarm_minutes,
                         std::time_t now);

// RFC 5545 TEXT: backslash, semicolon, comma and newlines escaped.
std::string ics_text(const std::string& s);
// Lines of at most 75 octets, continued with CRLF + space, never inside a UTF-8 character.
std::string ics_fold(const std::string& line);

}  // namespace ta
