#include <cstdint>
#include <cstdio>
#include <regex>

#include "store/store.h"

namespace ta {

std::string webhook_key(const std::string& url) {
  if (url.empty()) return {};
  static const std::regex discord(R"(/api/(?:v\d+/)?webhooks/(\d+)(?:/|$))");
  std::smatch m;
  if (std::regex_search(url, m, discord)) return m[1].str();
  // Not a Discord URL: hash it whole, so the key stays stable and the text never shows a token.
  std::uint64_t h = 0xcbf29ce484222325ULL;
  for (unsigned char c : url) {
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  char buf[24];
  std::snprintf(buf, sizeof buf, "url-%016llx", static_cast<unsigned long long>(h));
  return buf;
}

}  // namespace ta
