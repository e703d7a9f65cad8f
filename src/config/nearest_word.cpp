#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

#include "config/config.h"

namespace ta {
namespace {

std::string lowercase(std::string s) {
  for (auto& ch : s) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return s;
}

size_t edit_distance(const std::string& a, const std::string& b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

}  // namespace

std::string nearest_word(const std::string& word, const std::vector<std::string>& candidates) {
  const std::string needle = lowercase(word);
  // About one typo per three letters; anything further is a different word, not a misspelling.
  const size_t close_enough = std::max<size_t>(1, (needle.size() + 2) / 3);
  std::string best;
  size_t best_distance = close_enough + 1;
  for (const auto& candidate : candidates) {
    const std::string hay = lowercase(candidate);
    size_t d = edit_distance(needle, hay);
    // "webhook_url" for "DISCORD_WEBHOOK_URL": a long enough fragment is as good as a typo.
    if ((needle.size() >= 4 && hay.find(needle) != std::string::npos) ||
        (hay.size() >= 4 && needle.find(hay) != std::string::npos))
      d = std::min(d, close_enough);
    if (d < best_distance) {
      best_distance = d;
      best = candidate;
    }
  }
  return best;
}

}  // namespace ta
