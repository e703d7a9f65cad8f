#pragma once
// What changed between two versions of a notice's openings, as fans would say it: an opening
// moved (or got its time), a new one was added (2차 티켓오픈), a timed one was removed.
#include <vector>

#include "model/opening.h"

namespace ta {

struct OpeningChange {
  enum class Kind { added, removed, moved };
  Kind kind;
  Opening before;  // empty for added
  Opening after;   // empty for removed
};

// Openings are paired by kind + label, then by instant (a relabelled opening is no change), then
// by kind. A time lost (a value, then none) is a glitch of the page, not a change; a timeless
// opening that disappears is not reported.
std::vector<OpeningChange> opening_changes(const std::vector<Opening>& before, const std::vector<Opening>& after);

}  // namespace ta
