#pragma once
// One legacy record (a bare key or an object) -> an AnnouncedEntry, or why it was skipped.
#include <ctime>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "store/store.h"

namespace ta {

struct LegacyEntry {
  std::optional<AnnouncedEntry> entry;  // nullopt: skipped for `skip_reason`
  bool mapped = false;                  // (site, id) as the crawler would produce them
  std::string skip_reason;
};

// `key`: the record's own key when it came from a JSON object member ("" for list items);
// `value`: the record. Timestamps that cannot be read fall back to `now`.
LegacyEntry legacy_entry(const std::string& key, const nlohmann::json& value, std::time_t now);

// An open or sent time: ISO 8601, "2025.07.03(목) 20:00", "2025년 7월 3일 20:00", epoch seconds or
// milliseconds. A date without a time is not a point in time: nullopt.
std::optional<std::time_t> legacy_time(const nlohmann::json& value);

}  // namespace ta
