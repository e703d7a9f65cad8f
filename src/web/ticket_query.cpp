#include "web/ticket_query.h"

#include <cctype>

namespace ta {
namespace {

constexpr std::time_t kDay = 86400;
constexpr std::time_t kKstOffset = 9 * 3600;

std::string param(const std::multimap<std::string, std::string>& params, const std::string& key) {
  auto it = params.find(key);
  return it == params.end() ? std::string() : it->second;
}

std::optional<int> small_number(const std::string& text) {
  if (text.empty() || text.size() > 6) return std::nullopt;
  for (char c : text)
    if (!std::isdigit(static_cast<unsigned char>(c))) return std::nullopt;
  return std::stoi(text);
}

}  // namespace

std::time_t kst_day_start(std::time_t t) {
  const std::time_t local = t + kKstOffset;
  std::time_t into_day = local % kDay;
  if (into_day < 0) into_day += kDay;
  return t - into_day;
}

std::optional<TicketQuery> parse_ticket_query(const std::multimap<std::string, std::string>& params, std::time_t now,
                                              std::string* error) {
  TicketQuery q;
  q.filter.site = param(params, "site");
  q.filter.genre = param(params, "genre");
  q.filter.search = param(params, "q");

  const std::string when = param(params, "when");
  const std::time_t today = kst_day_start(now);
  if (when.empty() || when == "all") {
    q.filter.from = now;
    q.filter.include_undated = true;
  } else if (when == "today") {
    q.filter.from = today;
    q.filter.to = today + kDay;
  } else if (when == "tomorrow") {
    q.filter.from = today + kDay;
    q.filter.to = today + 2 * kDay;
  } else if (when == "week") {
    // 1970-01-01 was a Thursday: +3 makes Monday 0.
    const std::time_t weekday = ((today + kKstOffset) / kDay + 3) % 7;
    q.filter.from = today;
    q.filter.to = today + (7 - weekday) * kDay;
  } else {
    if (error) *error = "when은 today, tomorrow, week 중 하나여야 합니다";
    return std::nullopt;
  }

  if (const std::string limit = param(params, "limit"); !limit.empty()) {
    auto n = small_number(limit);
    if (!n || *n < 1 || *n > kMaxTicketLimit) {
      if (error) *error = "limit은 1~" + std::to_string(kMaxTicketLimit) + " 사이의 숫자여야 합니다";
      return std::nullopt;
    }
    q.limit = *n;
  }
  if (const std::string offset = param(params, "offset"); !offset.empty()) {
    auto n = small_number(offset);
    if (!n) {
      if (error) *error = "offset은 0 이상의 숫자여야 합니다";
      return std::nullopt;
    }
    q.offset = *n;
  }
  return q;
}

}  // namespace ta
