#include <filesystem>
#include <system_error>

#include "config/config.h"

namespace ta {
namespace fs = std::filesystem;

std::string extract_dir(const Config& c) {
  if (!c.extract_dir.empty()) return c.extract_dir;
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    const fs::path bin = exe.parent_path();
    // Installed: <prefix>/bin/ticket-alarm next to <prefix>/share/ticket-alarm/scripts/extract.
    const fs::path installed = (bin / ".." / "share" / "ticket-alarm" / "scripts" / "extract").lexically_normal();
    if (fs::is_directory(installed, ec)) return installed.string();
    const fs::path beside = bin / "scripts" / "extract";
    if (fs::is_directory(beside, ec)) return beside.string();
  }
  return TA_SOURCE_DIR "/scripts/extract";
}

}  // namespace ta
