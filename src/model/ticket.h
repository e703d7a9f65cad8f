#pragma once
// A normalised ticket-open notice: what the store keeps, the notifier announces and `crawl` prints.
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "model/opening.h"

namespace ta {

struct Ticket {
  std::string site;       // interpark | yes24 | melon | ticketlink
  std::string site_name;  // 인터파크 | YES24 | 멜론티켓 | 티켓링크
  std::string id;         // the site's own notice id, else a stable hash
  std::string title;
  std::optional<std::string> open_at;  // ISO 8601 with +09:00, or null when not parseable
  std::string open_text;               // as shown on the site
  std::string open_type;               // general | presale | fanclub | nth_round | last | other
  std::string open_type_label;         // as shown on the site
  std::string venue;
  std::string url;    // absolute detail URL
  std::string image;  // absolute poster URL or empty
  std::vector<std::string> badges;
  std::string genre;  // as given by the site, may be empty
  // Every opening known, by time (timeless last). open_at/open_type above are the list page's
  // headline opening, which is always one of them; a detail page adds the others.
  std::vector<Opening> openings;
  // What this crawl did about the detail page (not part of the JSON: the store keeps its own).
  DetailState detail = DetailState::none;
};

// The list page's headline opening (open_type, its label, open_at) as an Opening.
Opening headline_opening(const Ticket& t);
// Keeps the promise that a ticket has at least one opening: an empty list becomes its headline
// (a row that names nothing more, a payload or row stored before openings existed).
void ensure_openings(Ticket& t);

// The JSON shape printed by `crawl --format json` and stored in fixtures' expected.json.
nlohmann::json to_json(const Ticket& t);
Ticket ticket_from_json(const nlohmann::json& j);

}  // namespace ta
