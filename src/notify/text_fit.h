#pragma once
// Code-point aware text handling for Discord payloads. Discord measures every limit in code points
// after trimming, and nlohmann::json throws on invalid UTF-8, so scraped text is repaired first.
#include <cstddef>
#include <string>

namespace ta::notify_text {

// Invalid UTF-8 bytes become U+FFFD so that serialising the payload can never throw.
std::string sanitize_utf8(const std::string& s);

// Unicode code points in valid UTF-8 `s`.
std::size_t code_points(const std::string& s);

// Strips leading/trailing whitespace (ASCII, NBSP, ideographic space and the other Unicode spaces).
std::string trim(const std::string& s);

// Sanitised, trimmed and, when longer than `max` code points, cut so that the result plus a final
// "…" is exactly within `max`. The cut never leaves a combining mark, joiner or variation selector
// dangling from its base, nor a lone escaping backslash.
std::string fit(const std::string& s, std::size_t max);

}  // namespace ta::notify_text
