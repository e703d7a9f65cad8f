#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <string>
#include <system_error>
#include <vector>

#include "config/config.h"
#include "doctor/checks.h"

namespace ta::doctor {

namespace fs = std::filesystem;

namespace {

// Creating (and removing) a real file is the only test that also catches read-only mounts, full
// quotas and ACLs; access(2) would not.
CheckResult check_writable(const std::string& title, const std::string& key, const std::string& configured) {
  const std::string dir = configured.empty() ? "." : configured;
  const std::string shown = fs::absolute(dir).lexically_normal().string();
  std::error_code ec;
  bool made = false;
  if (!fs::is_directory(dir, ec)) {
    made = fs::create_directories(dir, ec);
    if (ec || !fs::is_directory(dir))
      return CheckResult::fail(title, shown + "을(를) 만들 수 없습니다 (" + ec.message() + ")",
                               "설정의 \"" + key + "\"를 쓸 수 있는 디렉터리로 바꾸거나, 상위 경로가 디렉터리인지와 "
                               "권한을 확인하세요 (ls -ld로 확인, 필요하면 chown/chmod)");
  }
  std::string probe = (fs::path(dir) / ".doctor-write-test-XXXXXX").string();
  int fd = ::mkstemp(probe.data());
  if (fd < 0) {
    const std::string why = std::strerror(errno);
    return CheckResult::fail(title, shown + "에 파일을 만들 수 없습니다 (" + why + ")",
                             "ticket-alarm을 실행하는 사용자에게 쓰기 권한을 주세요 (chown/chmod), "
                             "디스크가 가득 찼거나 읽기 전용으로 마운트되지 않았는지도 확인하세요");
  }
  bool wrote = ::write(fd, "ok\n", 3) == 3;
  ::close(fd);
  ::unlink(probe.c_str());
  if (!wrote)
    return CheckResult::fail(title, shown + "에 쓰기가 실패했습니다", "디스크 여유 공간과 할당량(quota)을 확인하세요");
  return CheckResult::pass(title, shown + (made ? ": 새로 만들었고 쓸 수 있음" : ": 쓸 수 있음"));
}

}  // namespace

std::vector<CheckResult> check_directories(const Config& config) {
  return {check_writable("데이터 디렉터리", "data_dir", config.data_dir),
          check_writable("로그 디렉터리", "log.dir", config.log.dir)};
}

}  // namespace ta::doctor
