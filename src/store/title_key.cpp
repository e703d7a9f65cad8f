#include "store/title_key.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <string_view>

#include "normalize/site_mark.h"

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

namespace ta {
namespace {

std::string without_leading_bracket(const std::string& title) {
  const auto bracket = leading_bracket(title);
  return bracket ? std::string(bracket->rest) : title;
}

bool ends_with(const std::string& s, std::string_view tail) {
  return s.size() >= tail.size() && std::string_view(s).substr(s.size() - tail.size()) == tail;
}

}  // namespace

std::string show_key(const std::string& title) {
  std::string key = title_key(without_leading_bracket(title));
  static constexpr std::array<std::string_view, 15> kChangeWords = {
      "공연일정", "공연취소", "공연연기", "공연변경", "판매취소", "예매취소", "오픈취소", "일정변경",
      "출연진변경", "오픈일변경", "변경", "연기", "취소", "환불", "재오픈"};
  std::size_t cut = key.size();
  for (auto w : kChangeWords) cut = std::min(cut, key.find(w));
  key.resize(cut);
  static constexpr std::array<std::string_view, 6> kTails = {"티켓오픈안내", "티켓오픈", "오픈안내", "예매안내",
                                                              "안내", "및"};
  for (bool again = true; again;) {
    again = false;
    for (auto tail : kTails)
      if (ends_with(key, tail)) {
        key.resize(key.size() - tail.size());
        again = true;
      }
    // A round ("4차") names a sale of the show, not another show.
    if (ends_with(key, "차") && key.size() > 3 && std::isdigit(static_cast<unsigned char>(key[key.size() - 4]))) {
      key.resize(key.size() - 3);
      while (!key.empty() && std::isdigit(static_cast<unsigned char>(key.back()))) key.pop_back();
      again = true;
    }
  }
  return key;
}

}  // namespace ta
