#pragma once
#include <string>

namespace ta {

// Decodes named (`&amp;`, `&nbsp;`, `&lsaquo;`, ...), decimal (`&#39;`) and hex (`&#x27;`)
// character references in one pass, so `&amp;lt;` becomes `&lt;` and not `<`. References
// without the closing `;`, unknown names and code points that are not characters stay as written.
std::string decode_entities(const std::string& text);

}  // namespace ta
