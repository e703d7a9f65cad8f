#pragma once
// Discord's per-route bucket as the last responses described it, so the next request can be
// held back instead of provoking a 429 (invalid requests count toward a Cloudflare ban).
#include <chrono>
#include <map>
#include <optional>
#include <string>

namespace ta {

struct RateLimitHeaders {
  std::optional<int> limit;
  std::optional<int> remaining;
  std::optional<double> reset_after_s;
  std::optional<double> retry_after_s;  // Retry-After (whole seconds)
  std::string bucket;
  std::string scope;                    // user | global | shared (429 only)
  bool global = false;
};

// `headers` keyed by lower-case name.
RateLimitHeaders parse_rate_limit_headers(const std::map<std::string, std::string>& headers);

class RateLimitState {
 public:
  using Clock = std::chrono::steady_clock;

  void on_response(const RateLimitHeaders& h, Clock::time_point received);
  // A 429: nothing may be sent before `received + retry_after_s`.
  void on_rate_limited(double retry_after_s, Clock::time_point received);

  Clock::time_point next_allowed_at() const { return next_allowed_at_; }
  const std::string& bucket() const { return bucket_; }

 private:
  Clock::time_point next_allowed_at_{};
  std::string bucket_;
};

// Seconds as a duration, rounded up to the millisecond so a wait never ends early.
std::chrono::milliseconds seconds_to_wait(double seconds);

}  // namespace ta
