#include "normalize/open_type.h"

#include <algorithm>
#include <cctype>
#include <optional>
#include <string_view>

#include "normalize/text_clean.h"

namespace ta {

namespace {

bool contains(const std::string& text, std::string_view word) { return text.find(word) != std::string::npos; }

bool contains_ignore_case(std::string text, std::string_view word) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return contains(text, word);
}

// `2차`, `10차`; the digits must end right before 차.
bool contains_round_number(const std::string& text) {
  static constexpr std::string_view kCha = "차";
  for (std::size_t at = text.find(kCha); at != std::string::npos; at = text.find(kCha, at + 1)) {
    if (at > 0 && std::isdigit(static_cast<unsigned char>(text[at - 1]))) return true;
  }
  return false;
}

std::optional<std::string> match_rules(const std::string& text) {
  if (contains(text, "팬클럽") || contains(text, "멤버십")) return "fanclub";
  if (contains(text, "선예매") || contains(text, "선행") || contains(text, "사전예매") ||
      contains_ignore_case(text, "presale"))
    return "presale";
  if (contains(text, "마지막")) return "last";
  if (contains_round_number(text)) return "nth_round";
  // 오픈 subsumes 티켓오픈 and 티켓 오픈; they are listed in the contract for readers.
  if (contains(text, "일반") || contains(text, "오픈")) return "general";
  return std::nullopt;
}

}  // namespace

OpenType classify_open_type(const std::string& label, const std::string& title) {
  OpenType t;
  t.label = clean_text(label);
  if (!t.label.empty()) {
    t.code = match_rules(t.label).value_or("other");
  } else {
    t.code = match_rules(clean_text(title)).value_or("general");
  }
  return t;
}

std::string open_type_korean(const std::string& code) {
  if (code == "general") return "일반예매";
  if (code == "presale") return "선예매";
  if (code == "fanclub") return "팬클럽 선예매";
  if (code == "nth_round") return "추가 오픈";
  if (code == "last") return "마지막 오픈";
  if (code == "other") return "기타";
  return "";
}

std::string open_type_display(const std::string& label, const std::string& code) {
  return label.empty() ? open_type_korean(code) : label;
}

}  // namespace ta
