#include <cmath>

#include "normalize/kst_time.h"
#include "normalize/open_time.h"
#include "normalize/text_clean.h"

namespace ta {

namespace {

// Far enough for any real open time, small enough that seconds never overflow time_t.
constexpr long long kMaxEpochMs = 100000000000000LL;  // year 5138

std::optional<std::string> from_epoch_ms(long long ms) {
  // Zero and negatives are "unknown" placeholders in site APIs, not 1970.
  if (ms <= 0 || ms > kMaxEpochMs) return std::nullopt;
  return format_kst_iso(static_cast<std::time_t>(ms / 1000));
}

bool all_digits(const std::string& s) {
  if (s.empty() || s.size() > 15) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

}  // namespace

std::optional<std::string> open_time_from_value(const nlohmann::json& value, std::time_t now) {
  if (value.is_number_unsigned()) {
    auto ms = value.get<unsigned long long>();
    if (ms > static_cast<unsigned long long>(kMaxEpochMs)) return std::nullopt;
    return from_epoch_ms(static_cast<long long>(ms));
  }
  if (value.is_number_integer()) return from_epoch_ms(value.get<long long>());
  if (value.is_number_float()) {
    double ms = value.get<double>();
    if (!std::isfinite(ms) || ms <= 0 || ms > static_cast<double>(kMaxEpochMs)) return std::nullopt;
    return from_epoch_ms(static_cast<long long>(std::floor(ms)));
  }
  if (!value.is_string()) return std::nullopt;
  std::string s = clean_text(value.get<std::string>());
  if (all_digits(s)) return from_epoch_ms(std::stoll(s));
  if (auto at = parse_iso(s)) return format_kst_iso(*at);
  return parse_open_time(s, now);
}

}  // namespace ta
