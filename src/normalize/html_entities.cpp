#include "normalize/html_entities.h"

#include <array>
#include <cctype>
#include <string_view>
#include <unordered_map>

#include "normalize/utf8.h"

namespace ta {

namespace {

// Names that HTML5 also accepts without the trailing ';' (its Latin-1 "legacy" set, minus the
// accented letters no Korean ticket title needs).
const std::unordered_map<std::string_view, char32_t>& legacy_entities() {
  static const std::unordered_map<std::string_view, char32_t> kNames = {
      {"amp", U'&'},     {"AMP", U'&'},     {"lt", U'<'},      {"LT", U'<'},      {"gt", U'>'},
      {"GT", U'>'},      {"quot", U'"'},    {"QUOT", U'"'},    {"nbsp", 0x00A0},  {"iexcl", 0x00A1},
      {"cent", 0x00A2},  {"pound", 0x00A3}, {"curren", 0x00A4}, {"yen", 0x00A5},  {"brvbar", 0x00A6},
      {"sect", 0x00A7},  {"uml", 0x00A8},   {"copy", 0x00A9},  {"COPY", 0x00A9},  {"ordf", 0x00AA},
      {"laquo", 0x00AB}, {"not", 0x00AC},   {"shy", 0x00AD},   {"reg", 0x00AE},   {"REG", 0x00AE},
      {"macr", 0x00AF},  {"deg", 0x00B0},   {"plusmn", 0x00B1}, {"sup2", 0x00B2}, {"sup3", 0x00B3},
      {"acute", 0x00B4}, {"micro", 0x00B5}, {"para", 0x00B6},  {"middot", 0x00B7}, {"cedil", 0x00B8},
      {"sup1", 0x00B9},  {"ordm", 0x00BA},  {"raquo", 0x00BB}, {"frac14", 0x00BC}, {"frac12", 0x00BD},
      {"frac34", 0x00BE}, {"iquest", 0x00BF}, {"times", 0x00D7}, {"divide", 0x00F7},
  };
  return kNames;
}

// Names that need the ';': the punctuation ticket sites actually emit. The full HTML5 table
// (2,000+ names) would be dead weight.
const std::unordered_map<std::string_view, char32_t>& named_entities() {
  static const std::unordered_map<std::string_view, char32_t> kNames = [] {
    std::unordered_map<std::string_view, char32_t> names(legacy_entities().begin(), legacy_entities().end());
    names.insert({
        {"apos", U'\''},    {"lsaquo", 0x2039}, {"rsaquo", 0x203A}, {"lsquo", 0x2018},  {"rsquo", 0x2019},
        {"sbquo", 0x201A},  {"ldquo", 0x201C},  {"rdquo", 0x201D},  {"bdquo", 0x201E},  {"bull", 0x2022},
        {"hellip", 0x2026}, {"ndash", 0x2013},  {"mdash", 0x2014},  {"trade", 0x2122},  {"prime", 0x2032},
        {"ensp", 0x2002},   {"emsp", 0x2003},   {"thinsp", 0x2009}, {"zwnj", 0x200C},   {"zwj", 0x200D},
        {"lrm", 0x200E},    {"rlm", 0x200F},    {"hearts", 0x2665}, {"larr", 0x2190},   {"rarr", 0x2192},
        {"uarr", 0x2191},   {"darr", 0x2193},   {"tilde", 0x02DC},  {"sim", 0x223C},    {"star", 0x2606},
        {"starf", 0x2605},  {"euro", 0x20AC},   {"num", U'#'},      {"excl", U'!'},     {"percnt", U'%'},
        {"lpar", U'('},     {"rpar", U')'},     {"lsqb", U'['},     {"rsqb", U']'},     {"lbrack", U'['},
        {"rbrack", U']'},   {"colon", U':'},    {"sol", U'/'},      {"verbar", U'|'},   {"comma", U','},
        {"period", U'.'},   {"plus", U'+'},     {"equals", U'='},   {"ast", U'*'},      {"commat", U'@'},
    });
    return names;
  }();
  return kNames;
}

// HTML5's numeric reference fix-ups: C1 controls are what Windows-1252 meant by those bytes.
char32_t fix_numeric(unsigned long v) {
  static const std::array<char32_t, 32> kWindows1252 = {
      0x20AC, 0x81,   0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
      0x2039, 0x0152, 0x8D,   0x017D, 0x8F,   0x90,   0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
      0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D,   0x017E, 0x0178};
  if (v == 0 || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) return 0xFFFD;
  if (v >= 0x80 && v <= 0x9F) return kWindows1252[v - 0x80];
  return static_cast<char32_t>(v);
}

bool is_ascii_alnum(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }

// `&#39;`, `&#x27;`, `&#39`. s[pos] == '&'.
bool parse_numeric(const std::string& s, std::size_t pos, char32_t& cp, std::size_t& len) {
  std::size_t i = pos + 2;
  bool hex = i < s.size() && (s[i] == 'x' || s[i] == 'X');
  if (hex) ++i;
  std::size_t digits_start = i;
  unsigned long v = 0;
  for (; i < s.size(); ++i) {
    auto c = static_cast<unsigned char>(s[i]);
    int d = std::isdigit(c) ? c - '0' : (hex && std::isxdigit(c)) ? std::tolower(c) - 'a' + 10 : -1;
    if (d < 0) break;
    if (v <= 0x10FFFF) v = v * (hex ? 16 : 10) + static_cast<unsigned long>(d);  // saturates past the range
  }
  if (i == digits_start) return false;
  if (i < s.size() && s[i] == ';') ++i;
  cp = fix_numeric(v);
  len = i - pos;
  return true;
}

// `&name;`, or a legacy name without ';' as a prefix of the letters that follow (`&copy2025`).
bool parse_named(const std::string& s, std::size_t pos, char32_t& cp, std::size_t& len) {
  std::size_t end = pos + 1;
  while (end < s.size() && end - pos <= 32 && is_ascii_alnum(s[end])) ++end;
  if (end == pos + 1) return false;
  if (end < s.size() && s[end] == ';') {
    auto it = named_entities().find(std::string_view(s.data() + pos + 1, end - pos - 1));
    if (it != named_entities().end()) {
      cp = it->second;
      len = end - pos + 1;
      return true;
    }
  }
  for (std::size_t n = end - pos - 1; n > 0; --n) {  // longest legacy name first
    auto it = legacy_entities().find(std::string_view(s.data() + pos + 1, n));
    if (it != legacy_entities().end()) {
      cp = it->second;
      len = n + 1;
      return true;
    }
  }
  return false;
}

}  // namespace

std::string decode_entities(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    char32_t cp = 0;
    std::size_t len = 0;
    bool decoded = false;
    if (text[i] == '&' && i + 1 < text.size()) {
      decoded = text[i + 1] == '#' ? parse_numeric(text, i, cp, len) : parse_named(text, i, cp, len);
    }
    if (decoded) {
      utf8::append(out, cp);
      i += len;
    } else {
      out += text[i++];
    }
  }
  return out;
}

}  // namespace ta
