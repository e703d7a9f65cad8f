#include "store/announced_lookup.h"

#include "store/sqlite.h"
#include "normalize/kst_time.h"
#include "store/title_key.h"

namespace ta {
namespace {

std::optional<std::time_t> minute_of(const std::optional<std::string>& iso) {
  if (!iso) return std::nullopt;
  auto t = parse_iso(*iso);
  if (!t) return std::nullopt;
  return *t / 60;
}

}  // namespace

std::optional<AnnouncedRow> find_announced(Database& db, const std::string& site, const std::string& id) {
  Statement q(db, "SELECT open_at, open_type, announced_at, title, source FROM announced WHERE site = ? AND id = ?");
  q.bind(1, site).bind(2, id);
  if (!q.step()) return std::nullopt;
  AnnouncedRow row;
  row.legacy = q.column_text(4) == "legacy";
  AnnouncedEntry& e = row.entry;
  e.site = site;
  e.id = id;
  e.open_at = q.column_optional_text(0);
  e.open_type = q.column_text(1);
  e.announced_at = static_cast<std::time_t>(q.column_int(2));
  e.title = q.column_text(3);
  return row;
}

bool matches_legacy_title(Database& db, const Ticket& t, std::time_t now) {
  const std::string key = title_key(t.title);
  if (key.empty()) return false;
  Statement q(db,
              "SELECT open_at, announced_at FROM announced WHERE source = 'legacy' AND title_key = ? AND "
              "(site = '' OR site = ?)");
  q.bind(1, key).bind(2, t.site);
  const auto ticket_minute = minute_of(t.open_at);
  while (q.step()) {
    const auto legacy_minute = minute_of(q.column_optional_text(0));
    if (ticket_minute && legacy_minute) {
      if (*ticket_minute == *legacy_minute) return true;
      continue;
    }
    if (now - static_cast<std::time_t>(q.column_int(1)) <= kLegacyTitleOnlyDays * 86400) return true;
  }
  return false;
}

bool announced_unlocked(Database& db, const Ticket& t, std::time_t now) {
  return find_announced(db, t.site, t.id).has_value() || matches_legacy_title(db, t, now);
}

void remember_sent(Database& db, const Ticket& t, std::time_t now) {
  Statement q(db,
              "INSERT INTO announced (site, id, open_at, open_type, announced_at, title, title_key, source) "
              "VALUES (?, ?, ?, ?, ?, ?, ?, 'sent') "
              "ON CONFLICT(site, id) DO UPDATE SET open_at = excluded.open_at, open_type = excluded.open_type, "
              "announced_at = excluded.announced_at, title = excluded.title, title_key = excluded.title_key, "
              "source = 'sent'");
  q.bind(1, t.site).bind(2, t.id).bind(3, t.open_at).bind(4, t.open_type).bind(5, static_cast<std::int64_t>(now));
  q.bind(6, t.title).bind(7, title_key(t.title));
  q.run();
}

void remember_summarized(Database& db, const Ticket& t, std::time_t now) {
  Statement q(db,
              "INSERT INTO announced (site, id, open_at, open_type, announced_at, title, title_key, source) "
              "VALUES (?, ?, ?, ?, ?, ?, ?, 'summary') ON CONFLICT(site, id) DO NOTHING");
  q.bind(1, t.site).bind(2, t.id).bind(3, t.open_at).bind(4, t.open_type).bind(5, static_cast<std::int64_t>(now));
  q.bind(6, t.title).bind(7, title_key(t.title));
  q.run();
}

bool Store::is_announced(const Ticket& ticket, std::time_t now) {
  std::lock_guard<std::mutex> lock(mutex_);
  return announced_unlocked(*db_, ticket, now);
}

int Store::add_legacy_announced(const std::vector<AnnouncedEntry>& entries) {
  std::lock_guard<std::mutex> lock(mutex_);
  Transaction tx(*db_);
  // DO NOTHING: a real announcement already recorded is better data than a legacy guess.
  Statement q(*db_,
              "INSERT INTO announced (site, id, open_at, open_type, announced_at, title, title_key, source) "
              "VALUES (?, ?, ?, ?, ?, ?, ?, 'legacy') ON CONFLICT(site, id) DO NOTHING");
  int inserted = 0;
  for (const auto& e : entries) {
    q.reset();
    q.bind(1, e.site).bind(2, e.id).bind(3, e.open_at).bind(4, e.open_type);
    q.bind(5, static_cast<std::int64_t>(e.announced_at)).bind(6, e.title).bind(7, title_key(e.title));
    q.run();
    inserted += db_->changes();
  }
  tx.commit();
  return inserted;
}

}  // namespace ta
