#pragma once
// A site's first crawl into this store (config first_run "summary"): one summary delivery rather
// than an alert for every notice the site lists. Called inside record_crawl's transaction.
#include <cstdint>
#include <ctime>
#include <string>
#include <vector>

#include "model/ticket.h"
#include "store/sqlite.h"

namespace ta {

// No notice of `site` is stored or was ever announced (by us, the old tool or a summary).
bool is_first_crawl(Database& db, const std::string& site);

// Queues the summary of `notices` (kind 'summary', no ticket of its own); returns its id.
std::int64_t queue_summary(Database& db, const std::string& site, const std::vector<Ticket>& notices,
                           const std::string& route, const std::string& webhook_key, std::time_t now);

// The payload's notices, as queue_summary wrote them.
std::vector<Ticket> summary_notices(const nlohmann::json& payload);

}  // namespace ta
