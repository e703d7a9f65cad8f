#include "store/title_key.h"

#include <array>
#include <cctype>
#include <string_view>

namespace ta {
namespace {

// UTF-8 sequences that carry no meaning for matching.
constexpr std::array<std::string_view, 34> kIgnored = {
    "\u00a0", "\u200b", "\u200c", "\u200d", "\ufeff", "\u3000",  // spaces, zero-width
    "\u3008", "\u3009", "\u300a", "\u300b", "\u300c", "\u300d",  // 〈〉《》「」
    "\u300e", "\u300f", "\u3010", "\u3011", "\u3014", "\u3015",  // 『』【】〔〕
    "\uff08", "\uff09", "\uff3b", "\uff3d", "\uff1c", "\uff1e",  // （）［］＜＞
    "\u2018", "\u2019", "\u201c", "\u201d", "\u00b7", "\u2022",  // ‘’“”·•
    "\u2026", "\u2013", "\u2014", "\uff5e",                      // …–—～
};

}  // namespace

std::string title_key(const std::string& title) {
  std::string key;
  key.reserve(title.size());
  std::size_t i = 0;
  while (i < title.size()) {
    const unsigned char c = static_cast<unsigned char>(title[i]);
    if (c < 0x80) {
      if (std::isalnum(c)) key += static_cast<char>(std::tolower(c));
      ++i;
      continue;
    }
    bool skipped = false;
    for (auto seq : kIgnored) {
      if (std::string_view(title).substr(i, seq.size()) == seq) {
        i += seq.size();
        skipped = true;
        break;
      }
    }
    if (!skipped) key += title[i++];
  }
  return key;
}

}  // namespace ta
