#include "normalize/site_mark.h"

#include <array>
#include <string_view>

#include "normalize/text_clean.h"

namespace ta {
namespace {

bool contains(std::string_view text, std::string_view word) { return text.find(word) != std::string_view::npos; }

bool is_change_category(const std::string& category) {
  return category == "변경/취소" || category == "변경" || category == "취소" || category == "일정변경" ||
         category == "일정 변경";
}

bool speaks_of_cancel(std::string_view text) {
  return contains(text, "취소") && !contains(text, "변경") && !contains(text, "연기");
}

bool speaks_of_change(std::string_view text) {
  return contains(text, "변경") || contains(text, "연기") || contains(text, "취소");
}

}  // namespace

std::optional<LeadingBracket> leading_bracket(std::string_view title) {
  struct Pair {
    std::string_view open, close;
  };
  static constexpr std::array<Pair, 8> kPairs = {{{"[", "]"},
                                                  {"\uff3b", "\uff3d"},
                                                  {"\u3010", "\u3011"},
                                                  {"\u3014", "\u3015"},
                                                  {"(", ")"},
                                                  {"\uff08", "\uff09"},
                                                  {"<", ">"},
                                                  {"\u3008", "\u3009"}}};
  while (!title.empty() && title.front() == ' ') title.remove_prefix(1);
  for (const auto& p : kPairs) {
    if (title.substr(0, p.open.size()) != p.open) continue;
    const auto end = title.find(p.close, p.open.size());
    if (end == std::string_view::npos) return std::nullopt;
    return LeadingBracket{title.substr(p.open.size(), end - p.open.size()), title.substr(end + p.close.size())};
  }
  return std::nullopt;
}

const char* to_string(SiteMark mark) {
  switch (mark) {
    case SiteMark::none: return "none";
    case SiteMark::changed: return "changed";
    case SiteMark::cancelled: return "cancelled";
  }
  return "none";
}

SiteMark site_mark_from(const std::string& text) {
  if (text == "changed") return SiteMark::changed;
  if (text == "cancelled") return SiteMark::cancelled;
  return SiteMark::none;
}

SiteMark site_mark_of(const std::string& raw_title, const std::string& raw_category) {
  const std::string title = clean_text(raw_title);
  if (is_change_category(clean_text(raw_category)))
    return speaks_of_cancel(title) ? SiteMark::cancelled : SiteMark::changed;
  const auto bracket = leading_bracket(title);
  if (!bracket || !speaks_of_change(bracket->inside)) return SiteMark::none;
  return speaks_of_cancel(bracket->inside) ? SiteMark::cancelled : SiteMark::changed;
}

std::string site_mark_korean(SiteMark mark) {
  switch (mark) {
    case SiteMark::changed: return "일정 변경";
    case SiteMark::cancelled: return "취소";
    case SiteMark::none: break;
  }
  return "";
}

}  // namespace ta
