#pragma once
#include <string>

namespace ta {

// The cleaning docs/ticket-format.md prescribes for every shown text: markup dropped, entities
// decoded, zero-width characters (U+200B/C/D, U+FEFF) removed, nbsp and other Unicode spaces
// (incl. U+3000) read as spaces, whitespace runs collapsed to one space, ends trimmed.
// Markup goes before entities are decoded, so an escaped `&lt;b&gt;` is shown text and stays.
std::string clean_text(const std::string& text);

}  // namespace ta
