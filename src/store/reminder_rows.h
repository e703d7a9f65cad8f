#pragma once
// Keeping a notice's reminders in step with its openings, inside record_crawl's transaction.
#include <ctime>
#include <string>
#include <vector>

#include "model/ticket.h"
#include "store/sqlite.h"

namespace ta {

struct ReminderPolicy {
  std::vector<int> offsets;  // minutes before each opening
  std::string route = "default";  // one set of reminders per route (channel)
  std::string webhook_key;
  bool wanted = true;     // false: the notice does not pass KEYWORDS / EXCLUDE_KEYWORDS
  bool priority = false;  // PRIORITY_KEYWORDS: the reminder pings like the first alert
};

// Schedules a reminder per timed opening and offset that is still ahead, and cancels the
// scheduled ones no longer wanted (the opening moved, went away, or the notice stopped matching).
// For policy.route only.
void sync_reminders(Database& db, const Ticket& t, const ReminderPolicy& policy, std::time_t now);

// Cancels the site's scheduled reminders for routes not in `routes` (taken out of the config).
void cancel_reminders_outside(Database& db, const std::string& site, const std::vector<std::string>& routes);

}  // namespace ta
