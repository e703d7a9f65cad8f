#include "store/opening_rows.h"
#include "store/sqlite.h"
#include "store/store.h"
#include "normalize/kst_time.h"
#include "store/ticket_row.h"

namespace ta {
namespace {

// LIKE treats % and _ as wildcards; a user searching for "100%" means the character.
std::string like_pattern(const std::string& text) {
  std::string out = "%";
  for (char c : text) {
    if (c == '%' || c == '_' || c == '\\') out += '\\';
    out += c;
  }
  return out + "%";
}

StoredTicket read_stored(Database& db, const Statement& q) {
  StoredTicket s;
  s.ticket = read_ticket(q, 0);
  s.ticket.openings = load_openings(db, s.ticket.site, s.ticket.id);
  ensure_openings(s.ticket);
  s.first_seen = static_cast<std::time_t>(q.column_int(kTicketColumnCount));
  s.last_seen = static_cast<std::time_t>(q.column_int(kTicketColumnCount + 1));
  return s;
}

}  // namespace

std::vector<StoredTicket> Store::upcoming(std::time_t now, const UpcomingFilter& f, int limit, int offset) {
  std::lock_guard<std::mutex> lock(mutex_);
  // A notice is as upcoming as its next opening (a presale before the headline counts).
  Statement q(*db_, std::string("SELECT ") + kTicketColumns +
                        ", first_seen, last_seen FROM (SELECT tickets.*, COALESCE("
                        "  (SELECT MIN(o.at_epoch) FROM openings o WHERE o.site = tickets.site "
                        "   AND o.notice_id = tickets.id AND o.at_epoch >= :from), "
                        "  CASE WHEN open_at_epoch >= :from THEN open_at_epoch END) AS next_at FROM tickets) "
                        "WHERE ((next_at IS NOT NULL AND (:to IS NULL OR next_at < :to)) "
                        "       OR (:undated AND open_at_epoch IS NULL AND next_at IS NULL)) "
                        "AND (:site = '' OR site = :site) AND (:genre = '' OR genre = :genre) "
                        "AND (:search = '' OR title LIKE :pattern ESCAPE '\\' OR venue LIKE :pattern ESCAPE '\\') "
                        "ORDER BY next_at IS NULL, next_at, site, id LIMIT :limit OFFSET :offset");
  q.bind(":from", static_cast<std::int64_t>(f.from.value_or(now)));
  if (f.to)
    q.bind(":to", static_cast<std::int64_t>(*f.to));
  else
    q.bind_null(":to");
  q.bind(":undated", f.include_undated ? 1 : 0);
  q.bind(":site", f.site).bind(":genre", f.genre).bind(":search", f.search).bind(":pattern", like_pattern(f.search));
  q.bind(":limit", limit).bind(":offset", offset);
  std::vector<StoredTicket> out;
  while (q.step()) out.push_back(read_stored(*db_, q));
  return out;
}

std::optional<StoredTicket> Store::ticket(const std::string& site, const std::string& id) {
  std::lock_guard<std::mutex> lock(mutex_);
  Statement q(*db_, std::string("SELECT ") + kTicketColumns + ", first_seen, last_seen FROM tickets "
                                                              "WHERE site = ? AND id = ?");
  q.bind(1, site).bind(2, id);
  if (!q.step()) return std::nullopt;
  return read_stored(*db_, q);
}

std::vector<SiteStatus> Store::site_status() {
  std::lock_guard<std::mutex> lock(mutex_);
  std::vector<SiteStatus> out;
  Statement sites(*db_, "SELECT DISTINCT site FROM cycles ORDER BY site");
  Statement success(*db_,
                    "SELECT started_at, items, strategy, duration_ms FROM cycles WHERE site = ? AND error = '' "
                    "ORDER BY started_at DESC, id DESC LIMIT 1");
  Statement failure(*db_,
                    "SELECT started_at, error FROM cycles WHERE site = ? AND error <> '' "
                    "ORDER BY started_at DESC, id DESC LIMIT 1");
  while (sites.step()) {
    SiteStatus s;
    s.site = sites.column_text(0);
    success.reset();
    success.bind(1, s.site);
    if (success.step()) {
      s.last_success_at = static_cast<std::time_t>(success.column_int(0));
      s.items = static_cast<int>(success.column_int(1));
      s.strategy = success.column_text(2);
      s.duration_ms = success.column_int(3);
    }
    failure.reset();
    failure.bind(1, s.site);
    if (failure.step()) {
      s.last_error_at = static_cast<std::time_t>(failure.column_int(0));
      s.last_error = failure.column_text(1);
    }
    out.push_back(std::move(s));
  }
  return out;
}

std::vector<DailyCount> Store::daily_counts(std::time_t now, int days) {
  std::lock_guard<std::mutex> lock(mutex_);
  std::vector<DailyCount> out;
  if (days <= 0) return out;
  // KST day strings sort like dates, so a range on the text column is a range of days.
  Statement q(*db_,
              "SELECT day, site, crawled, new, sent, failed FROM daily_stats WHERE day >= ? AND day <= ? "
              "ORDER BY day DESC, site");
  q.bind(1, format_kst_day(now - static_cast<std::time_t>(days - 1) * 86400)).bind(2, format_kst_day(now));
  while (q.step()) {
    DailyCount c;
    c.day = q.column_text(0);
    c.site = q.column_text(1);
    c.crawled = q.column_int(2);
    c.new_items = q.column_int(3);
    c.sent = q.column_int(4);
    c.failed = q.column_int(5);
    out.push_back(std::move(c));
  }
  return out;
}

}  // namespace ta
