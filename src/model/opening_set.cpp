#include "model/opening_set.h"

#include <algorithm>
#include <set>
#include <string>

namespace ta {
namespace {

bool generic(const std::string& kind) { return kind == "general" || kind == "other"; }

}  // namespace

std::vector<Opening> canonical_openings(std::vector<Opening> openings) {
  std::vector<Opening> out;
  std::set<std::pair<std::string, std::string>> timeless_seen;
  for (auto& opening : openings) {
    if (opening.at) {
      auto same = std::find_if(out.begin(), out.end(), [&](const Opening& k) { return k.at == opening.at; });
      if (same != out.end()) {
        // One opening per instant: "팬클럽 선예매" says more than "오픈일" at the same time.
        if (generic(same->kind) && !generic(opening.kind)) {
          same->kind = opening.kind;
          same->label = opening.label;
          same->round = opening.round;
        }
        continue;
      }
    } else if (!timeless_seen.insert({opening.kind, opening.label}).second) {
      continue;
    }
    out.push_back(std::move(opening));
  }
  // ISO +09:00 strings of one zone sort as their instants do.
  std::stable_sort(out.begin(), out.end(), [](const Opening& a, const Opening& b) {
    if (a.at.has_value() != b.at.has_value()) return a.at.has_value();
    return a.at && *a.at < *b.at;
  });
  return out;
}

std::vector<Opening> merge_openings(const std::vector<Opening>& detail, const std::vector<Opening>& list) {
  std::vector<Opening> all = detail;
  const bool detail_has_time = std::any_of(detail.begin(), detail.end(), [](const Opening& o) { return o.at; });
  for (const auto& o : list) {
    // A timeless list headline ("추후 공지") says nothing once the detail page gives times.
    if (!o.at && detail_has_time) continue;
    all.push_back(o);
  }
  return canonical_openings(std::move(all));
}

}  // namespace ta
