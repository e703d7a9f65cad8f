#pragma once
// The JSON the dashboard reads. Times are unix seconds (the page formats them in KST); every
// string that came from a site is passed through as data, for the page to show as text.
#include <ctime>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "config/config.h"
#include "store/store.h"
#include "web/status_source.h"
#include "web/ticket_query.h"

namespace ta {

nlohmann::json ticket_json(const StoredTicket& t);
// /api/tickets: the page asked for, whether more follow, the genres to filter by, and the
// server's clock (the page counts "3시간 후 오픈" from it, not from the viewer's clock).
nlohmann::json tickets_view(Store& store, const TicketQuery& query, std::time_t now);
// /api/sites: the enabled sites in `sources` order, then any other site the store has cycles for.
nlohmann::json sites_view(const Config& config, Store& store, StatusSource& status, std::time_t now);
// /api/stats: 30 KST days oldest first (days without activity as zeros), the queue, the webhook.
nlohmann::json stats_view(const Config& config, Store& store, std::time_t now);
// /api/stats' "routes": one row per channel (name, configured, status ok/dead, last_error,
// waiting, sent, failed, last_sent_at, mention_role), then removed routes still holding messages.
nlohmann::json routes_view(const Config& config, Store& store);
// /api/reminders: the next `limit` reminders still scheduled, soonest first.
nlohmann::json reminders_view(Store& store, std::time_t now, int limit = 20);
// /api/changes: the latest schedule changes and cancellations (update and cancel messages), newest first.
nlohmann::json changes_view(Store& store, int limit = 20);

// The site's Korean name (인터파크 …), else the key.
std::string site_display_name(const std::string& site);
// Only http(s) links reach the page: a javascript: URL in an href would run when clicked.
std::string safe_link(const std::string& url);

}  // namespace ta
