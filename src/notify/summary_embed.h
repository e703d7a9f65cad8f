#pragma once
// The first-run summary (config first_run "summary"): one embed saying how many ticket openings a
// newly watched site already lists and which come first, instead of one alert per notice.
#include <nlohmann/json.hpp>

#include "notify/embed_builder.h"
#include "notify/notice.h"

namespace ta {

// The number of upcoming notices listed by name; the rest are counted.
constexpr std::size_t kSummaryListed = 10;

nlohmann::json build_summary_embed(const Notice& notice, const EmbedOptions& options);

}  // namespace ta
