#pragma once
// A notice's openings as rows of `openings` (seq = position in time order).
#include <string>
#include <vector>

#include "model/ticket.h"

namespace ta {

class Database;

// Replaces the stored openings of (site, id). The caller holds the store's lock (and a transaction).
void save_openings(Database& db, const std::string& site, const std::string& id, const std::vector<Opening>& openings);
// In seq order; empty when none are stored.
std::vector<Opening> load_openings(Database& db, const std::string& site, const std::string& id);

}  // namespace ta
