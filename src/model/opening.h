#pragma once
// One sale opening of a notice: fan-club presale, presale, general sale, a later round. Fans buy
// at an opening, not at a notice, so a notice carries every opening its pages name.
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace ta {

struct Opening {
  std::string kind;                // fanclub | presale | general | nth_round | last | other
  std::string label;               // as shown (cleaned), may be empty
  std::optional<std::string> at;   // YYYY-MM-DDTHH:MM:SS+09:00, or null when the page gives no time
  std::optional<int> round;        // N of "N차", when the label says so

  bool operator==(const Opening& o) const {
    return kind == o.kind && label == o.label && at == o.at && round == o.round;
  }
  bool operator!=(const Opening& o) const { return !(*this == o); }
};

// Whether a notice's detail page was read: a named value in the store (tickets.detail_state) and,
// for one crawl, what that crawl did about it.
//  none    not asked for (an unchanged notice, or one stored before detail pages were read)
//  wanted  asked for but not read yet (this crawl's detail budget ran out): read next crawl
//  read    its openings come from the detail page
//  failed  the detail page failed or named no opening: retried next crawl, a few times
enum class DetailState { none, wanted, read, failed };
const char* to_string(DetailState s);
DetailState detail_state_from(const std::string& s);  // unknown text reads as none

// {kind, label, at, round}: the shape of `openings` in crawl --format json, the store and fixtures.
nlohmann::json to_json(const Opening& o);
// Null or malformed fields read as empty; never throws on a JSON object.
Opening opening_from_json(const nlohmann::json& j);
std::vector<Opening> openings_from_json(const nlohmann::json& j);
// N when the label says "N차" (2차 티켓오픈 -> 2).
std::optional<int> round_of_label(const std::string& label);

}  // namespace ta
