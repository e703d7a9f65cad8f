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

bool has_timed_opening(const Ticket& t) {
  for (const auto& o : t.openings)
    if (o.at) return true;
  return t.open_at.has_value();
}

std::optional<std::time_t> next_opening_at(const Ticket& t, std::time_t now) {
  std::optional<std::time_t> next, earliest;
  for (const auto& o : t.openings) {
    const auto at = o.at ? parse_iso(*o.at) : std::nullopt;
    if (!at) continue;
    if (!earliest || *at < *earliest) earliest = at;
    if (*at >= now && (!next || *at < *next)) next = at;
  }
  if (!next && !earliest && t.open_at) return parse_iso(*t.open_at);
  return next ? next : earliest;
}

}  // namespace ta
