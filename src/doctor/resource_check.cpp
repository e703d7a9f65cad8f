#include <sys/statvfs.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <system_error>
#include <vector>

#include "config/config.h"
#include "doctor/checks.h"

namespace ta::doctor {

namespace fs = std::filesystem;

namespace {

std::string gigabytes(std::uint64_t bytes) {
  std::ostringstream s;
  s.setf(std::ios::fixed);
  s.precision(1);
  s << static_cast<double>(bytes) / (1ull << 30) << " GB";
  return s.str();
}

// data_dir may not exist yet (or be unusable); the file system it would land on is the nearest
// existing ancestor's.
fs::path existing_ancestor(const std::string& dir) {
  std::error_code ec;
  fs::path p = fs::absolute(dir.empty() ? "." : dir, ec).lexically_normal();
  while (!p.empty() && !fs::is_directory(p, ec) && p != p.root_path()) p = p.parent_path();
  return p.empty() ? fs::path("/") : p;
}

CheckResult check_disk(const Config& config, const DoctorOptions& options) {
  const char* title = "디스크 여유 공간";
  const fs::path where = existing_ancestor(config.data_dir);
  struct statvfs st {};
  if (::statvfs(where.c_str(), &st) != 0)
    return CheckResult::warn(title, where.string() + "의 여유 공간을 읽지 못했습니다", "df -h로 직접 확인하세요");
  const std::uint64_t free_bytes = static_cast<std::uint64_t>(st.f_bavail) * st.f_frsize;
  const std::string found = where.string() + ": " + gigabytes(free_bytes) + " 남음";
  if (free_bytes < options.min_free_disk_bytes)
    return CheckResult::warn(title, found + " (" + gigabytes(options.min_free_disk_bytes) + " 미만)",
                             "오래된 로그·백업을 지우거나 data_dir을 여유 있는 디스크로 옮기세요 "
                             "(SQLite와 Chromium 임시 프로필이 공간을 씁니다)");
  return CheckResult::pass(title, found);
}

CheckResult check_memory(const DoctorOptions& options) {
  const char* title = "사용 가능한 메모리";
  std::ifstream in(options.meminfo_path);
  std::string line;
  while (std::getline(in, line)) {
    std::istringstream fields(line);
    std::string key;
    std::uint64_t kib = 0;
    if (!(fields >> key >> kib) || key != "MemAvailable:") continue;
    const std::uint64_t bytes = kib * 1024;
    const std::string found = gigabytes(bytes) + " 사용 가능";
    if (bytes < options.min_available_memory_bytes)
      return CheckResult::warn(title, found + " (" + gigabytes(options.min_available_memory_bytes) + " 미만)",
                               "다른 프로세스를 줄이거나 browser.pool_size·pages_per_browser를 낮추세요 "
                               "(Chromium 하나가 수백 MB를 씁니다)");
    return CheckResult::pass(title, found);
  }
  return CheckResult::warn(title, options.meminfo_path + "에서 MemAvailable을 읽지 못했습니다", "free -h로 직접 확인하세요");
}

}  // namespace

std::vector<CheckResult> check_resources(const Config& config, const DoctorOptions& options) {
  return {check_disk(config, options), check_memory(options)};
}

}  // namespace ta::doctor
