#include "util/resource_dir.h"

#include <filesystem>

namespace ta {
namespace fs = std::filesystem;

std::string resource_dir(const std::string& name, const std::string& marker) {
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    const fs::path bin = exe.parent_path();
    for (const fs::path& candidate : {bin / ".." / "share" / "ticket-alarm" / name, bin / name, bin / ".." / name}) {
      fs::path p = candidate.lexically_normal();
      if (fs::exists(p / marker, ec)) return p.string();
    }
  }
#ifdef TA_SOURCE_DIR
  return std::string(TA_SOURCE_DIR) + "/" + name;
#else
  return name;
#endif
}

std::string scripts_root() { return resource_dir("scripts", "cdp"); }

}  // namespace ta
