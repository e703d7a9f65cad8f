#pragma once
// The same show often opens on two sites (a tour on Interpark and YES24). A new notice is the
// show of a notice already announced from another site when their show keys are equal
// (title_key.h: no site suffix like "티켓오픈 안내", no leading marker), their venues agree where
// both name one (one contains the other, folded as fans type), and a timed opening of each lies
// within kSameShowWindow of one of the other's.
#include <ctime>
#include <optional>

#include "model/ticket.h"
#include "store/sqlite.h"

namespace ta {

constexpr std::time_t kSameShowWindow = 3 * 3600;

// The earliest announced (alert queued or sent) notice of another site that is `t`'s show, with
// its openings; nullopt when there is none.
std::optional<Ticket> find_same_show(Database& db, const Ticket& t);

// Whether `route` has (or is about to have) the first alert of `original`: only there is a second
// site an "also"; a route that never heard of the show gets the notice as new.
bool alerted_on_route(Database& db, const std::string& route, const Ticket& original);

}  // namespace ta
