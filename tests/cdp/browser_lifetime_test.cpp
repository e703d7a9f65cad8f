// A browser's lifetime and files: everything Chromium writes stays inside its profile, each
// browser's crash handlers are its own, and a dead controller's browsers are found and ended
// whoever adopted them.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

#include "cdp/browser_process.h"
#include "cdp/orphan_cleanup.h"
#include "cdp/profile_dir.h"
#include "support/process_check.h"
#include "support/temp_dir.h"
#include "util/process_group.h"

namespace fs = std::filesystem;

namespace ta::cdp {
namespace {

Deadline launch_deadline() { return Deadline::after(std::chrono::seconds(30)); }

std::vector<pid_t> crash_handlers_of(const std::string& profile) {
  std::vector<pid_t> out;
  for (pid_t p : processes_mentioning(profile + "/"))
    if (test::command_of(p).rfind("chrome_crashpad", 0) == 0) out.push_back(p);
  return out;
}

bool wait_until_gone(const std::vector<pid_t>& pids, std::chrono::seconds limit) {
  const auto until = std::chrono::steady_clock::now() + limit;
  for (;;) {
    bool any = false;
    for (pid_t p : pids) any = any || test::process_alive(p);
    if (!any) return true;
    if (std::chrono::steady_clock::now() > until) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
}

TEST(BrowserLifetime, ChromiumTempFilesStayInsideTheProfile) {
  auto browser = BrowserProcess::launch(LaunchOptions{}, launch_deadline());
  const std::string profile = browser->profile_dir();
  std::error_code ec;
  const fs::path socket_target = fs::read_symlink(profile + "/SingletonSocket", ec);
  ASSERT_FALSE(ec) << "Chromium made no SingletonSocket in " << profile;
  EXPECT_EQ(socket_target.string().rfind(profile + "/t/org.chromium.Chromium.", 0), 0u)
      << "the singleton directory must be inside the profile, not in /tmp: " << socket_target;
  // Its crash handlers keep their database in the profile too (XDG_CONFIG_HOME), not in ~/.config.
  EXPECT_FALSE(crash_handlers_of(profile).empty());
  browser->terminate();
  EXPECT_FALSE(fs::exists(profile)) << "the profile, and the singleton directory in it, must be removed";
  EXPECT_FALSE(fs::exists(socket_target.parent_path()));
  EXPECT_TRUE(test::zombie_children().empty());
}

TEST(BrowserLifetime, CrashHandlersBelongToTheirOwnBrowser) {
  std::unique_ptr<BrowserProcess> a, b;
  // Launched at the same moment: neither may take the other's crash handlers.
  std::thread ta([&] { a = BrowserProcess::launch(LaunchOptions{}, launch_deadline()); });
  std::thread tb([&] { b = BrowserProcess::launch(LaunchOptions{}, launch_deadline()); });
  ta.join();
  tb.join();
  ASSERT_TRUE(a && b);
  const auto a_handlers = crash_handlers_of(a->profile_dir());
  const auto b_handlers = crash_handlers_of(b->profile_dir());
  if (a_handlers.empty() || b_handlers.empty()) GTEST_SKIP() << "this Chromium starts no crash handler";
  for (pid_t p : a_handlers) EXPECT_EQ(std::count(b_handlers.begin(), b_handlers.end(), p), 0);

  a->terminate();
  EXPECT_TRUE(wait_until_gone(a_handlers, std::chrono::seconds(5))) << "a's crash handlers outlived it";
  for (pid_t p : b_handlers) EXPECT_TRUE(test::process_alive(p)) << "closing a killed b's crash handler " << p;
  EXPECT_TRUE(b->running());
  b->terminate();
  EXPECT_TRUE(wait_until_gone(b_handlers, std::chrono::seconds(5)));
  for (pid_t z : test::zombie_children()) ADD_FAILURE() << "zombie " << z << " " << test::command_of(z);
}

// A profile whose owner file names a process that no longer exists.
std::string profile_of_a_dead_controller() {
  pid_t dead = ::fork();
  if (dead == 0) ::_exit(0);
  ::waitpid(dead, nullptr, 0);
  std::string tmpl = (fs::temp_directory_path() / (std::string(kProfilePrefix) + "XXXXXX")).string();
  const std::string profile = ::mkdtemp(tmpl.data());
  std::ofstream(profile + "/ticket-alarm-owner") << dead << " 12345\n";
  return profile;
}

// TMPDIR set to a folder of the test's own for its lifetime: other tests' browsers starting in
// parallel run the same orphan scan over /tmp and would take this test's orphan first.
class PrivateTmpDir {
 public:
  PrivateTmpDir() {
    const char* old = ::getenv("TMPDIR");
    if (old) old_ = old;
    ::setenv("TMPDIR", dir_.path().c_str(), 1);
  }
  ~PrivateTmpDir() {
    if (old_.empty()) ::unsetenv("TMPDIR");
    else ::setenv("TMPDIR", old_.c_str(), 1);
  }

 private:
  test::TempDir dir_;
  std::string old_;
};

TEST(BrowserLifetime, OrphanScanEndsADeadControllersBrowserWhoeverAdoptedIt) {
  PrivateTmpDir private_tmp;
  const std::string profile = profile_of_a_dead_controller();
  ASSERT_EQ(profile_owner(profile), ProfileOwner::Dead);
  // The browser's parent is this test (as a subreaper or a container's PID 1 would be), not init.
  const std::string profile_flag = "--user-data-dir=" + profile;
  const std::string xdg = profile + "/xdg-config";
  pid_t browser = ::fork();
  if (browser == 0) {
    ::setpgid(0, 0);
    ::setenv("XDG_CONFIG_HOME", xdg.c_str(), 1);  // its crash handler's database stays in the profile
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);           // a crashed test leaves nothing running
    ::execlp("chromium", "chromium", "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
             "--disable-background-networking", profile_flag.c_str(), "--remote-debugging-port=0", "about:blank",
             static_cast<char*>(nullptr));
    ::_exit(127);
  }
  const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  while (processes_in_group(browser).size() < 2 && std::chrono::steady_clock::now() < until)
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  ASSERT_GE(processes_in_group(browser).size(), 2u) << "chromium did not start";

  const auto members = processes_in_group(browser);
  EXPECT_EQ(cleanup_orphaned_browsers(), 1);
  EXPECT_TRUE(wait_until_gone(members, std::chrono::seconds(5))) << "the orphaned browser is still running";
  ::waitpid(browser, nullptr, WNOHANG);  // reaped already by the cleanup, as its parent's would be
  EXPECT_FALSE(fs::exists(profile)) << "the dead controller's profile must be removed";
}

TEST(BrowserLifetime, OrphanScanLeavesALiveControllersProfileAlone) {
  auto browser = BrowserProcess::launch(LaunchOptions{}, launch_deadline());
  EXPECT_EQ(profile_owner(browser->profile_dir()), ProfileOwner::Alive);
  EXPECT_EQ(cleanup_orphaned_browsers(), 0);
  EXPECT_TRUE(browser->running());
  EXPECT_TRUE(fs::exists(browser->profile_dir()));
}

}  // namespace
}  // namespace ta::cdp
