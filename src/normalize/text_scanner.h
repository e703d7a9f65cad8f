#pragma once
// A cursor over cleaned UTF-8 text for the small hand-written grammars of dates and times.
// Every `accept`/`number` either consumes what it matched or leaves the position unchanged, so
// a grammar can try alternatives by saving and restoring `pos`.
#include <cctype>
#include <cstddef>
#include <string>
#include <string_view>

namespace ta {

class TextScanner {
 public:
  explicit TextScanner(const std::string& text, std::size_t pos = 0) : s_(text), pos_(pos) {}

  std::size_t pos() const { return pos_; }
  void set_pos(std::size_t p) { pos_ = p; }
  bool done() const { return pos_ >= s_.size(); }
  char peek() const { return done() ? '\0' : s_[pos_]; }
  bool at_digit() const { return std::isdigit(static_cast<unsigned char>(peek())) != 0; }
  bool at_ascii_letter() const { return std::isalpha(static_cast<unsigned char>(peek())) != 0; }
  // Hangul syllables (U+AC00..U+D7A3) start with lead bytes EA..ED in UTF-8.
  bool at_hangul() const {
    auto b = static_cast<unsigned char>(peek());
    return b >= 0xEA && b <= 0xED;
  }

  bool accept(std::string_view word) {
    if (s_.compare(pos_, word.size(), word) != 0) return false;
    pos_ += word.size();
    return true;
  }

  bool accept_ignore_case(std::string_view word) {
    if (pos_ + word.size() > s_.size()) return false;
    for (std::size_t i = 0; i < word.size(); ++i)
      if (std::tolower(static_cast<unsigned char>(s_[pos_ + i])) !=
          std::tolower(static_cast<unsigned char>(word[i])))
        return false;
    pos_ += word.size();
    return true;
  }

  // A whole run of ASCII digits whose length is within [min_len, max_len]; a longer run is a
  // different number, never a prefix of one.
  bool number(std::size_t min_len, std::size_t max_len, int& out, std::size_t* len = nullptr) {
    std::size_t end = pos_;
    while (end < s_.size() && std::isdigit(static_cast<unsigned char>(s_[end]))) ++end;
    std::size_t n = end - pos_;
    if (n < min_len || n > max_len) return false;
    int v = 0;
    for (std::size_t i = pos_; i < end; ++i) v = v * 10 + (s_[i] - '0');
    out = v;
    if (len) *len = n;
    pos_ = end;
    return true;
  }

  void skip_spaces() {
    while (!done() && s_[pos_] == ' ') ++pos_;
  }

 private:
  const std::string& s_;
  std::size_t pos_;
};

}  // namespace ta
