#pragma once
// Names that mean the same act (아이유 = IU = 이지은): the shipped config/aliases.json, or the file
// `aliases_file` names, plus the config's own `aliases` groups.
#include <string>
#include <vector>

#include "config/config.h"

namespace ta {

using AliasGroups = std::vector<std::vector<std::string>>;

// The installed copy of config/aliases.json.
std::string default_aliases_path();

// {"aliases": [["아이유", "IU"], …]} or the bare list; // comments allowed. ConfigError naming
// `origin` and the entry ("aliases[3][1]") for anything else.
AliasGroups parse_alias_groups(const std::string& text, const std::string& origin);

// The groups `c` means: its aliases_file (else the shipped file, when installed) and then c.aliases.
// ConfigError when a named file cannot be read or is malformed.
AliasGroups load_alias_groups(const Config& c);

}  // namespace ta
