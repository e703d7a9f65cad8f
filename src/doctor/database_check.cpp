#include <filesystem>
#include <string>
#include <system_error>
#include <vector>

#include "config/config.h"
#include "doctor/checks.h"
#include "ops/sqlite_handle.h"
#include "store/store.h"

namespace ta::doctor {

namespace {
const char* const kTitle = "데이터베이스";
const char* const kRestoreFix =
    "서비스를 멈추고 `ticket-alarm restore <백업 파일>`로 data_dir/backups의 최근 백업을 되살리세요. "
    "백업이 없으면 이 파일을 다른 이름으로 옮기고 다시 시작하세요 (알림 기록이 사라져 이미 알린 공지가 "
    "다시 올 수 있습니다)";
}  // namespace

CheckResult check_database(const Config& config, bool* usable) {
  *usable = false;
  const std::string path = database_path(config.data_dir);
  std::error_code ec;
  if (!std::filesystem::exists(path, ec))
    return CheckResult::warn(kTitle, path + "이(가) 아직 없습니다 (아직 실행 전)",
                             "`ticket-alarm run`을 한 번 실행하면 만들어집니다");
  std::vector<std::string> problems;
  try {
    problems = integrity_problems(path);
  } catch (const std::exception& e) {
    return CheckResult::fail(kTitle, path + "을(를) 열 수 없습니다: " + e.what(),
                             "파일 권한(ls -l)을 확인하세요. 열리지 않으면: " + std::string(kRestoreFix));
  }
  if (!problems.empty()) {
    std::string found = path + ": 무결성 검사 실패";
    for (const auto& p : problems) found += "\n" + p;
    return CheckResult::fail(kTitle, found, kRestoreFix);
  }
  *usable = true;
  return CheckResult::pass(kTitle, path + ": 무결성 검사 통과");
}

}  // namespace ta::doctor
