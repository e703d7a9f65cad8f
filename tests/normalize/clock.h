#pragma once
// Fixed "now" values for the normaliser tests, written as the KST wall clock a reader checks.
#include <ctime>
#include <stdexcept>
#include <string>

#include "normalize/kst_time.h"

namespace ta::test {

inline std::time_t at(const std::string& iso) {
  auto t = parse_iso(iso);
  if (!t) throw std::invalid_argument("bad test time: " + iso);
  return *t;
}

// A mid-year Wednesday afternoon, far from any year boundary.
inline std::time_t default_now() { return at("2025-06-25T12:00:00+09:00"); }

}  // namespace ta::test
