#pragma once
// KEYWORDS / PRIORITY_KEYWORDS / EXCLUDE_KEYWORDS, in the title or the venue, compared as fans
// type them (normalize/match_text.h: no spacing, case, width or bracket differences), each
// keyword standing for every name of its alias group (아이유 = IU = 이지은).
#include <optional>
#include <string>
#include <vector>

#include "model/ticket.h"
#include "normalize/match_text.h"

namespace ta {

class KeywordFilter {
 public:
  using Groups = std::vector<std::vector<std::string>>;

  KeywordFilter(const std::vector<std::string>& keywords, const std::vector<std::string>& priority,
                const std::vector<std::string>& exclude, const Groups& aliases = {});
  // Announced at all: no exclude keyword, and a keyword (or a priority keyword) matches — an
  // empty KEYWORDS list lets everything through.
  bool wanted(const Ticket& t) const;
  bool priority(const Ticket& t) const;
  // The configured keyword of `list` that matches, and the name that was found (an alias, or
  // the keyword itself); empty when none does. For check-config --match and logs.
  struct Hit {
    std::string keyword;
    std::string found_as;
  };
  enum class List { keywords, priority, exclude };
  std::optional<Hit> match(List list, const Ticket& t) const;

 private:
  struct Term {
    std::string keyword;   // as configured
    std::string name;      // this spelling: the keyword or one of its aliases
    FoldedText folded;
  };
  // A ticket's title and venue, folded once however many lists look at them.
  struct Folded {
    FoldedText title, venue;
    explicit Folded(const Ticket& t);
  };
  static std::vector<Term> expand(const std::vector<std::string>& words, const Groups& aliases);
  static std::optional<Hit> first_in(const std::vector<Term>& terms, const Folded& t);
  std::vector<Term> keywords_, priority_, exclude_;
};

}  // namespace ta
