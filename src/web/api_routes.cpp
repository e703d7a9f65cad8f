// /api/stats' channel table: one row per route (config routes and the old keys' default route),
// with its webhook's ok/dead state and its deliveries; a route taken out of the config that
// still holds waiting messages is listed too, so nothing waits unseen.
#include <set>

#include "log/log.h"
#include "notify/webhook_url.h"
#include "web/api_views.h"

namespace ta {
namespace {

nlohmann::json counts_json(const RouteCounts* c) {
  nlohmann::json j = {{"waiting", c ? c->waiting : 0}, {"sent", c ? c->sent : 0}, {"failed", c ? c->failed : 0}};
  j["last_sent_at"] = c && c->last_sent_at ? nlohmann::json(static_cast<std::int64_t>(*c->last_sent_at)) : nlohmann::json();
  return j;
}

const RouteCounts* find_counts(const std::vector<RouteCounts>& all, const std::string& route) {
  for (const auto& c : all)
    if (c.route == route) return &c;
  return nullptr;
}

}  // namespace

nlohmann::json routes_view(const Config& config, Store& store) {
  const auto counts = store.route_counts();
  nlohmann::json rows = nlohmann::json::array();
  std::set<std::string> shown;
  for (const auto& r : delivery_routes(config)) {
    nlohmann::json row = counts_json(find_counts(counts, r.name));
    row["route"] = r.name;
    row["name"] = route_display_name(r.name);
    row["configured"] = !r.webhook.empty();
    row["mention_role"] = r.mention_role;
    row["status"] = nullptr;
    row["last_error"] = "";
    if (const std::string key = webhook_key(r.webhook); !key.empty())
      if (auto state = store.webhook_status(key)) {
        row["status"] = state->status;
        row["last_error"] = redact(state->last_error);
      }
    rows.push_back(std::move(row));
    shown.insert(r.name);
  }
  for (const auto& c : counts) {
    if (shown.count(c.route) || c.waiting == 0) continue;
    nlohmann::json row = counts_json(&c);
    row["route"] = c.route;
    row["name"] = route_display_name(c.route);
    row["configured"] = false;
    row["removed"] = true;  // waiting for a route the config no longer has
    row["mention_role"] = "";
    row["status"] = nullptr;
    row["last_error"] = "";
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace ta
