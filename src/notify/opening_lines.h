#pragma once
// A notice's openings as Discord embed text: one line per opening, and for an update what moved.
#include <string>
#include <vector>

#include "model/ticket.h"

namespace ta {

// "**선예매** 2025년 10월 6일 (월) 오후 8시 · <t:…:F> (<t:…:R>)", one line per opening.
std::string openings_text(const Ticket& t);

// One line per change from `before` to `after` ("**선예매** 10월 6일 … → 10월 7일 …", "추가: …",
// "제외: …"); empty when the openings did not change (e.g. only the open type did).
std::string opening_change_text(const Ticket& before, const Ticket& after);

// The same lines as plain text (선예매 10월 6일 … → …), for the dashboard.
std::vector<std::string> opening_change_lines_plain(const Ticket& before, const Ticket& after);

}  // namespace ta
