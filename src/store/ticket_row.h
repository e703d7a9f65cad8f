#pragma once
// How a Ticket maps to the `tickets` columns, shared by every query that reads tickets back.
#include <string>

#include "model/ticket.h"

namespace ta {

class Statement;

// The column list, in the order read_ticket expects.
constexpr const char* kTicketColumns =
    "site, id, site_name, title, open_at, open_text, open_type, open_type_label, venue, url, image, badges, genre";
constexpr int kTicketColumnCount = 13;

// Reads kTicketColumns starting at `first` (0-based).
Ticket read_ticket(const Statement& row, int first);

// The badges column: a JSON array of strings.
std::string badges_json(const Ticket& t);

// FNV-1a 64 (hex) of the ticket's JSON: equal for tickets that would print identically.
std::string content_hash(const Ticket& t);

}  // namespace ta
