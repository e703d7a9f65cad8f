#pragma once
// Lookups in `announced` used inside larger transactions (the caller holds the Store's lock).
#include <optional>
#include <string>

#include "model/ticket.h"
#include "store/store.h"

namespace ta {

struct AnnouncedRow {
  AnnouncedEntry entry;
  bool legacy = false;  // imported from the old tool rather than sent by us
};

std::optional<AnnouncedRow> find_announced(Database& db, const std::string& site, const std::string& id);
// A legacy entry with the same title key on the ticket's site or an unknown site: with the same
// open time to the minute when both have one, else only while the old tool's alert is recent
// (kLegacyTitleOnlyDays before `now`) — a bare title must not silence a later show forever.
constexpr std::time_t kLegacyTitleOnlyDays = 30;
bool matches_legacy_title(Database& db, const Ticket& t, std::time_t now);
bool announced_unlocked(Database& db, const Ticket& t, std::time_t now);
// Remembers a sent announcement (latest values win, so a later update compares with them).
void remember_sent(Database& db, const Ticket& t, std::time_t now);
// Remembers a notice counted in a first-run summary; a real announcement is never overwritten.
void remember_summarized(Database& db, const Ticket& t, std::time_t now);

}  // namespace ta
