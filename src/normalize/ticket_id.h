#pragma once
#include <cstdint>
#include <string>

namespace ta {

// 64-bit FNV-1a over the bytes of `data`.
std::uint64_t fnv1a_64(const std::string& data);

// The ticket's id: the site's own id (trimmed) when there is one; otherwise `h-` + 16 lowercase
// hex digits of FNV-1a 64 over `title + "\n" + venue`, so the same notice keeps its id across
// crawls — and when its open time is postponed: that is an update, not a new notice. Pass
// cleaned values: the id must not change when only markup does.
std::string ticket_id(const std::string& raw_id, const std::string& title, const std::string& venue);

// True for an id made from the ticket's text (ticket_id's `h-` hashes) rather than the site's own.
bool is_text_hash_id(const std::string& id);

// For a second notice of one page with the same title and venue (a site listing two rounds under
// one title): the hash of `title + "\n" + venue + "\n" + open_at_or_text`.
std::string distinct_hash_id(const std::string& title, const std::string& venue, const std::string& open_at_or_text);

}  // namespace ta
