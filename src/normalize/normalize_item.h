#pragma once
#include <ctime>
#include <string>

#include <nlohmann/json.hpp>

#include "model/ticket.h"

namespace ta {

// One raw extract item (docs/ticket-format.md) to a normalised Ticket. Extract scripts run
// against pages we do not control, so a missing, null or wrongly typed field reads as empty
// (only `id` and `open_at` may be numbers) and nothing throws. A missing title gives an empty
// title; dropping such items is the caller's decision. An `open_at` that cannot be read falls
// back to `open_text`. `now` (UTC epoch) anchors year-less and relative open times.
Ticket normalize_item(const nlohmann::json& item, const std::string& site, const std::string& site_name,
                      const std::string& page_url, std::time_t now);

}  // namespace ta
