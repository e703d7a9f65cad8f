#pragma once
// ASCII case folding for protocol text (schemes, hosts, header names): locale-independent and
// leaves UTF-8 bytes alone.
#include <string>

namespace ta {

inline std::string ascii_lower(std::string s) {
  for (auto& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return s;
}

}  // namespace ta
