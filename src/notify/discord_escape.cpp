#include "notify/discord_escape.h"

namespace ta {

std::string escape_markdown(const std::string& s) {
  std::string out;
  out.reserve(s.size() + s.size() / 8);
  for (char c : s) {
    switch (c) {
      // [ ] ( ) make masked links "[text](https://…)"; < > make <https://…>, <@id>, <t:…> forms.
      case '\\': case '*': case '_': case '~': case '`': case '|': case '>': case '<':
      case '[': case ']': case '(': case ')':
        out += '\\';
        break;
      default:
        break;
    }
    out += c;
  }
  return out;
}

std::string neutralize_mentions(const std::string& s) {
  std::string out;
  out.reserve(s.size() + s.size() / 8);
  for (char c : s) {
    out += c;
    if (c == '@') out += "\u200B";
  }
  return out;
}

std::string escape_for_content(const std::string& s) { return neutralize_mentions(escape_markdown(s)); }

}  // namespace ta
