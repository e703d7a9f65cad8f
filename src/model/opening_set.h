#pragma once
// The rules that make a list of openings one notice's openings (docs/ticket-format.md, "The
// normalised opening"), for openings already normalised.
#include <vector>

#include "model/opening.h"

namespace ta {

// One opening per instant (a specific kind beats general/other at the same instant), timeless
// ones once per kind + label, ordered by time with the timeless last (page order among equals).
std::vector<Opening> canonical_openings(std::vector<Opening> openings);

// A detail page's openings with what the list row adds (an instant the detail does not name).
std::vector<Opening> merge_openings(const std::vector<Opening>& detail, const std::vector<Opening>& list);

}  // namespace ta
