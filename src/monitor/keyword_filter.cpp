#include "monitor/keyword_filter.h"

#include <algorithm>

namespace ta {
namespace {

bool same_name(const FoldedText& a, const FoldedText& b) { return a.chars == b.chars; }

}  // namespace

KeywordFilter::KeywordFilter(const std::vector<std::string>& keywords, const std::vector<std::string>& priority,
                             const std::vector<std::string>& exclude, const Groups& aliases)
    : keywords_(expand(keywords, aliases)), priority_(expand(priority, aliases)), exclude_(expand(exclude, aliases)) {}

KeywordFilter::Folded::Folded(const Ticket& t) : title(fold_for_match(t.title)), venue(fold_for_match(t.venue)) {}

// Each keyword, then every other name of each alias group that names it.
std::vector<KeywordFilter::Term> KeywordFilter::expand(const std::vector<std::string>& words, const Groups& aliases) {
  std::vector<std::vector<FoldedText>> folded_groups;
  for (const auto& group : aliases) {
    folded_groups.emplace_back();
    for (const auto& name : group) folded_groups.back().push_back(fold_for_match(name));
  }
  std::vector<Term> out;
  for (const auto& word : words) {
    const FoldedText folded = fold_for_match(word);
    if (folded.chars.empty()) continue;  // "" or only punctuation would match every notice
    out.push_back({word, word, folded});
    for (std::size_t g = 0; g < aliases.size(); ++g) {
      const auto& names = folded_groups[g];
      if (std::none_of(names.begin(), names.end(), [&](const FoldedText& n) { return same_name(n, folded); })) continue;
      for (std::size_t i = 0; i < names.size(); ++i)
        if (!names[i].chars.empty() && !same_name(names[i], folded)) out.push_back({word, aliases[g][i], names[i]});
    }
  }
  return out;
}

std::optional<KeywordFilter::Hit> KeywordFilter::first_in(const std::vector<Term>& terms, const Folded& t) {
  for (const auto& term : terms)
    if (contains_term(t.title, term.folded) || contains_term(t.venue, term.folded)) return Hit{term.keyword, term.name};
  return std::nullopt;
}

std::optional<KeywordFilter::Hit> KeywordFilter::match(List list, const Ticket& t) const {
  const Folded folded(t);
  switch (list) {
    case List::keywords: return first_in(keywords_, folded);
    case List::priority: return first_in(priority_, folded);
    case List::exclude: return first_in(exclude_, folded);
  }
  return std::nullopt;
}

bool KeywordFilter::wanted(const Ticket& t) const {
  if (exclude_.empty() && keywords_.empty()) return true;
  const Folded folded(t);
  if (first_in(exclude_, folded)) return false;
  if (keywords_.empty()) return true;
  return first_in(keywords_, folded) || first_in(priority_, folded);
}

bool KeywordFilter::priority(const Ticket& t) const {
  return !priority_.empty() && first_in(priority_, Folded(t)).has_value();
}

}  // namespace ta
