// How a ticket looks in Discord: emoji, colour, Korean names and link hygiene.
#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

#include "util/ascii.h"
#include "notify/discord_limits.h"
#include "notify/embed_builder.h"

namespace ta {
namespace {

struct GenreRule {
  const char* emoji;
  std::vector<const char*> words;
};

const std::vector<GenreRule>& genre_rules() {
  static const std::vector<GenreRule> rules = {
      {"🎤", {"concert", "콘서트"}},
      {"🎭", {"musical", "뮤지컬", "연극"}},
      {"🎻", {"classic", "클래식", "오페라"}},
      {"⚾", {"sports", "스포츠"}},
      {"👨‍👩‍👧", {"family", "아동"}},
      {"🎪", {"exhibition", "전시", "행사"}},
  };
  return rules;
}

const char* emoji_for(const std::string& text) {
  std::string lower = ascii_lower(text);
  for (const auto& rule : genre_rules())
    for (const char* word : rule.words)
      if (lower.find(word) != std::string::npos) return rule.emoji;
  return nullptr;
}

}  // namespace

std::string genre_emoji(const Ticket& ticket) {
  // The site's genre is the reliable signal; the title only helps when the site gave none.
  if (const char* e = emoji_for(ticket.genre)) return e;
  if (const char* e = emoji_for(ticket.title)) return e;
  return "🎫";
}

int site_color(const std::string& site) {
  if (site == "interpark") return 0x7B3FE4;   // violet
  if (site == "yes24") return 0x1E6FD9;       // blue
  if (site == "melon") return 0x00CD3C;       // green
  if (site == "ticketlink") return 0xF59E0B;  // amber
  return 0x99AAB5;                            // Discord grey
}

std::string embed_safe_url(const std::string& url) {
  std::string lower = ascii_lower(url.substr(0, 8));
  std::size_t scheme_end;
  if (lower.rfind("https://", 0) == 0) {
    scheme_end = 8;
  } else if (lower.rfind("http://", 0) == 0) {
    scheme_end = 7;
  } else {
    return "";
  }
  if (url.size() <= scheme_end || url[scheme_end] == '/' || url[scheme_end] == '?' || url[scheme_end] == '#')
    return "";  // no host
  static const char* const kHex = "0123456789ABCDEF";
  std::string out;
  out.reserve(url.size());
  for (unsigned char c : url) {
    if (c < 0x20 || c == 0x7F) return "";  // control characters: not a link a site meant to give
    if (c >= 0x80 || c == ' ' || c == '"' || c == '<' || c == '>' || c == '\\' || c == '^' || c == '`' ||
        c == '{' || c == '}' || c == '|') {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 0xF];
    } else {
      out += static_cast<char>(c);
    }
  }
  if (out.size() > discord::kMaxUrl) return "";
  return out;
}

}  // namespace ta
