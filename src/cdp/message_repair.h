#pragma once
// DevTools messages carry page text verbatim: a site's JSON with a lone UTF-16 surrogate, or
// bytes that are not UTF-8, would make the whole message unparseable and leave its caller
// waiting for a deadline. Such text is repaired (U+FFFD), never dropped.
#include <optional>
#include <string>

namespace ta::cdp {

// `text` with every invalid UTF-8 sequence and every unpaired \uD800–\uDFFF escape replaced by
// U+FFFD.
std::string repair_protocol_text(const std::string& text);

// The "id" of a reply that still cannot be parsed, read from its opening bytes, so that its call
// fails at once.
std::optional<long long> reply_id_of(const std::string& text);

}  // namespace ta::cdp
