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

std::string ticket_id(const std::string& raw_id, const std::string& title, const std::string& open_at_or_text) {
  std::size_t b = 0, e = raw_id.size();
  while (b < e && std::isspace(static_cast<unsigned char>(raw_id[b]))) ++b;
  while (e > b && std::isspace(static_cast<unsigned char>(raw_id[e - 1]))) --e;
  if (b < e) return raw_id.substr(b, e - b);

  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx",
                static_cast<unsigned long long>(fnv1a_64(title + "\n" + open_at_or_text)));
  return std::string("h-") + hex;
}

}  // namespace ta
