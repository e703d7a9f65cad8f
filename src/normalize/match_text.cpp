#include "normalize/match_text.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

namespace ta {
namespace {

const icu::Normalizer2* nfkc_casefold() {
  static const icu::Normalizer2* instance = [] {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* n = icu::Normalizer2::getNFKCCasefoldInstance(status);
    return U_SUCCESS(status) ? n : nullptr;
  }();
  return instance;
}

// Spacing, punctuation (brackets and quotes included), symbols (<>, ★, emoji) and format or
// control characters separate words and are never compared.
bool is_separator(UChar32 c) {
  const std::int32_t mask = U_GC_Z_MASK | U_GC_P_MASK | U_GC_S_MASK | U_GC_CF_MASK | U_GC_CC_MASK;
  return u_isUWhiteSpace(c) || (U_GET_GC_MASK(c) & mask) != 0;
}

bool is_latin_alnum(char32_t c) { return (c >= U'a' && c <= U'z') || (c >= U'0' && c <= U'9'); }

}  // namespace

FoldedText fold_for_match(const std::string& utf8) {
  icu::UnicodeString text = icu::UnicodeString::fromUTF8(utf8);
  if (const auto* n = nfkc_casefold()) {
    UErrorCode status = U_ZERO_ERROR;
    icu::UnicodeString folded = n->normalize(text, status);
    if (U_SUCCESS(status)) text = folded;
  }
  FoldedText out;
  bool gap = true;
  for (int32_t i = 0; i < text.length(); i = text.moveIndex32(i, 1)) {
    const UChar32 c = text.char32At(i);
    if (is_separator(c)) {
      gap = true;
      continue;
    }
    out.chars.push_back(static_cast<char32_t>(c));
    out.gap_before.push_back(gap);
    gap = false;
  }
  return out;
}

bool contains_term(const FoldedText& text, const FoldedText& term) {
  if (term.chars.empty()) return false;
  bool latin = true;
  for (char32_t c : term.chars) latin = latin && is_latin_alnum(c);
  for (std::size_t at = text.chars.find(term.chars); at != std::u32string::npos;
       at = text.chars.find(term.chars, at + 1)) {
    if (!latin) return true;
    const std::size_t last = at + term.chars.size() - 1;
    const bool starts_word = text.gap_before[at] || !is_latin_alnum(text.chars[at - 1]);
    const bool ends_word = text.gap_after(last) || !is_latin_alnum(text.chars[last + 1]);
    if (starts_word && ends_word) return true;
  }
  return false;
}

}  // namespace ta
