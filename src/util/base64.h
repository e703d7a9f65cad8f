#pragma once
#include <string>

namespace ta {

std::string base64_encode(const std::string& bytes);
// Ignores whitespace; returns false on any other character outside the alphabet.
bool base64_decode(const std::string& text, std::string* out);

}  // namespace ta
