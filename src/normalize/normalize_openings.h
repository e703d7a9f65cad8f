#pragma once
// Raw openings of a detail page or a list row (docs/ticket-format.md, "The normalised opening")
// to the notice's openings. Never throws on any JSON.
#include <ctime>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "model/opening.h"

namespace ta {

// [{label, open_text, open_at?, round?}] -> cleaned openings: empties dropped, one per instant
// (a specific kind beats general/other at the same instant), timeless ones once per kind + label,
// ordered by time with the timeless last. `title` gives the kind of an opening without a label.
std::vector<Opening> normalize_openings(const nlohmann::json& raw, std::time_t now, const std::string& title);

}  // namespace ta
