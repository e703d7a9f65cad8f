#include "store/first_run.h"

namespace ta {

bool is_first_crawl(Database& db, const std::string& site) {
  Statement q(db,
              "SELECT EXISTS (SELECT 1 FROM tickets WHERE site = ?1) OR EXISTS (SELECT 1 FROM announced WHERE site = ?1)");
  q.bind(1, site);
  return q.step() && q.column_int(0) == 0;
}

std::int64_t queue_summary(Database& db, const std::string& site, const std::vector<Ticket>& notices,
                           const std::string& route, const std::string& webhook_key, std::time_t now) {
  Ticket about;
  about.site = site;
  about.site_name = notices.empty() ? site : notices.front().site_name;
  nlohmann::json payload = to_json(about);
  payload["summary"] = nlohmann::json::array();
  for (const auto& t : notices) payload["summary"].push_back(to_json(t));
  Statement q(db,
              "INSERT INTO deliveries (site, ticket_id, webhook, kind, status, attempts, next_attempt_at, created_at, "
              "payload, route) VALUES (?, NULL, ?, 'summary', 'pending', 0, ?, ?, ?, ?)");
  q.bind(1, site).bind(2, webhook_key).bind(3, static_cast<std::int64_t>(now)).bind(4, static_cast<std::int64_t>(now));
  q.bind(5, payload.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)).bind(6, route);
  q.run();
  return db.last_insert_rowid();
}

std::vector<Ticket> summary_notices(const nlohmann::json& payload) {
  std::vector<Ticket> out;
  const auto it = payload.find("summary");
  if (it == payload.end() || !it->is_array()) return out;
  for (const auto& j : *it)
    if (j.is_object()) out.push_back(ticket_from_json(j));
  return out;
}

}  // namespace ta
