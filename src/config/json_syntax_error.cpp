#include <algorithm>
#include <cctype>
#include <string>

#include "config/config.h"
#include "util/proxy_url.h"

namespace ta {
namespace {

bool is_continuation_byte(unsigned char ch) { return (ch & 0xC0) == 0x80; }

// Decodes the code point starting at `i` (no validation: a caret position needs no more).
char32_t code_point_at(const std::string& s, size_t i) {
  auto ch = static_cast<unsigned char>(s[i]);
  if (ch < 0x80) return ch;
  int extra = ch >= 0xF0 ? 3 : ch >= 0xE0 ? 2 : 1;
  char32_t cp = ch & (0x3F >> extra);
  for (int k = 1; k <= extra && i + static_cast<size_t>(k) < s.size(); ++k)
    cp = (cp << 6) | (static_cast<unsigned char>(s[i + static_cast<size_t>(k)]) & 0x3F);
  return cp;
}

// Hangul and CJK take two terminal cells; the caret must still land under the right character.
bool is_wide(char32_t cp) {
  return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) || (cp >= 0xAC00 && cp <= 0xD7A3) ||
         (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
         (cp >= 0xFFE0 && cp <= 0xFFE6);
}

}  // namespace

std::string describe_json_syntax_error(const std::string& text, const std::string& origin, std::size_t byte,
                                       const std::string& detail) {
  // nlohmann counts the characters it read, the offending one included.
  size_t offset = std::min(byte > 0 ? byte - 1 : 0, text.size());
  if (offset >= text.size()) {
    // "Unexpected end of input": point just after the last real character, not at an empty line.
    offset = text.size();
    while (offset > 0 && std::isspace(static_cast<unsigned char>(text[offset - 1]))) --offset;
  }
  const size_t line_start = offset == 0 ? 0 : text.rfind('\n', offset - 1) + 1;  // npos + 1 == 0
  const size_t line_number = 1 + static_cast<size_t>(std::count(text.begin(), text.begin() + offset, '\n'));
  size_t line_end = text.find('\n', line_start);
  if (line_end == std::string::npos) line_end = text.size();
  std::string line = text.substr(line_start, line_end - line_start);
  if (!line.empty() && line.back() == '\r') line.pop_back();

  size_t column = 1;
  std::string padding;
  for (size_t i = line_start; i < offset; ++i) {
    if (is_continuation_byte(static_cast<unsigned char>(text[i]))) continue;
    ++column;
    char32_t cp = code_point_at(text, i);
    padding += cp == U'\t' ? "\t" : is_wide(cp) ? "  " : " ";
  }

  const std::string number = std::to_string(line_number);
  const std::string gutter(number.size(), ' ');
  std::string message = origin + ": JSON 문법 오류 (line " + number + ", column " + std::to_string(column) + "): " +
                        detail + "\n";
  // The quoted line may hold a proxy's password (http://user:password@host).
  message += " " + number + " | " + mask_url_passwords(line) + "\n";
  message += " " + gutter + " | " + padding + "^\n";
  message +=
      "이 위치나 바로 앞 줄에서 쉼표(,), 따옴표(\"), 괄호({ } [ ])가 맞는지 확인하세요. "
      "마지막 항목 뒤에는 쉼표를 쓰지 않고, 문자열은 큰따옴표로 감쌉니다.";
  return message;
}

}  // namespace ta
