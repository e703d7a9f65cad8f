#include "normalize/html_entities.h"

#include <cctype>
#include <string_view>
#include <unordered_map>

#include "normalize/utf8.h"

namespace ta {

namespace {

// Names that ticket sites actually emit, plus the punctuation they tend to come with; the full
// HTML5 table (2,000+ names) would be dead weight.
const std::unordered_map<std::string_view, char32_t>& named_entities() {
  static const std::unordered_map<std::string_view, char32_t> kNames = {
      {"amp", U'&'},       {"AMP", U'&'},       {"lt", U'<'},        {"LT", U'<'},
      {"gt", U'>'},        {"GT", U'>'},        {"quot", U'"'},      {"QUOT", U'"'},
      {"apos", U'\''},     {"nbsp", 0x00A0},    {"lsaquo", 0x2039},  {"rsaquo", 0x203A},
      {"laquo", 0x00AB},   {"raquo", 0x00BB},   {"lsquo", 0x2018},   {"rsquo", 0x2019},
      {"sbquo", 0x201A},   {"ldquo", 0x201C},   {"rdquo", 0x201D},   {"bdquo", 0x201E},
      {"middot", 0x00B7},  {"bull", 0x2022},    {"hellip", 0x2026},  {"ndash", 0x2013},
      {"mdash", 0x2014},   {"times", 0x00D7},   {"divide", 0x00F7},  {"copy", 0x00A9},
      {"reg", 0x00AE},     {"trade", 0x2122},   {"deg", 0x00B0},     {"prime", 0x2032},
      {"ensp", 0x2002},    {"emsp", 0x2003},    {"thinsp", 0x2009},  {"zwnj", 0x200C},
      {"zwj", 0x200D},     {"lrm", 0x200E},     {"rlm", 0x200F},     {"hearts", 0x2665},
      {"larr", 0x2190},    {"rarr", 0x2192},    {"uarr", 0x2191},    {"darr", 0x2193},
      {"tilde", 0x02DC},   {"sim", 0x223C},     {"star", 0x2606},    {"starf", 0x2605},
      {"num", U'#'},       {"excl", U'!'},      {"percnt", U'%'},    {"lpar", U'('},
      {"rpar", U')'},      {"lsqb", U'['},      {"rsqb", U']'},      {"lbrack", U'['},
      {"rbrack", U']'},    {"colon", U':'},     {"sol", U'/'},       {"verbar", U'|'},
  };
  return kNames;
}

bool is_character(unsigned long cp) {
  return cp > 0 && cp <= 0x10FFFF && !(cp >= 0xD800 && cp <= 0xDFFF);
}

// Parses the reference starting at s[pos] == '&'. Returns the code point and sets `len` to the
// bytes consumed, or returns nothing when this '&' is just an ampersand.
bool parse_reference(const std::string& s, std::size_t pos, char32_t& cp, std::size_t& len) {
  std::size_t semi = s.find(';', pos + 1);
  // Longest real name is short; anything longer is prose with a stray '&'.
  if (semi == std::string::npos || semi - pos > 12 || semi == pos + 1) return false;
  std::string_view body(s.data() + pos + 1, semi - pos - 1);
  if (body[0] == '#') {
    bool hex = body.size() > 1 && (body[1] == 'x' || body[1] == 'X');
    std::string_view digits = body.substr(hex ? 2 : 1);
    if (digits.empty()) return false;
    unsigned long v = 0;
    for (char c : digits) {
      if (hex ? !std::isxdigit(static_cast<unsigned char>(c)) : !std::isdigit(static_cast<unsigned char>(c)))
        return false;
      int d = std::isdigit(static_cast<unsigned char>(c)) ? c - '0' : (std::tolower(static_cast<unsigned char>(c)) - 'a' + 10);
      v = v * (hex ? 16 : 10) + static_cast<unsigned long>(d);
      if (v > 0x10FFFF) return false;
    }
    if (!is_character(v)) return false;
    cp = static_cast<char32_t>(v);
  } else {
    auto it = named_entities().find(body);
    if (it == named_entities().end()) return false;
    cp = it->second;
  }
  len = semi - pos + 1;
  return true;
}

}  // namespace

std::string decode_entities(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    char32_t cp = 0;
    std::size_t len = 0;
    if (text[i] == '&' && parse_reference(text, i, cp, len)) {
      utf8::append(out, cp);
      i += len;
    } else {
      out += text[i++];
    }
  }
  return out;
}

}  // namespace ta
