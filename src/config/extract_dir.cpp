#include "config/config.h"
#include "util/resource_dir.h"

namespace ta {

std::string extract_dir(const Config& c) { return c.extract_dir.empty() ? scripts_root() + "/extract" : c.extract_dir; }

}  // namespace ta
