#include "normalize/text_clean.h"

#include "normalize/html_entities.h"
#include "normalize/html_tags.h"
#include "normalize/utf8.h"

namespace ta {

namespace {

bool is_zero_width(char32_t cp) { return cp == 0x200B || cp == 0x200C || cp == 0x200D || cp == 0xFEFF; }

// Unicode White_Space: pages indent with tabs, wrap with newlines and pad Korean text with
// U+3000, and a reader sees all of them as a plain space.
bool is_whitespace(char32_t cp) {
  return cp == ' ' || (cp >= 0x09 && cp <= 0x0D) || cp == 0x85 || cp == 0xA0 || cp == 0x1680 ||
         (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 || cp == 0x2029 || cp == 0x202F ||
         cp == 0x205F || cp == 0x3000;
}

}  // namespace

std::string clean_text(const std::string& text) {
  std::string decoded = strip_tags(decode_entities(text));
  std::string out;
  out.reserve(decoded.size());
  bool pending_space = false;
  for (std::size_t i = 0; i < decoded.size();) {
    std::size_t len = 1;
    char32_t cp = utf8::decode_at(decoded, i, len);
    if (cp != utf8::kInvalid && is_zero_width(cp)) {
      // Dropped without a trace: a zero-width space inside a word must not split it.
    } else if (cp != utf8::kInvalid && is_whitespace(cp)) {
      pending_space = !out.empty();
    } else {
      if (pending_space) out += ' ';
      pending_space = false;
      out.append(decoded, i, len);
    }
    i += len;
  }
  return out;
}

}  // namespace ta
