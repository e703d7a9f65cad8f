// The configuration parser and the alias file reader on arbitrary text: a ConfigError is the only
// way to refuse input; anything else (a crash, an escaping exception, UB) is a bug.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "config/aliases.h"
#include "config/config.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  std::vector<std::string> warnings;
  try {
    (void)ta::effective_json(ta::parse_config(text, "fuzz.json", &warnings));
  } catch (const ta::ConfigError&) {
  }
  try {
    (void)ta::parse_alias_groups(text, "fuzz-aliases.json");
  } catch (const ta::ConfigError&) {
  }
  return 0;
}
