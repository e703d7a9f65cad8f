#pragma once
// Read-only views the web dashboard shows.
#include <cstdint>
#include <ctime>
#include <optional>
#include <string>

#include "model/ticket.h"

namespace ta {

struct UpcomingFilter {
  std::string site;    // exact site key, "" = all
  std::string genre;   // exact genre, "" = all
  std::string search;  // case-insensitive (ASCII) substring of title or venue, "" = all
  std::optional<std::time_t> from;  // open_at >= from (default: now)
  std::optional<std::time_t> to;    // open_at < to
  bool include_undated = false;     // also list tickets without an open_at, after the dated ones
};

struct StoredTicket {
  Ticket ticket;
  std::time_t first_seen = 0;
  std::time_t last_seen = 0;
};

struct SiteStatus {
  std::string site;
  std::optional<std::time_t> last_success_at;
  std::optional<std::time_t> last_error_at;
  std::string last_error;     // of the latest failed cycle
  int items = 0;              // of the latest successful cycle
  std::string strategy;       // of the latest successful cycle
  std::int64_t duration_ms = 0;  // of the latest successful cycle
};

// One route's deliveries (store/delivery.h states), for the dashboard's channel table.
struct RouteCounts {
  std::string route;
  std::string webhook;  // the webhook key its latest delivery went to
  std::int64_t waiting = 0;  // pending, deferred or retry
  std::int64_t sent = 0;
  std::int64_t failed = 0;
  std::optional<std::time_t> last_sent_at;
};

struct DailyCount {
  std::string day;  // KST, YYYY-MM-DD
  std::string site;
  std::int64_t crawled = 0;
  std::int64_t new_items = 0;
  std::int64_t sent = 0;
  std::int64_t failed = 0;
};

}  // namespace ta
