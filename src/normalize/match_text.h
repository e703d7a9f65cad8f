#pragma once
// Text as fans search it. Keywords and titles are compared after Unicode NFKC case folding (ICU:
// full-width ＩＵ is iu, Ⅱ is ii, é in either form is é), without spacing, punctuation, brackets
// or symbols (아이유콘서트 is 아이유 콘서트; ［］〈〉<> and 「」 make no difference).
#include <string>
#include <vector>

namespace ta {

struct FoldedText {
  std::u32string chars;         // what is compared: folded, separators removed
  std::vector<bool> gap_before;  // per char: a separator (or the start) came before it
  bool gap_after(std::size_t i) const { return i + 1 >= chars.size() || gap_before[i + 1]; }
};

FoldedText fold_for_match(const std::string& utf8);

// Whether `term` (folded) occurs in `text`. A term of Latin letters and digits must stand as a
// word of its own on the Latin side ("IU" is in "IU콘서트" and "[IU] 투어", not in "IUNIVERSE");
// a Hangul term may have particles attached (아이유의, 아이유와).
bool contains_term(const FoldedText& text, const FoldedText& term);

}  // namespace ta
