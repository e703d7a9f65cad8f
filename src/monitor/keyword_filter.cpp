#include "monitor/keyword_filter.h"

#include <algorithm>

namespace ta {
namespace {

std::string fold(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

std::vector<std::string> fold_all(std::vector<std::string> v) {
  std::vector<std::string> out;
  for (auto& s : v) {
    s = fold(s);
    if (!s.empty()) out.push_back(s);
  }
  return out;
}

}  // namespace

KeywordFilter::KeywordFilter(std::vector<std::string> keywords, std::vector<std::string> priority,
                             std::vector<std::string> exclude)
    : keywords_(fold_all(std::move(keywords))), priority_(fold_all(std::move(priority))), exclude_(fold_all(std::move(exclude))) {}

bool KeywordFilter::any_in(const std::vector<std::string>& words, const Ticket& t) {
  const std::string title = fold(t.title), venue = fold(t.venue);
  return std::any_of(words.begin(), words.end(), [&](const std::string& w) {
    return title.find(w) != std::string::npos || venue.find(w) != std::string::npos;
  });
}

bool KeywordFilter::wanted(const Ticket& t) const {
  if (any_in(exclude_, t)) return false;
  if (keywords_.empty()) return true;
  return any_in(keywords_, t) || any_in(priority_, t);
}

bool KeywordFilter::priority(const Ticket& t) const { return any_in(priority_, t); }

}  // namespace ta
