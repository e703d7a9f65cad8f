#pragma once
#include <string>

namespace ta {

struct OpenType {
  std::string code;   // general | presale | fanclub | nth_round | last | other
  std::string label;  // the cleaned label as shown, empty when the page shows none
};

// docs/ticket-format.md's rules, first match wins: 팬클럽/멤버십 → fanclub; 선예매/선행/사전예매/
// presale → presale; 마지막 → last; digits followed by 차 → nth_round; 일반/티켓오픈/티켓 오픈/오픈 →
// general; any other label → other. An empty label falls back to the same rules on the title,
// where no match means general. Both arguments may be raw; they are cleaned here.
OpenType classify_open_type(const std::string& label, const std::string& title);

// The Korean name fans read for a code (일반예매, 선예매, 팬클럽 선예매, 추가 오픈, 마지막 오픈, 기타),
// shown wherever the page gave no label of its own; never the internal code.
std::string open_type_korean(const std::string& code);
// The label as shown, else the Korean name of the code.
std::string open_type_display(const std::string& label, const std::string& code);

}  // namespace ta
