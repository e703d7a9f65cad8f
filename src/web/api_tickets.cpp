#include <set>

#include "normalize/open_type.h"
#include "normalize/kst_time.h"
#include "web/api_views.h"

namespace ta {
namespace {

// Enough for every notice a few sites list; the genre menu is built from them.
constexpr int kGenreScanLimit = 2000;

nlohmann::json optional_epoch(const std::optional<std::string>& iso) {
  if (!iso) return nullptr;
  auto t = parse_iso(*iso);
  return t ? nlohmann::json(static_cast<std::int64_t>(*t)) : nlohmann::json(nullptr);
}

}  // namespace

std::string safe_link(const std::string& url) {
  if (url.rfind("https://", 0) == 0 || url.rfind("http://", 0) == 0) return url;
  return "";
}

nlohmann::json openings_json(const Ticket& t) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& o : t.openings)
    out.push_back({{"kind", o.kind},
                   {"label", o.label},
                   {"name", open_type_display(o.label, o.kind)},
                   {"at", o.at ? nlohmann::json(*o.at) : nlohmann::json(nullptr)},
                   {"epoch", optional_epoch(o.at)},
                   {"round", o.round ? nlohmann::json(*o.round) : nlohmann::json(nullptr)}});
  return out;
}

nlohmann::json ticket_json(const StoredTicket& s) {
  const Ticket& t = s.ticket;
  return {{"site", t.site},
          {"site_name", t.site_name.empty() ? site_display_name(t.site) : t.site_name},
          {"id", t.id},
          {"title", t.title},
          {"open_at", t.open_at ? nlohmann::json(*t.open_at) : nlohmann::json(nullptr)},
          {"open_epoch", optional_epoch(t.open_at)},
          {"open_text", t.open_text},
          {"open_type", t.open_type},
          {"open_type_label", t.open_type_label},
          {"open_type_name", open_type_display(t.open_type_label, t.open_type)},
          {"venue", t.venue},
          {"url", safe_link(t.url)},
          {"badges", t.badges},
          {"genre", t.genre},
          {"openings", openings_json(t)},
          {"first_seen", static_cast<std::int64_t>(s.first_seen)}};
}

nlohmann::json tickets_view(Store& store, const TicketQuery& query, std::time_t now) {
  // One row more than asked tells whether another page exists.
  auto rows = store.upcoming(now, query.filter, query.limit + 1, query.offset);
  const bool more = static_cast<int>(rows.size()) > query.limit;
  if (more) rows.pop_back();
  nlohmann::json list = nlohmann::json::array();
  for (const auto& r : rows) list.push_back(ticket_json(r));

  UpcomingFilter all;
  all.from = now;
  all.include_undated = true;
  std::set<std::string> genres;
  for (const auto& r : store.upcoming(now, all, kGenreScanLimit, 0))
    if (!r.ticket.genre.empty()) genres.insert(r.ticket.genre);

  return {{"now", static_cast<std::int64_t>(now)},
          {"tickets", list},
          {"limit", query.limit},
          {"offset", query.offset},
          {"has_more", more},
          {"genres", genres}};
}

}  // namespace ta
