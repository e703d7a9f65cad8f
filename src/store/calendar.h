#pragma once
// What the calendar feed (/calendar.ics) is made of: one event per timed opening a notice has had,
// with a key that survives the opening moving, a SEQUENCE that counts its changes, and a
// cancelled status once the notice no longer names it.
#include <cstdint>
#include <ctime>
#include <string>
#include <vector>

#include "model/ticket.h"
#include "store/sqlite.h"

namespace ta {

struct CalendarEvent {
  std::string site;
  std::string notice_id;
  std::string opening_key;  // kind|label|n: the n-th timed opening of that kind and label
  std::string kind;
  std::string label;
  std::time_t at = 0;
  int sequence = 0;
  std::time_t modified_at = 0;
  bool cancelled = false;
  // From the notice.
  std::string title;
  std::string url;
  std::string venue;
  std::string site_name;
};

struct CalendarQuery {
  std::string site;      // "" = every site
  std::string text;      // "" = all; else a part of the title or venue
  std::time_t from = 0;  // openings at or after this
  int limit = 2000;
};

// Records `t`'s timed openings (new: sequence 0; moved: sequence + 1) and cancels those it no
// longer names. Called by record_crawl when a notice's openings are new or changed.
void sync_calendar(Database& db, const Ticket& t, std::time_t now);

}  // namespace ta
