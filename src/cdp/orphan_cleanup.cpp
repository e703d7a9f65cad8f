#include "cdp/orphan_cleanup.h"

#include <signal.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include <filesystem>
#include <mutex>
#include <set>

#include "cdp/profile_dir.h"
#include "log/log.h"
#include "util/process_group.h"

namespace fs = std::filesystem;

namespace ta::cdp {
namespace {

// Kills every process using `profile`, each browser's whole group with it. Returns the number of
// groups killed.
int kill_users_of(const std::string& profile, bool only_orphans_of_init) {
  std::set<pid_t> groups;
  std::vector<pid_t> others;
  for (pid_t pid : processes_mentioning("--user-data-dir=" + profile)) {
    if (only_orphans_of_init && parent_pid(pid) != 1) continue;
    if (::getpgid(pid) == pid) groups.insert(pid);
    others.push_back(pid);
  }
  // The crash handler names the profile through its --database, outside the browser's group.
  if (!only_orphans_of_init)
    for (pid_t pid : processes_mentioning(profile + "/")) others.push_back(pid);
  for (pid_t group : groups) {
    logger("pool")->warn("이전 실행이 남긴 Chromium을 정리합니다 (pid {})", group);
    kill_group(group);
  }
  for (pid_t pid : others) ::kill(pid, SIGKILL);
  if (!others.empty()) reap_members(others, 0);
  return static_cast<int>(groups.size());
}

bool old_and_unused(const std::string& profile) {
  std::error_code ec;
  auto age = fs::file_time_type::clock::now() - fs::last_write_time(profile, ec);
  // A profile is created just before its Chromium starts: leave young ones alone, another
  // ticket-alarm may be launching right now.
  if (ec || age < std::chrono::minutes(10)) return false;
  return processes_mentioning("--user-data-dir=" + profile).empty();
}

// True when a Unix socket file exists at `path` and nobody listens on it: its Chromium is gone.
// (No file yet may be a Chromium starting right now: that is never called dead.)
bool nobody_listens(const std::string& path) {
  sockaddr_un addr{};
  if (path.size() >= sizeof(addr.sun_path)) return false;
  addr.sun_family = AF_UNIX;
  std::memcpy(addr.sun_path, path.c_str(), path.size() + 1);
  const int fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) return false;
  const bool refused = ::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)) != 0 && errno == ECONNREFUSED;
  ::close(fd);
  return refused;
}

// A controller killed while its Chromium ran with the temporary directory itself as TMPDIR (a
// profile path too long for a socket) leaves TMPDIR/org.chromium.Chromium.XXXXXX behind, which no
// profile may point to any more: removed once its socket has no listener.
void remove_dead_singleton_dirs() {
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(fs::temp_directory_path(), ec)) {
    const std::string name = e.path().filename().string();
    if (name.rfind("org.chromium.Chromium.", 0) != 0 || !nobody_listens((e.path() / "SingletonSocket").string())) continue;
    std::error_code remove_ec;
    fs::remove_all(e.path(), remove_ec);
  }
}

}  // namespace

int cleanup_orphaned_browsers() {
  int killed = 0;
  for (const auto& profile : profile_dirs_in_tmp()) {
    const ProfileOwner owner = profile_owner(profile);
    if (owner == ProfileOwner::Alive) continue;
    const bool legacy = owner == ProfileOwner::Unknown;
    killed += kill_users_of(profile, legacy);
    if (legacy && !old_and_unused(profile)) continue;
    if (!remove_profile(profile))
      logger("pool")->warn("남은 임시 프로필을 지울 수 없습니다: {} — 권한을 확인하고 직접 지우세요 (rm -rf)", profile);
  }
  remove_dead_singleton_dirs();
  return killed;
}

void cleanup_orphaned_browsers_once() {
  static std::once_flag once;
  std::call_once(once, [] {
    try {
      cleanup_orphaned_browsers();
    } catch (const std::exception& e) {
      logger("pool")->warn("이전 실행의 Chromium 정리 중 오류: {}", e.what());
    }
  });
}

}  // namespace ta::cdp
