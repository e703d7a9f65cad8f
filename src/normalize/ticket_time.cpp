#include "normalize/ticket_time.h"

#include "normalize/kst_time.h"

namespace ta {

bool all_openings_past(const Ticket& t, std::time_t now) {
  bool any_timed = false;
  for (const auto& o : t.openings) {
    const auto at = o.at ? parse_iso(*o.at) : std::nullopt;
    if (!at) continue;
    any_timed = true;
    if (*at >= now) return false;
  }
  if (any_timed) return true;
  const auto headline = t.open_at ? parse_iso(*t.open_at) : std::nullopt;
  return headline && *headline < now;
}

}  // namespace ta
