#pragma once
// Makes scraped text inert before it goes into a message's `content`, the only place Discord
// renders mentions that can ping.
#include <string>

namespace ta {

// Backslash-escapes Discord markdown: \ * _ ~ ` | >. Discord hides the backslash, so the text
// reads the same but cannot format, quote or spoiler anything.
std::string escape_markdown(const std::string& s);

// Inserts U+200B after every '@' so "@everyone", "@here" and "<@123>" stay visible but never ping.
std::string neutralize_mentions(const std::string& s);

// Both of the above: what any scraped text placed in `content` must go through.
std::string escape_for_content(const std::string& s);

}  // namespace ta
