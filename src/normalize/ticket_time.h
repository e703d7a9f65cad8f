#pragma once
// A notice's openings on the clock: whether it is still news at a given moment.
#include <ctime>
#include <optional>

#include "model/ticket.h"

namespace ta {

// Every timed opening (else the headline open_at) is before `now`: too late to be news. A notice
// with no time at all is never past.
bool all_openings_past(const Ticket& t, std::time_t now);

// Some opening (or the headline open_at) has a time.
bool has_timed_opening(const Ticket& t);

// The next timed opening at or after `now`, else the earliest known (else the headline open_at):
// what a fan looks at first. nullopt for a notice with no time at all.
std::optional<std::time_t> next_opening_at(const Ticket& t, std::time_t now);

}  // namespace ta
