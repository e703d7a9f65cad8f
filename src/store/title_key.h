#pragma once
// Legacy entries often have no usable id, only a title; the old tool and the new normaliser clean
// titles slightly differently (spacing, brackets, case), so titles are compared by this key.
#include <cstddef>
#include <string>

namespace ta {

// ASCII lowercased, without whitespace, ASCII punctuation, common CJK brackets/quotes/dots and
// zero-width characters. "[단독] IU 콘서트 <HEREH>" and "[단독]IU콘서트〈hereh〉" give the same key.
std::string title_key(const std::string& title);

}  // namespace ta

namespace ta {

// The show a notice is about: its title_key without a leading bracketed marker, cut before the
// first words that announce a change ("공연 일정 변경 및 환불 안내", "오픈 연기", "취소") and
// without a closing "티켓 오픈 안내" / "안내". A site's change notice and the notice it changes
// give the same key, or one is the start of the other.
std::string show_key(const std::string& title);

// Six Hangul syllables or eighteen ASCII letters: shorter show keys ("콘서트") name no one show.
constexpr std::size_t kMinShowKeyBytes = 18;

}  // namespace ta
