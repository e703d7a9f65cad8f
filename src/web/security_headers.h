#pragma once
// Sent with every response, errors included. The page loads only its own script and style, so
// even a notice title that slipped through as markup could not run script or load anything.
#include <string>
#include <utility>
#include <vector>

namespace ta {

inline const char* const kContentSecurityPolicy =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' https: data:; "
    "object-src 'none'; frame-ancestors 'none'; base-uri 'none'";

inline std::vector<std::pair<std::string, std::string>> security_headers() {
  return {{"Content-Security-Policy", kContentSecurityPolicy},
          {"X-Content-Type-Options", "nosniff"},
          {"Referrer-Policy", "no-referrer"},
          {"X-Frame-Options", "DENY"}};
}

}  // namespace ta
