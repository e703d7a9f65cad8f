#pragma once
#include <string>

namespace ta {

// Removes HTML markup: comments, `<!DOCTYPE ...>` and tags whose name is a real HTML element
// (`<br>`, `<span class="x">`, `</b>`). Angle brackets used as punctuation, as in `<뮤지컬 X>`,
// `<Mamma Mia!>` or `‹스페셜>`, are text and stay. Tags are dropped without a trace, `<br>`
// included, as the contract says ("drop tags").
std::string strip_tags(const std::string& text);

}  // namespace ta
