// Discord's answers as the notifier reads them: any status, any body, any rate-limit headers.
// The first two bytes choose the status, then header lines until a blank line, then the body.
#include <cstddef>
#include <cstdint>
#include <map>
#include <sstream>
#include <string>

#include "notify/discord_response.h"
#include "notify/rate_limit.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 2) return 0;
  const int status = 100 + (data[0] << 8 | data[1]) % 500;
  const std::string rest(reinterpret_cast<const char*>(data) + 2, size - 2);
  std::map<std::string, std::string> headers;
  std::istringstream lines(rest);
  std::string line;
  std::size_t consumed = 0;
  while (std::getline(lines, line)) {
    consumed += line.size() + 1;
    if (line.empty()) break;
    const auto colon = line.find(':');
    if (colon != std::string::npos) headers[line.substr(0, colon)] = line.substr(colon + 1);
  }
  const std::string body = consumed < rest.size() ? rest.substr(consumed) : "";
  (void)ta::classify_response(status, body, ta::parse_rate_limit_headers(headers));
  return 0;
}
