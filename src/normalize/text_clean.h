#pragma once
#include <string>

namespace ta {

// The cleaning docs/ticket-format.md prescribes for every shown text: markup dropped, entities
// decoded, zero-width characters (U+200B/C/D, U+FEFF; a ZWJ inside an emoji sequence stays),
// C0/C1 control characters and bidi controls removed, nbsp and other Unicode spaces
// (incl. U+3000) read as spaces, whitespace runs collapsed to one space, ends trimmed.
// Entities are decoded before tags are dropped, in the contract's order: `&lt;b&gt;x` gives `x`,
// while `&lt;뮤지컬 X&gt;` gives `<뮤지컬 X>` because 뮤지컬 is no HTML element.
std::string clean_text(const std::string& text);

}  // namespace ta
