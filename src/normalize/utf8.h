#pragma once
// Minimal UTF-8 stepping for the cleaners: they must look at code points (U+200B, U+3000, ...)
// while passing any byte they do not understand through untouched.
#include <cstddef>
#include <string>

namespace ta::utf8 {

constexpr char32_t kInvalid = 0xFFFFFFFF;

// Decodes the code point starting at `pos` and sets `len` to its byte length. A malformed
// sequence yields kInvalid with len 1, so callers can copy that single byte and move on.
char32_t decode_at(const std::string& s, std::size_t pos, std::size_t& len);

void append(std::string& out, char32_t cp);

}  // namespace ta::utf8
