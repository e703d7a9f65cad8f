#pragma once
// Legacy entries often have no usable id, only a title; the old tool and the new normaliser clean
// titles slightly differently (spacing, brackets, case), so titles are compared by this key.
#include <string>

namespace ta {

// ASCII lowercased, without whitespace, ASCII punctuation, common CJK brackets/quotes/dots and
// zero-width characters. "[단독] IU 콘서트 <HEREH>" and "[단독]IU콘서트〈hereh〉" give the same key.
std::string title_key(const std::string& title);

}  // namespace ta
