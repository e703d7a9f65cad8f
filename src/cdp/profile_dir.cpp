#include "cdp/profile_dir.h"

#include <fcntl.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "cdp/errors.h"
#include "util/proc_file.h"
#include "util/process_group.h"

namespace fs = std::filesystem;

namespace ta::cdp {
namespace {

constexpr const char* kOwnerFile = "ticket-alarm-owner";

std::string owner_line(pid_t pid) { return std::to_string(pid) + " " + process_start_time(pid); }

void write_owner(const std::string& profile) {
  std::ofstream out(profile + "/" + kOwnerFile);
  out << owner_line(::getpid()) << "\n";
  if (!out) throw LaunchError("chromium", "임시 프로필에 소유자 파일을 쓸 수 없습니다: " + profile +
                                         " — 임시 폴더(TMPDIR)에 쓸 수 있는지와 디스크 공간을 확인하세요", {});
}

}  // namespace

ProfileDir make_profile_dir() {
  std::string tmpl = (fs::temp_directory_path() / (std::string(kProfilePrefix) + "XXXXXX")).string();
  std::vector<char> buf(tmpl.begin(), tmpl.end());
  buf.push_back('\0');
  if (!::mkdtemp(buf.data())) throw LaunchError("chromium", "임시 프로필 폴더를 만들 수 없습니다: " + tmpl, {});
  ProfileDir dir;
  dir.path = buf.data();
  // Chromium puts a Unix socket at TMPDIR/org.chromium.Chromium.XXXXXX/SingletonSocket and will
  // not start when that path passes the 107 bytes a socket address holds.
  constexpr size_t kSocketPathMax = 107;
  const std::string tmp = dir.path + "/t";
  if (tmp.size() + std::string("/org.chromium.Chromium.XXXXXX/SingletonSocket").size() <= kSocketPathMax) dir.tmp_dir = tmp;
  dir.config_dir = dir.path + "/xdg-config";
  dir.cache_dir = dir.path + "/xdg-cache";
  std::error_code ec;
  for (const auto& sub : {dir.tmp_dir, dir.config_dir, dir.cache_dir})
    if (!sub.empty()) fs::create_directory(sub, ec);
  try {
    write_owner(dir.path);
  } catch (...) {
    fs::remove_all(dir.path, ec);
    throw;
  }
  return dir;
}

bool remove_profile(const std::string& profile) noexcept {
  std::error_code ec;
  const fs::path socket = fs::read_symlink(profile + "/SingletonSocket", ec);
  if (!ec && socket.parent_path().filename().string().rfind("org.chromium.Chromium.", 0) == 0)
    fs::remove_all(socket.parent_path(), ec);
  ec.clear();
  fs::remove_all(profile, ec);
  return !ec;
}

ProfileOwner profile_owner(const std::string& profile) {
  std::istringstream in(read_proc_file(profile + "/" + kOwnerFile));
  long pid = 0;
  std::string started;
  if (!(in >> pid >> started) || pid <= 0) return ProfileOwner::Unknown;
  return owner_line(static_cast<pid_t>(pid)) == std::to_string(pid) + " " + started ? ProfileOwner::Alive
                                                                                     : ProfileOwner::Dead;
}

std::vector<std::string> profile_dirs_in_tmp() {
  std::vector<std::string> out;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(fs::temp_directory_path(), ec))
    if (e.path().filename().string().rfind(kProfilePrefix, 0) == 0) out.push_back(e.path().string());
  return out;
}

}  // namespace ta::cdp
