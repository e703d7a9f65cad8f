#pragma once
// A site's own change or cancellation notice ("[오픈연기] …", YES24's 변경/취소 rows) is about a
// notice posted before: the one fans were alerted about. Found by the show both titles name.
#include <optional>

#include "model/ticket.h"
#include "store/sqlite.h"

namespace ta {

// The most recently seen unmarked notice of the same site whose show_key equals the change
// notice's, or is the start of it (or it of the other's), with its openings; nullopt when none is.
// Keys shorter than a few characters never match: "콘서트" alone names no show.
std::optional<Ticket> find_original(Database& db, const Ticket& change_notice);

}  // namespace ta
