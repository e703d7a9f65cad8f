#include "web/web_root.h"

#include <filesystem>

namespace ta {
namespace fs = std::filesystem;

std::string web_root() {
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    const fs::path bin = exe.parent_path();
    for (const fs::path& candidate : {bin / ".." / "share" / "ticket-alarm" / "web", bin / "web", bin / ".." / "web"}) {
      fs::path p = candidate.lexically_normal();
      if (fs::is_regular_file(p / "index.html", ec)) return p.string();
    }
  }
#ifdef TA_SOURCE_DIR
  return TA_SOURCE_DIR "/web";
#else
  return "web";
#endif
}

}  // namespace ta
