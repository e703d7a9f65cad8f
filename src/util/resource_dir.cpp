#include "util/resource_dir.h"

#include <filesystem>

namespace ta {
namespace fs = std::filesystem;

std::string scripts_root() {
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    const fs::path bin = exe.parent_path();
    for (const fs::path& candidate : {bin / ".." / "share" / "ticket-alarm" / "scripts", bin / "scripts", bin / ".." / "scripts"}) {
      fs::path p = candidate.lexically_normal();
      if (fs::is_directory(p / "cdp", ec)) return p.string();
    }
  }
#ifdef TA_SOURCE_DIR
  return TA_SOURCE_DIR "/scripts";
#else
  return "scripts";
#endif
}

}  // namespace ta
