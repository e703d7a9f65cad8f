#pragma once
#include <cstdint>
#include <string>

namespace ta {

// 64-bit FNV-1a over the bytes of `data`.
std::uint64_t fnv1a_64(const std::string& data);

// The ticket's id: the site's own id (trimmed) when there is one; otherwise `h-` + 16 lowercase
// hex digits of FNV-1a 64 over `title + "\n" + open_at_or_text`, so the same notice keeps its
// id across crawls. Pass cleaned values: the id must not change when only markup does.
std::string ticket_id(const std::string& raw_id, const std::string& title, const std::string& open_at_or_text);

}  // namespace ta
