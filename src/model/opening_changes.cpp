#include "model/opening_changes.h"

#include <functional>

namespace ta {
namespace {

using Match = std::function<bool(const Opening&, const Opening&)>;

// Pairs each unpaired `after` opening with the first unpaired `before` one that `match` accepts.
void pair_by(const std::vector<Opening>& before, const std::vector<Opening>& after, const Match& match,
             std::vector<int>& partner_of_after, std::vector<bool>& before_taken) {
  for (std::size_t a = 0; a < after.size(); ++a) {
    if (partner_of_after[a] >= 0) continue;
    for (std::size_t b = 0; b < before.size(); ++b) {
      if (before_taken[b] || !match(before[b], after[a])) continue;
      partner_of_after[a] = static_cast<int>(b);
      before_taken[b] = true;
      break;
    }
  }
}

}  // namespace

std::vector<OpeningChange> opening_changes(const std::vector<Opening>& before, const std::vector<Opening>& after) {
  std::vector<int> partner(after.size(), -1);
  std::vector<bool> taken(before.size(), false);
  pair_by(before, after, [](const Opening& b, const Opening& a) { return b.kind == a.kind && b.label == a.label; },
          partner, taken);
  pair_by(before, after, [](const Opening& b, const Opening& a) { return b.at && b.at == a.at; }, partner, taken);
  pair_by(before, after, [](const Opening& b, const Opening& a) { return b.kind == a.kind; }, partner, taken);

  std::vector<OpeningChange> changes;
  for (std::size_t a = 0; a < after.size(); ++a) {
    if (partner[a] < 0) {
      changes.push_back({OpeningChange::Kind::added, Opening{}, after[a]});
      continue;
    }
    const Opening& b = before[static_cast<std::size_t>(partner[a])];
    if (after[a].at && b.at != after[a].at) changes.push_back({OpeningChange::Kind::moved, b, after[a]});
  }
  for (std::size_t b = 0; b < before.size(); ++b)
    if (!taken[b] && before[b].at) changes.push_back({OpeningChange::Kind::removed, before[b], Opening{}});
  return changes;
}

}  // namespace ta
