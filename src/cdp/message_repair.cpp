#include "cdp/message_repair.h"

#include <cstdlib>
#include <iterator>
#include <regex>

#include <utf8cpp/utf8.h>

namespace ta::cdp {
namespace {

bool hex4_at(const std::string& s, size_t i, unsigned* value) {
  if (i + 4 > s.size()) return false;
  unsigned v = 0;
  for (size_t k = i; k < i + 4; ++k) {
    const char c = s[k];
    v <<= 4;
    if (c >= '0' && c <= '9') v |= static_cast<unsigned>(c - '0');
    else if (c >= 'a' && c <= 'f') v |= static_cast<unsigned>(c - 'a' + 10);
    else if (c >= 'A' && c <= 'F') v |= static_cast<unsigned>(c - 'A' + 10);
    else return false;
  }
  *value = v;
  return true;
}

bool is_high(unsigned u) { return u >= 0xD800 && u <= 0xDBFF; }
bool is_low(unsigned u) { return u >= 0xDC00 && u <= 0xDFFF; }

// Escapes are only ever inside JSON strings, and "\\" is consumed as a pair, so a linear scan
// sees every \uXXXX escape exactly where the parser would.
std::string repair_surrogate_escapes(const std::string& s) {
  if (s.find("\\u") == std::string::npos) return s;
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '\\' || i + 1 >= s.size()) {
      out += s[i];
      continue;
    }
    unsigned u = 0;
    if (s[i + 1] != 'u' || !hex4_at(s, i + 2, &u)) {
      out.append(s, i, 2);
      ++i;
      continue;
    }
    unsigned next = 0;
    const bool paired = is_high(u) && s.compare(i + 6, 2, "\\u") == 0 && hex4_at(s, i + 8, &next) && is_low(next);
    if (paired) {
      out.append(s, i, 12);
      i += 11;
    } else {
      out.append(is_high(u) || is_low(u) ? "\\ufffd" : s.substr(i, 6));
      i += 5;
    }
  }
  return out;
}

}  // namespace

std::string repair_protocol_text(const std::string& text) {
  std::string valid;
  if (utf8::is_valid(text.begin(), text.end())) {
    valid = text;
  } else {
    valid.reserve(text.size());
    utf8::replace_invalid(text.begin(), text.end(), std::back_inserter(valid));
  }
  return repair_surrogate_escapes(valid);
}

std::optional<long long> reply_id_of(const std::string& text) {
  static const std::regex id(R"(^\s*\{\s*"id"\s*:\s*(\d{1,18})\s*[,}])");
  std::smatch m;
  const std::string head = text.substr(0, 64);
  if (!std::regex_search(head, m, id)) return std::nullopt;
  return std::strtoll(m[1].str().c_str(), nullptr, 10);
}

}  // namespace ta::cdp
