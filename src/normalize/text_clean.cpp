#include "normalize/text_clean.h"

#include "normalize/html_entities.h"
#include "normalize/html_tags.h"
#include "normalize/utf8.h"

#include <unicode/uchar.h>

namespace ta {

namespace {

constexpr char32_t kZeroWidthJoiner = 0x200D;

bool is_zero_width(char32_t cp) { return cp == 0x200B || cp == 0x200C || cp == kZeroWidthJoiner || cp == 0xFEFF; }

// C0/C1 controls (tabs and newlines are whitespace, handled apart) and the bidirectional
// controls that reorder a title on screen ("U+202E" makes "3pm.exe" read "exe.mp3").
bool is_control(char32_t cp) {
  if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F && cp != 0x85)) return !(cp >= 0x09 && cp <= 0x0D);
  return cp == 0x061C || cp == 0x200E || cp == 0x200F || (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

// Parts of an emoji ZWJ sequence (👨‍👩‍👧‍👦, 🏳️‍🌈): pictographs, the emoji variation selector and
// skin-tone modifiers.
bool joins_emoji(char32_t cp) {
  return u_hasBinaryProperty(static_cast<UChar32>(cp), UCHAR_EXTENDED_PICTOGRAPHIC) || cp == 0xFE0F ||
         (cp >= 0x1F3FB && cp <= 0x1F3FF);
}

char32_t last_code_point(const std::string& s) {
  std::size_t start = s.size();
  while (start > 0 && (static_cast<unsigned char>(s[start - 1]) & 0xC0) == 0x80) --start;
  if (start == 0) return utf8::kInvalid;
  std::size_t len = 1;
  return utf8::decode_at(s, start - 1, len);
}

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
    std::size_t next_len = 1;
    const bool emoji_join = cp == kZeroWidthJoiner && !pending_space && joins_emoji(last_code_point(out)) &&
                            i + len < decoded.size() && joins_emoji(utf8::decode_at(decoded, i + len, next_len));
    if (emoji_join) {
      out.append(decoded, i, len);
    } else if (cp != utf8::kInvalid && (is_zero_width(cp) || is_control(cp))) {
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
