#include "notify/rate_limit.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>

namespace ta {
namespace {

std::optional<double> number(const std::map<std::string, std::string>& h, const char* name) {
  auto it = h.find(name);
  if (it == h.end() || it->second.empty()) return std::nullopt;
  char* end = nullptr;
  double v = std::strtod(it->second.c_str(), &end);
  if (end == it->second.c_str() || !std::isfinite(v) || v < 0) return std::nullopt;
  return v;
}

std::string text(const std::map<std::string, std::string>& h, const char* name) {
  auto it = h.find(name);
  return it == h.end() ? "" : it->second;
}

}  // namespace

RateLimitHeaders parse_rate_limit_headers(const std::map<std::string, std::string>& h) {
  RateLimitHeaders r;
  // Bounded before the conversion: a huge header must not be undefined behaviour (fuzzing found it).
  auto whole = [](double v) { return static_cast<int>(std::min(v, 1e9)); };
  if (auto v = number(h, "x-ratelimit-limit")) r.limit = whole(*v);
  if (auto v = number(h, "x-ratelimit-remaining")) r.remaining = whole(*v);
  r.reset_after_s = number(h, "x-ratelimit-reset-after");
  r.retry_after_s = number(h, "retry-after");
  r.bucket = text(h, "x-ratelimit-bucket");
  r.scope = text(h, "x-ratelimit-scope");
  std::string global = text(h, "x-ratelimit-global");
  r.global = global == "true" || global == "True" || r.scope == "global";
  return r;
}

std::chrono::milliseconds seconds_to_wait(double seconds) {
  if (!(seconds > 0)) return std::chrono::milliseconds(0);
  // Cap absurd values (a day) so arithmetic on time points cannot overflow.
  double ms = std::min(std::ceil(seconds * 1000.0), 86400000.0);
  return std::chrono::milliseconds(static_cast<long long>(ms));
}

void RateLimitState::on_response(const RateLimitHeaders& h, Clock::time_point received) {
  if (!h.bucket.empty()) bucket_ = h.bucket;
  if (h.remaining && *h.remaining <= 0 && h.reset_after_s)
    next_allowed_at_ = std::max(next_allowed_at_, received + seconds_to_wait(*h.reset_after_s));
}

void RateLimitState::on_rate_limited(double retry_after_s, Clock::time_point received) {
  next_allowed_at_ = std::max(next_allowed_at_, received + seconds_to_wait(retry_after_s));
}

}  // namespace ta
