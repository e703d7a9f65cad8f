#pragma once
// Which stored notice a crawled ticket is. The key is (site, site notice id), but the extract
// layer that answered may give no site id (a DOM row without a link, the text fallback): its id is
// then a hash of what it shows, which changes with the layer and with a postponed open time. So a
// ticket whose id is not stored is matched to a stored notice of the same site by title key and
// venue — an item with a site id only to a notice stored under a hash, an item with a hash to any
// — and takes that notice's id. Only an unmatched ticket keeps its own id and is a new notice.
#include <string>
#include <vector>

#include "model/ticket.h"
#include "normalize/ticket_id.h"  // is_text_hash_id

namespace ta {

class Database;

// Rewrites the ids of `tickets` (all of `site`) to the stored notices they are. Two tickets of one
// crawl never take the same stored notice; exact id matches are claimed first. The caller holds
// the store's lock.
void resolve_notice_ids(Database& db, const std::string& site, std::vector<Ticket>& tickets);

}  // namespace ta
