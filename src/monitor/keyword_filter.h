#pragma once
// KEYWORDS / PRIORITY_KEYWORDS / EXCLUDE_KEYWORDS, matched case-insensitively (ASCII letters;
// Hangul has no case) in the title or the venue.
#include <string>
#include <vector>

#include "model/ticket.h"

namespace ta {

class KeywordFilter {
 public:
  KeywordFilter(std::vector<std::string> keywords, std::vector<std::string> priority, std::vector<std::string> exclude);
  // Announced at all: no exclude keyword, and a keyword (or a priority keyword) matches — an
  // empty KEYWORDS list lets everything through.
  bool wanted(const Ticket& t) const;
  bool priority(const Ticket& t) const;

 private:
  static bool any_in(const std::vector<std::string>& words, const Ticket& t);
  std::vector<std::string> keywords_, priority_, exclude_;
};

}  // namespace ta
