#include "store/calendar.h"

#include <map>

#include "normalize/kst_time.h"
#include "store/store.h"

namespace ta {
namespace {

struct TimedOpening {
  std::string kind;
  std::string label;
  std::time_t at = 0;
};

// kind|label|n -> the opening, for the timed openings in time order.
std::map<std::string, TimedOpening> timed_openings(const Ticket& t) {
  std::map<std::string, TimedOpening> out;
  std::map<std::string, int> seen;
  for (const auto& o : t.openings) {
    const auto at = o.at ? parse_iso(*o.at) : std::nullopt;
    if (!at) continue;
    const std::string base = o.kind + "|" + o.label;
    out[base + "|" + std::to_string(seen[base]++)] = TimedOpening{o.kind, o.label, *at};
  }
  return out;
}

}  // namespace

void sync_calendar(Database& db, const Ticket& t, std::time_t now) {
  const auto openings = timed_openings(t);
  Statement known(db, "SELECT opening_key, at_epoch, status FROM calendar_events WHERE site = ? AND notice_id = ?");
  known.bind(1, t.site).bind(2, t.id);
  std::map<std::string, std::pair<std::time_t, bool>> stored;  // key -> (at, cancelled)
  while (known.step())
    stored[known.column_text(0)] = {static_cast<std::time_t>(known.column_int(1)), known.column_text(2) == "cancelled"};

  Statement upsert(db,
                   "INSERT INTO calendar_events (site, notice_id, opening_key, kind, label, at_epoch, sequence, "
                   "modified_at, status) VALUES (?, ?, ?, ?, ?, ?, 0, ?, 'confirmed') "
                   "ON CONFLICT (site, notice_id, opening_key) DO UPDATE SET at_epoch = excluded.at_epoch, "
                   "sequence = calendar_events.sequence + 1, modified_at = excluded.modified_at, status = 'confirmed'");
  for (const auto& [key, o] : openings) {
    const auto it = stored.find(key);
    if (it != stored.end() && it->second.first == o.at && !it->second.second) continue;  // unchanged
    upsert.reset();
    upsert.bind(1, t.site).bind(2, t.id).bind(3, key).bind(4, o.kind).bind(5, o.label);
    upsert.bind(6, static_cast<std::int64_t>(o.at));
    upsert.bind(7, static_cast<std::int64_t>(now));
    upsert.run();
  }
  Statement cancel(db,
                   "UPDATE calendar_events SET status = 'cancelled', sequence = sequence + 1, modified_at = ? "
                   "WHERE site = ? AND notice_id = ? AND opening_key = ?");
  for (const auto& [key, row] : stored) {
    if (row.second || openings.count(key)) continue;
    cancel.reset();
    cancel.bind(1, static_cast<std::int64_t>(now)).bind(2, t.site).bind(3, t.id).bind(4, key);
    cancel.run();
  }
}

std::vector<CalendarEvent> Store::calendar_events(const CalendarQuery& query) {
  std::lock_guard<std::mutex> lock(mutex_);
  Statement q(*db_,
              "SELECT c.site, c.notice_id, c.opening_key, c.kind, c.label, c.at_epoch, c.sequence, c.modified_at, "
              "c.status, t.title, t.url, t.venue, t.site_name FROM calendar_events c "
              "JOIN tickets t ON t.site = c.site AND t.id = c.notice_id "
              "WHERE c.at_epoch >= :from AND (:site = '' OR c.site = :site) "
              "AND (:text = '' OR instr(lower(t.title), lower(:text)) > 0 OR instr(lower(t.venue), lower(:text)) > 0) "
              "ORDER BY c.at_epoch, c.site, c.notice_id, c.opening_key LIMIT :limit");
  q.bind(":from", static_cast<std::int64_t>(query.from)).bind(":site", query.site).bind(":text", query.text);
  q.bind(":limit", static_cast<std::int64_t>(query.limit));
  std::vector<CalendarEvent> out;
  while (q.step()) {
    CalendarEvent e;
    e.site = q.column_text(0);
    e.notice_id = q.column_text(1);
    e.opening_key = q.column_text(2);
    e.kind = q.column_text(3);
    e.label = q.column_text(4);
    e.at = static_cast<std::time_t>(q.column_int(5));
    e.sequence = static_cast<int>(q.column_int(6));
    e.modified_at = static_cast<std::time_t>(q.column_int(7));
    e.cancelled = q.column_text(8) == "cancelled";
    e.title = q.column_text(9);
    e.url = q.column_text(10);
    e.venue = q.column_text(11);
    e.site_name = q.column_text(12);
    out.push_back(std::move(e));
  }
  return out;
}

}  // namespace ta
