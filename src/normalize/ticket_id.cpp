#include "normalize/ticket_id.h"

#include <cctype>
#include <cstdio>

namespace ta {

std::uint64_t fnv1a_64(const std::string& data) {
  std::uint64_t hash = 14695981039346656037ULL;
  for (unsigned char c : data) {
    hash ^= c;
    hash *= 1099511628211ULL;
  }
  return hash;
}

namespace {
std::string hash_id(const std::string& text) {
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(fnv1a_64(text)));
  return std::string("h-") + hex;
}
}  // namespace

std::string ticket_id(const std::string& raw_id, const std::string& title, const std::string& venue) {
  std::size_t b = 0, e = raw_id.size();
  while (b < e && std::isspace(static_cast<unsigned char>(raw_id[b]))) ++b;
  while (e > b && std::isspace(static_cast<unsigned char>(raw_id[e - 1]))) --e;
  if (b < e) return raw_id.substr(b, e - b);
  return hash_id(title + "\n" + venue);
}

bool is_text_hash_id(const std::string& id) { return id.size() == 18 && id.compare(0, 2, "h-") == 0; }

std::string distinct_hash_id(const std::string& title, const std::string& venue, const std::string& open_at_or_text) {
  return hash_id(title + "\n" + venue + "\n" + open_at_or_text);
}

}  // namespace ta
