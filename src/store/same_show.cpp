#include "store/same_show.h"

#include <algorithm>
#include <cstdlib>
#include <vector>

#include "normalize/kst_time.h"
#include "normalize/match_text.h"
#include "store/opening_rows.h"
#include "store/ticket_row.h"
#include "store/title_key.h"

namespace ta {
namespace {


std::vector<std::time_t> timed_instants(const Ticket& t) {
  std::vector<std::time_t> out;
  for (const auto& o : t.openings)
    if (o.at)
      if (auto at = parse_iso(*o.at)) out.push_back(*at);
  return out;
}

bool openings_agree(const Ticket& a, const Ticket& b) {
  for (std::time_t x : timed_instants(a))
    for (std::time_t y : timed_instants(b))
      if (std::llabs(static_cast<long long>(x - y)) <= kSameShowWindow) return true;
  return false;
}

bool venues_agree(const std::string& a, const std::string& b) {
  if (a.empty() || b.empty()) return true;
  const std::u32string x = fold_for_match(a).chars;
  const std::u32string y = fold_for_match(b).chars;
  if (x.empty() || y.empty()) return true;
  return x.find(y) != std::u32string::npos || y.find(x) != std::u32string::npos;
}

}  // namespace

std::optional<Ticket> find_same_show(Database& db, const Ticket& t) {
  const std::string key = show_key(t.title);
  if (key.size() < kMinShowKeyBytes || timed_instants(t).empty()) return std::nullopt;
  Statement q(db, std::string("SELECT ") + kTicketColumns +
                      " FROM tickets WHERE site <> ? AND site_mark = 'none' AND listing = 'listed' "
                      "AND EXISTS (SELECT 1 FROM deliveries d WHERE d.site = tickets.site AND d.ticket_id = tickets.id "
                      "AND d.kind = 'new' AND d.status IN ('pending', 'deferred', 'retry', 'sent')) "
                      "ORDER BY first_seen, site, id");
  q.bind(1, t.site);
  while (q.step()) {
    Ticket other = read_ticket(q, 0);
    if (show_key(other.title) != key || !venues_agree(t.venue, other.venue)) continue;
    other.openings = load_openings(db, other.site, other.id);
    ensure_openings(other);
    if (openings_agree(t, other)) return other;
  }
  return std::nullopt;
}

bool alerted_on_route(Database& db, const std::string& route, const Ticket& original) {
  Statement q(db,
              "SELECT EXISTS (SELECT 1 FROM deliveries WHERE route = ? AND site = ? AND ticket_id = ? AND kind = 'new' "
              "AND status IN ('pending', 'deferred', 'retry', 'sent'))");
  q.bind(1, route).bind(2, original.site).bind(3, original.id);
  return q.step() && q.column_int(0) != 0;
}

}  // namespace ta
