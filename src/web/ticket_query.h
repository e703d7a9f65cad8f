#pragma once
// /api/tickets query parameters -> the store's UpcomingFilter. Day windows follow the KST calendar,
// because that is the day a Korean fan means by 오늘 / 내일 / 이번 주.
#include <ctime>
#include <map>
#include <optional>
#include <string>

#include "store/dashboard.h"

namespace ta {

constexpr int kDefaultTicketLimit = 50;
constexpr int kMaxTicketLimit = 200;

struct TicketQuery {
  UpcomingFilter filter;
  int limit = kDefaultTicketLimit;
  int offset = 0;
};

// site, genre, q (search), when = today | tomorrow | week, limit (1..200), offset (>= 0).
// - no when: from now on, undated notices after the dated ones;
// - today: the whole KST day (so notices that opened this morning still show, as 오픈됨);
// - tomorrow: the next KST day;
// - week: today until Monday 00:00 KST (weeks run Monday to Sunday).
// nullopt with a Korean message in `error` for a bad value.
std::optional<TicketQuery> parse_ticket_query(const std::multimap<std::string, std::string>& params, std::time_t now,
                                              std::string* error);

// 00:00 KST of the day containing `t`.
std::time_t kst_day_start(std::time_t t);

}  // namespace ta
