#include "normalize/html_tags.h"

#include <cctype>
#include <string_view>
#include <unordered_set>

namespace ta {

namespace {

// Only genuine element names count as tags; an allow-list is what lets an English title in
// angle brackets survive.
const std::unordered_set<std::string_view>& html_elements() {
  static const std::unordered_set<std::string_view> kNames = {
      "a",       "abbr",     "address", "article", "aside",  "b",       "bdi",        "bdo",
      "big",     "blockquote", "body",  "br",      "button", "caption", "center",     "cite",
      "code",    "dd",       "del",     "details", "dfn",    "div",     "dl",         "dt",
      "em",      "fieldset", "figcaption", "figure", "font", "footer",  "form",       "h1",
      "h2",      "h3",       "h4",      "h5",      "h6",     "head",    "header",     "hr",
      "html",    "i",        "iframe",  "img",     "input",  "ins",     "kbd",        "label",
      "legend",  "li",       "link",    "main",    "mark",   "meta",    "nav",        "nobr",
      "noscript", "ol",      "option",  "p",       "path",   "picture", "pre",        "q",
      "s",       "samp",     "script",  "section", "select", "small",   "source",     "span",
      "strike",  "strong",   "style",   "sub",     "summary", "sup",    "svg",        "table",
      "tbody",   "td",       "textarea", "tfoot",  "th",     "thead",   "time",       "title",
      "tr",      "tt",       "u",       "ul",      "var",    "wbr"};
  return kNames;
}

bool is_alpha(char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; }
bool is_alnum(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }
bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

// Finds the '>' closing the tag that starts at `from`, skipping quoted attribute values.
std::size_t find_tag_end(const std::string& s, std::size_t from) {
  char quote = 0;
  for (std::size_t i = from; i < s.size(); ++i) {
    char c = s[i];
    if (quote) {
      if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '>') {
      return i;
    } else if (c == '<') {
      return std::string::npos;  // a second '<' first: this was not a tag
    }
  }
  return std::string::npos;
}

// Recognises markup at s[pos] == '<' and sets `end` one past it; false when the '<' is text.
bool markup_at(const std::string& s, std::size_t pos, std::size_t& end) {
  if (s.compare(pos, 4, "<!--") == 0) {
    std::size_t close = s.find("-->", pos + 4);
    if (close == std::string::npos) return false;
    end = close + 3;
    return true;
  }
  std::size_t i = pos + 1;
  if (i < s.size() && s[i] == '!') {
    if (i + 1 >= s.size() || !is_alpha(s[i + 1])) return false;
    std::size_t close = find_tag_end(s, i + 1);
    if (close == std::string::npos) return false;
    end = close + 1;
    return true;
  }
  if (i < s.size() && s[i] == '/') ++i;
  std::size_t name_start = i;
  while (i < s.size() && (is_alnum(s[i]) || s[i] == '-')) ++i;
  if (i == name_start || !is_alpha(s[name_start])) return false;
  if (i < s.size() && !(s[i] == '>' || s[i] == '/' || is_space(s[i]))) return false;
  std::string name;
  for (std::size_t k = name_start; k < i; ++k) name += static_cast<char>(std::tolower(static_cast<unsigned char>(s[k])));
  if (!html_elements().count(name)) return false;
  std::size_t close = find_tag_end(s, i);
  if (close == std::string::npos) return false;
  end = close + 1;
  return true;
}

}  // namespace

std::string strip_tags(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    std::size_t end = 0;
    if (text[i] == '<' && markup_at(text, i, end)) {
      i = end;
    } else {
      out += text[i++];
    }
  }
  return out;
}

}  // namespace ta
