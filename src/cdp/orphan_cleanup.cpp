#include "cdp/orphan_cleanup.h"

#include <signal.h>
#include <unistd.h>

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
