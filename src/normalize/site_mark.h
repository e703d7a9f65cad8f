#pragma once
// A notice the site itself marks as a change or a cancellation: YES24's 변경/취소 category, a title
// that opens with a bracketed marker ("[오픈연기] …", "［오픈일 변경］ …", "[공연취소] …"). Such a
// notice is not a new sale to announce: fans are told what changed about the show it names.
#include <optional>
#include <string>
#include <string_view>

namespace ta {

// A bracket that opens a title — [..], ［..］, 【..】, 〔..〕, (..), （..）, <..>, 〈..〉 — split into
// what it holds and what follows it (leading spaces skipped); nullopt when the title opens otherwise.
struct LeadingBracket {
  std::string_view inside;
  std::string_view rest;
};
std::optional<LeadingBracket> leading_bracket(std::string_view title);

enum class SiteMark { none, changed, cancelled };

// Stored as tickets.site_mark: none | changed | cancelled.
const char* to_string(SiteMark mark);
SiteMark site_mark_from(const std::string& text);  // unknown text reads as none

// `category` is the row's own label (open_type_label: YES24's 구분 column). A 변경/취소 category
// is a cancellation when the title speaks of one (취소) without a change or delay (변경, 연기),
// else a change. Without such a category only a leading bracketed marker counts: a word inside
// a title ("좌석 변경 안내" in the middle of a show name) is not a mark.
SiteMark site_mark_of(const std::string& title, const std::string& category);

// The Korean word fans read: 일정 변경 | 취소.
std::string site_mark_korean(SiteMark mark);

}  // namespace ta
