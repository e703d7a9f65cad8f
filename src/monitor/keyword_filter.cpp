#include "monitor/keyword_filter.h"

#include <algorithm>

namespace ta {
namespace {

bool same_name(const FoldedText& a, const FoldedText& b) { return a.chars == b.chars; }

}  // namespace

KeywordFilter::KeywordFilter(const std::vector<std::string>& keywords, const std::vector<std::string>& priority,
                             const std::vector<std::string>& exclude, const Groups& aliases)
    : keywords_(expand(keywords, aliases)), priority_(expand(priority, aliases)), exclude_(expand(exclude, aliases)) {}

// Each keyword, then every other name of each alias group that names it.
std::vector<KeywordFilter::Term> KeywordFilter::expand(const std::vector<std::string>& words, const Groups& aliases) {
  std::vector<Term> out;
  for (const auto& word : words) {
    const FoldedText folded = fold_for_match(word);
    if (folded.chars.empty()) continue;  // "" or only punctuation would match every notice
    out.push_back({word, word, folded});
    for (const auto& group : aliases) {
      const bool names_it = std::any_of(group.begin(), group.end(),
                                        [&](const std::string& n) { return same_name(fold_for_match(n), folded); });
      if (!names_it) continue;
      for (const auto& name : group) {
        FoldedText f = fold_for_match(name);
        if (!f.chars.empty() && !same_name(f, folded)) out.push_back({word, name, std::move(f)});
      }
    }
  }
  return out;
}

std::optional<KeywordFilter::Hit> KeywordFilter::first_in(const std::vector<Term>& terms, const Ticket& t) {
  if (terms.empty()) return std::nullopt;
  const FoldedText title = fold_for_match(t.title), venue = fold_for_match(t.venue);
  for (const auto& term : terms)
    if (contains_term(title, term.folded) || contains_term(venue, term.folded)) return Hit{term.keyword, term.name};
  return std::nullopt;
}

std::optional<KeywordFilter::Hit> KeywordFilter::match(List list, const Ticket& t) const {
  switch (list) {
    case List::keywords: return first_in(keywords_, t);
    case List::priority: return first_in(priority_, t);
    case List::exclude: return first_in(exclude_, t);
  }
  return std::nullopt;
}

bool KeywordFilter::wanted(const Ticket& t) const {
  if (first_in(exclude_, t)) return false;
  if (keywords_.empty()) return true;
  return first_in(keywords_, t) || first_in(priority_, t);
}

bool KeywordFilter::priority(const Ticket& t) const { return first_in(priority_, t).has_value(); }

}  // namespace ta
