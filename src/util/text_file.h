#pragma once
#include <optional>
#include <string>

namespace ta {

// The whole file, or nullopt when it cannot be opened.
std::optional<std::string> read_text_file(const std::string& path);

}  // namespace ta
