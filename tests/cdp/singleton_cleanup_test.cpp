// The singleton directory a killed controller's Chromium left directly in TMPDIR is removed at the
// next start once nobody listens on its socket; a live browser's is kept.
#include <gtest/gtest.h>

#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <filesystem>

#include "cdp/orphan_cleanup.h"
#include "support/temp_dir.h"

namespace ta::cdp {
namespace {

namespace fs = std::filesystem;

// A Unix socket bound at `path`; listening when `listen` is set, else closed (a dead browser's).
int bound_socket(const std::string& path, bool listen) {
  sockaddr_un addr{};
  addr.sun_family = AF_UNIX;
  std::strncpy(addr.sun_path, path.c_str(), sizeof(addr.sun_path) - 1);
  const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
  EXPECT_EQ(::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)), 0) << path;
  if (listen) {
    EXPECT_EQ(::listen(fd, 1), 0);
    return fd;
  }
  ::close(fd);
  return -1;
}

TEST(SingletonCleanup, ADeadBrowsersSingletonDirGoesALiveOnesStays) {
  test::TempDir tmp;
  const char* old = std::getenv("TMPDIR");
  const std::string saved = old ? old : "";
  ::setenv("TMPDIR", tmp.path().c_str(), 1);
  fs::create_directory(tmp.file("org.chromium.Chromium.dead01"));
  fs::create_directory(tmp.file("org.chromium.Chromium.live01"));
  fs::create_directory(tmp.file("org.chromium.Chromium.new001"));  // a browser starting: no socket yet
  bound_socket(tmp.file("org.chromium.Chromium.dead01/SingletonSocket"), false);
  const int live = bound_socket(tmp.file("org.chromium.Chromium.live01/SingletonSocket"), true);

  cleanup_orphaned_browsers();

  EXPECT_FALSE(fs::exists(tmp.file("org.chromium.Chromium.dead01")));
  EXPECT_TRUE(fs::exists(tmp.file("org.chromium.Chromium.live01")));
  EXPECT_TRUE(fs::exists(tmp.file("org.chromium.Chromium.new001")));
  ::close(live);
  if (old) ::setenv("TMPDIR", saved.c_str(), 1); else ::unsetenv("TMPDIR");
}

}  // namespace
}  // namespace ta::cdp
