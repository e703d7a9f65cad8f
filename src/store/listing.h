#pragma once
// Whether a notice is still on its site's list (tickets.listing), and what leaving it undoes: a
// withdrawn or cancelled notice has no reminders left and its calendar events are cancelled.
#include <ctime>
#include <set>
#include <string>
#include <vector>

#include "store/sqlite.h"

namespace ta {

//   listed     on the list (or not missed for long enough)
//   withdrawn  missing from `withdrawn_after` complete crawls in a row while an opening was ahead
//   cancelled  the site posted that it is cancelled (its own mark, or a change notice about it)
//   superseded a change notice of the site carries its schedule now
enum class Listing { listed, withdrawn, cancelled, superseded };
const char* to_string(Listing listing);
Listing listing_from(const std::string& text);  // unknown text reads as listed

// Reminders and calendar events follow a listed notice only.
inline bool keeps_schedule(Listing l) { return l == Listing::listed; }

struct MissingNotice {
  std::string id;
  int missing_crawls = 0;  // after this crawl
};

// Counts one more miss for each listed notice of `site` this crawl did not list, when the crawl
// saw far enough to have listed it: the whole list (`list_complete`), or a notice older than it
// (first seen earlier, or with a lower site id: lists are newest first, so it did not just fall
// off the end of what was read). Returns those counted.
std::vector<MissingNotice> count_missing(Database& db, const std::string& site, const std::set<std::string>& listed_ids,
                                         bool list_complete);

void set_listing(Database& db, const std::string& site, const std::string& id, Listing listing);

// Cancels the notice's scheduled reminders and confirmed calendar events (SEQUENCE + 1).
void cancel_schedule(Database& db, const std::string& site, const std::string& id, std::time_t now);

}  // namespace ta
