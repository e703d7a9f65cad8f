#pragma once
// A point in time by which an operation must finish. Deadlines nest: a child never outlives its
// parent, so a page timeout inside a job timeout can only shorten the wait.
#include <algorithm>
#include <chrono>

namespace ta {

class Deadline {
 public:
  using Clock = std::chrono::steady_clock;

  static Deadline after(Clock::duration d) { return Deadline(Clock::now() + d); }
  static Deadline never() { return Deadline(Clock::time_point::max()); }

  // The earlier of this deadline and `d` from now.
  Deadline nested(Clock::duration d) const {
    auto now = Clock::now();
    auto limit = (at_ - now > d) ? now + d : at_;
    return Deadline(limit);
  }

  Clock::time_point at() const { return at_; }
  bool expired() const { return Clock::now() >= at_; }
  Clock::duration remaining() const {
    auto now = Clock::now();
    return at_ > now ? at_ - now : Clock::duration::zero();
  }
  long long remaining_ms() const {
    return std::chrono::duration_cast<std::chrono::milliseconds>(remaining()).count();
  }

 private:
  explicit Deadline(Clock::time_point at) : at_(at) {}
  Clock::time_point at_;
};

}  // namespace ta
