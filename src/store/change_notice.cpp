#include "store/change_notice.h"

#include <string_view>

#include "store/opening_rows.h"
#include "store/ticket_row.h"
#include "store/title_key.h"

namespace ta {
namespace {

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

bool same_show(const std::string& a, const std::string& b) {
  if (a.size() < kMinShowKeyBytes || b.size() < kMinShowKeyBytes) return false;
  return starts_with(a, b) || starts_with(b, a);
}

}  // namespace

std::optional<Ticket> find_original(Database& db, const Ticket& change_notice) {
  const std::string key = show_key(change_notice.title);
  if (key.size() < kMinShowKeyBytes) return std::nullopt;
  Statement q(db, std::string("SELECT ") + kTicketColumns +
                      " FROM tickets WHERE site = ? AND id <> ? AND site_mark = 'none' "
                      "AND listing IN ('listed', 'withdrawn') ORDER BY last_seen DESC, first_seen DESC");
  q.bind(1, change_notice.site).bind(2, change_notice.id);
  std::optional<Ticket> found;
  while (q.step()) {
    Ticket t = read_ticket(q, 0);
    const std::string other = show_key(t.title);
    if (other == key) {
      found = std::move(t);
      break;
    }
    if (!found && same_show(key, other)) found = std::move(t);
  }
  if (found) {
    found->openings = load_openings(db, found->site, found->id);
    ensure_openings(*found);
  }
  return found;
}

}  // namespace ta
