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

}  // namespace ta
