#include <string>

#include "config/config.h"

namespace ta {

std::string mask_webhook(const std::string& url) {
  if (url.empty()) return "";
  const size_t scheme_end = url.find("://");
  if (scheme_end == std::string::npos) return "****";  // not a URL: nothing in it is safe to show
  const size_t marker = url.find("/webhooks/");
  if (marker != std::string::npos) {
    const size_t id_start = marker + std::string("/webhooks/").size();
    const size_t id_end = url.find('/', id_start);
    if (id_end == std::string::npos) return url;  // no token part
    return url.substr(0, id_end + 1) + "****";
  }
  // Some other webhook service: the host says which, the path may carry the secret.
  const size_t host_end = url.find_first_of("/?#", scheme_end + 3);
  return url.substr(0, host_end) + "/****";
}

}  // namespace ta
