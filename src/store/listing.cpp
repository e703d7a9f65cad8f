#include "store/listing.h"

#include <algorithm>
#include <limits>
#include <optional>

namespace ta {

const char* to_string(Listing listing) {
  switch (listing) {
    case Listing::listed: return "listed";
    case Listing::withdrawn: return "withdrawn";
    case Listing::cancelled: return "cancelled";
    case Listing::superseded: return "superseded";
  }
  return "listed";
}

Listing listing_from(const std::string& text) {
  if (text == "withdrawn") return Listing::withdrawn;
  if (text == "cancelled") return Listing::cancelled;
  if (text == "superseded") return Listing::superseded;
  return Listing::listed;
}

namespace {

// Site ids grow with each notice posted; a hash id (h-…) has no order.
std::optional<unsigned long long> numeric_id(const std::string& id) {
  if (id.empty() || id.size() > 18 || !std::all_of(id.begin(), id.end(), [](char c) { return c >= '0' && c <= '9'; }))
    return std::nullopt;
  return std::stoull(id);
}

}  // namespace

std::vector<MissingNotice> count_missing(Database& db, const std::string& site, const std::set<std::string>& listed_ids,
                                         bool list_complete) {
  struct Row {
    std::string id;
    std::int64_t first_seen;
    int missing;
  };
  std::vector<Row> absent;
  std::int64_t oldest_listed = std::numeric_limits<std::int64_t>::max();
  std::optional<unsigned long long> lowest_listed_id;
  Statement q(db, "SELECT id, first_seen, missing_crawls FROM tickets WHERE site = ? AND listing = 'listed'");
  q.bind(1, site);
  while (q.step()) {
    Row r{q.column_text(0), q.column_int(1), static_cast<int>(q.column_int(2))};
    if (!listed_ids.count(r.id)) {
      absent.push_back(std::move(r));
      continue;
    }
    oldest_listed = std::min(oldest_listed, r.first_seen);
    if (const auto n = numeric_id(r.id)) lowest_listed_id = std::min(lowest_listed_id.value_or(*n), *n);
  }
  // Newer than a notice the crawl listed: it would have been listed too.
  auto within_what_was_read = [&](const Row& r) {
    const auto n = numeric_id(r.id);
    return list_complete || r.first_seen > oldest_listed || (n && lowest_listed_id && *n > *lowest_listed_id);
  };
  std::vector<MissingNotice> counted;
  Statement bump(db, "UPDATE tickets SET missing_crawls = missing_crawls + 1 WHERE site = ? AND id = ?");
  for (const auto& r : absent) {
    if (!within_what_was_read(r)) continue;
    bump.reset();
    bump.bind(1, site).bind(2, r.id);
    bump.run();
    counted.push_back({r.id, r.missing + 1});
  }
  return counted;
}

void set_listing(Database& db, const std::string& site, const std::string& id, Listing listing) {
  Statement q(db, "UPDATE tickets SET listing = ? WHERE site = ? AND id = ?");
  q.bind(1, std::string(to_string(listing))).bind(2, site).bind(3, id);
  q.run();
}

void cancel_schedule(Database& db, const std::string& site, const std::string& id, std::time_t now) {
  Statement reminders(db, "UPDATE reminders SET status = 'cancelled' WHERE site = ? AND notice_id = ? AND status = 'scheduled'");
  reminders.bind(1, site).bind(2, id);
  reminders.run();
  Statement calendar(db,
                     "UPDATE calendar_events SET status = 'cancelled', sequence = sequence + 1, modified_at = ? "
                     "WHERE site = ? AND notice_id = ? AND status = 'confirmed'");
  calendar.bind(1, static_cast<std::int64_t>(now)).bind(2, site).bind(3, id);
  calendar.run();
}

}  // namespace ta
