#include "web/web_root.h"

#include "util/resource_dir.h"

namespace ta {

std::string web_root() { return resource_dir("web", "index.html"); }

}  // namespace ta
