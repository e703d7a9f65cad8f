#include "notify/text_fit.h"

#include <vector>

#include "normalize/utf8.h"

namespace ta::notify_text {
namespace {

constexpr char32_t kReplacement = 0xFFFD;
constexpr char32_t kZeroWidthJoiner = 0x200D;

struct CodePoint {
  char32_t value;
  std::size_t offset;  // byte offset in the sanitised string
};

// Decodes one code point; malformed, overlong, surrogate or out-of-range sequences give
// kReplacement and consume a single byte so decoding always makes progress.
char32_t decode(const std::string& s, std::size_t pos, std::size_t& len) {
  auto byte = [&](std::size_t i) { return static_cast<unsigned char>(s[i]); };
  unsigned char b0 = byte(pos);
  len = 1;
  if (b0 < 0x80) return b0;
  std::size_t need = 0;
  char32_t cp = 0;
  char32_t min = 0;
  if ((b0 & 0xE0) == 0xC0) {
    need = 1, cp = b0 & 0x1F, min = 0x80;
  } else if ((b0 & 0xF0) == 0xE0) {
    need = 2, cp = b0 & 0x0F, min = 0x800;
  } else if ((b0 & 0xF8) == 0xF0) {
    need = 3, cp = b0 & 0x07, min = 0x10000;
  } else {
    return kReplacement;
  }
  if (pos + need >= s.size()) return kReplacement;
  for (std::size_t i = 1; i <= need; ++i) {
    unsigned char b = byte(pos + i);
    if ((b & 0xC0) != 0x80) return kReplacement;
    cp = (cp << 6) | (b & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return kReplacement;
  len = need + 1;
  return cp;
}

std::vector<CodePoint> decode_all(const std::string& valid) {
  std::vector<CodePoint> cps;
  cps.reserve(valid.size());
  for (std::size_t pos = 0; pos < valid.size();) {
    std::size_t len = 1;
    cps.push_back({decode(valid, pos, len), pos});
    pos += len;
  }
  return cps;
}

bool is_space(char32_t c) {
  return c == ' ' || (c >= 0x09 && c <= 0x0D) || c == 0x85 || c == 0xA0 || c == 0x1680 ||
         (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F ||
         c == 0x3000 || c == 0xFEFF;
}

// Code points that attach to the one before them: cutting just before one would leave a
// different glyph (or an orphaned mark) at the end of the visible text.
bool extends_previous(char32_t c) {
  return (c >= 0x0300 && c <= 0x036F) || (c >= 0x1AB0 && c <= 0x1AFF) || (c >= 0x1DC0 && c <= 0x1DFF) ||
         (c >= 0x20D0 && c <= 0x20FF) || (c >= 0xFE00 && c <= 0xFE0F) || (c >= 0xFE20 && c <= 0xFE2F) ||
         (c >= 0x1160 && c <= 0x11FF) ||     // conjoining Hangul vowels and final consonants
         (c >= 0x3099 && c <= 0x309A) ||     // kana voicing marks
         (c >= 0x1F3FB && c <= 0x1F3FF) ||   // emoji skin tones
         (c >= 0xE0020 && c <= 0xE007F) ||   // emoji tag sequences
         (c >= 0xE0100 && c <= 0xE01EF) || c == kZeroWidthJoiner;
}

}  // namespace

std::string sanitize_utf8(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t pos = 0; pos < s.size();) {
    std::size_t len = 1;
    char32_t cp = decode(s, pos, len);
    if (cp == kReplacement && len == 1 && static_cast<unsigned char>(s[pos]) >= 0x80) {
      utf8::append(out, kReplacement);
    } else {
      out.append(s, pos, len);
    }
    pos += len;
  }
  return out;
}

std::size_t code_points(const std::string& s) {
  std::size_t n = 0;
  for (unsigned char c : s)
    if ((c & 0xC0) != 0x80) ++n;
  return n;
}

std::string trim(const std::string& s) {
  auto cps = decode_all(s);
  std::size_t b = 0, e = cps.size();
  while (b < e && is_space(cps[b].value)) ++b;
  while (e > b && is_space(cps[e - 1].value)) --e;
  if (b == e) return {};
  std::size_t from = cps[b].offset;
  std::size_t to = e < cps.size() ? cps[e].offset : s.size();
  return s.substr(from, to - from);
}

std::string fit(const std::string& s, std::size_t max) {
  std::string text = trim(sanitize_utf8(s));
  auto cps = decode_all(text);
  if (cps.size() <= max) return text;
  if (max == 0) return {};
  std::size_t keep = max - 1;  // room for the ellipsis
  for (;;) {
    std::size_t before = keep;
    while (keep > 0 && extends_previous(cps[keep].value)) --keep;
    while (keep > 0 && cps[keep - 1].value == kZeroWidthJoiner) --keep;
    if (keep == before) break;
  }
  // An odd run of trailing backslashes would escape the ellipsis and show a stray "\".
  std::size_t slashes = 0;
  while (slashes < keep && cps[keep - 1 - slashes].value == '\\') ++slashes;
  if (slashes % 2 == 1) --keep;
  while (keep > 0 && is_space(cps[keep - 1].value)) --keep;
  std::string out = text.substr(0, keep < cps.size() ? cps[keep].offset : text.size());
  out += "\u2026";
  return out;
}

}  // namespace ta::notify_text
