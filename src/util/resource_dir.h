#pragma once
#include <string>

namespace ta {

// A folder of project files read at run time (`name` = "scripts", "web"): the installed copy
// (<prefix>/share/ticket-alarm/<name> next to <prefix>/bin), beside the binary, one level up from
// it (build/ in a checkout), else the source tree the binary was built from. `marker` (a file or
// folder inside) tells a real copy from an unrelated folder of the same name.
std::string resource_dir(const std::string& name, const std::string& marker);

// resource_dir("scripts", "cdp").
std::string scripts_root();

}  // namespace ta
