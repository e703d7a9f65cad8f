#pragma once
#include <string>

namespace ta {

// Decodes character references the way a browser shows them (and Python's html.unescape, which
// the fixture generators use): named (`&amp;`, `&nbsp;`, `&lsaquo;`, ...), decimal (`&#39;`) and
// hex (`&#x27;`), in one pass, so `&amp;lt;` becomes `&lt;` and not `<`. As in HTML5, the
// Latin-1 legacy names and numeric references also work without the `;` (`&amp b`, `&copy2025`,
// `&#39`); references to non-characters become U+FFFD and 0x80-0x9F read as Windows-1252.
// Unknown names stay as written.
std::string decode_entities(const std::string& text);

}  // namespace ta
