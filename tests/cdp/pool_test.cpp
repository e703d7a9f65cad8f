// The pool with real Chromium: recycling, crash replacement, clean shutdown, launch errors and
// remote browsers.
#include <gtest/gtest.h>
#include <signal.h>

#include <filesystem>
#include <fstream>
#include <future>

#include "browser_env.h"
#include "cdp/browser_process.h"
#include "cdp/errors.h"
#include "support/process_check.h"
#include "support/tcp_relay.h"
#include "support/temp_dir.h"
#include "util/process_group.h"

namespace ta::cdp {
namespace {

using nlohmann::json;

json one_plus_one(BrowserPool& pool) {
  auto page = pool.lease(test::test_deadline());
  page->navigate("about:blank", WaitCondition{}, test::test_deadline());
  return page->evaluate("1 + 1", test::test_deadline());
}

TEST(Pool, RecyclesABrowserAfterMaxPages) {
  auto options = test::test_pool_options();
  options.max_pages_per_browser = 2;
  BrowserPool pool(options);
  EXPECT_EQ(one_plus_one(pool), 2);
  pid_t first = pool.browser_pids().at(0);
  EXPECT_EQ(one_plus_one(pool), 2);
  EXPECT_EQ(one_plus_one(pool), 2);  // third page: on a new browser
  pid_t second = pool.browser_pids().at(0);
  EXPECT_NE(first, second);
  EXPECT_FALSE(ta::test::process_exists(first));
  EXPECT_EQ(pool.stats().browser_recycles, 1);
  EXPECT_EQ(pool.stats().pages_served, 3);
}

TEST(Pool, RecyclesABrowserWhoseMemoryPassesTheLimit) {
  auto options = test::test_pool_options();
  options.max_memory_mb = 1;  // any real Chromium is above this
  BrowserPool pool(options);
  EXPECT_EQ(one_plus_one(pool), 2);
  EXPECT_GT(pool.stats().browser_recycles, 0);
  EXPECT_TRUE(pool.browser_pids().empty()) << "the browser is closed as soon as its last page is returned";
  EXPECT_EQ(one_plus_one(pool), 2);  // and a fresh one serves the next job
}

TEST(Pool, KilledBrowserFailsOnlyItsJobAndIsReplaced) {
  BrowserPool pool(test::test_pool_options());
  pid_t victim = 0;
  std::string victim_profile;
  {
    auto page = pool.lease(test::test_deadline());
    page->navigate("about:blank", WaitCondition{}, test::test_deadline());
    victim = pool.browser_pids().at(0);
    victim_profile = pool.profile_dirs().at(0);
    auto job = std::async(std::launch::async, [&] {
      return page->call_function("() => new Promise(() => {})", "hang.js", json::object(), test::test_deadline());
    });
    ::killpg(victim, SIGKILL);
    EXPECT_THROW(job.get(), ConnectionClosedError);
  }
  EXPECT_EQ(one_plus_one(pool), 2);
  EXPECT_NE(pool.browser_pids().at(0), victim);
  EXPECT_EQ(pool.stats().browser_restarts, 1);
  EXPECT_FALSE(std::filesystem::exists(victim_profile));
  EXPECT_TRUE(ta::test::zombie_children().empty());
}

TEST(Pool, ShutdownLeavesNoProcessNoZombieNoTempDir) {
  std::vector<pid_t> pids;
  std::vector<std::string> profiles;
  std::vector<pid_t> members;
  {
    BrowserPool pool(test::test_pool_options(2));
    pool.warm_up(test::test_deadline());
    EXPECT_EQ(one_plus_one(pool), 2);
    pids = pool.browser_pids();
    profiles = pool.profile_dirs();
    ASSERT_EQ(pids.size(), 2u);
    for (pid_t p : pids)
      for (pid_t m : processes_in_group(p)) members.push_back(m);
    EXPECT_GT(members.size(), pids.size());  // Chromium runs helpers (zygote, renderer) in its group
  }
  for (pid_t p : pids) EXPECT_TRUE(processes_in_group(p).empty()) << "group " << p << " still has processes";
  for (pid_t m : members) EXPECT_FALSE(ta::test::process_exists(m)) << "process " << m << " survived";
  for (const auto& d : profiles) EXPECT_FALSE(std::filesystem::exists(d)) << d;
  for (pid_t z : ta::test::zombie_children()) ADD_FAILURE() << "zombie child " << z << " " << ta::test::command_of(z);
}

TEST(Pool, MissingBinarySaysHowToInstall) {
  auto options = test::test_pool_options();
  options.launch.binary = "/nonexistent/chromium";
  BrowserPool pool(options);
  try {
    pool.lease(test::test_deadline());
    FAIL();
  } catch (const LaunchError& e) {
    EXPECT_EQ(e.binary(), "/nonexistent/chromium");
    EXPECT_NE(std::string(e.what()).find("browser.path"), std::string::npos) << e.what();
  }
  EXPECT_NE(std::string(LaunchError("chromium", "x", {}).what()).find("chromium"), std::string::npos);
}

TEST(Pool, LaunchFailureCarriesChromiumsLastStderrLines) {
  ta::test::TempDir dir;
  const std::string fake = dir.file("fake-chromium");
  {
    std::ofstream f(fake);
    f << "#!/bin/sh\necho 'first line' >&2\necho 'FATAL: cannot open display' >&2\nexit 1\n";
  }
  std::filesystem::permissions(fake, std::filesystem::perms::owner_all);
  auto options = test::test_pool_options();
  options.launch.binary = fake;
  BrowserPool pool(options);
  try {
    pool.lease(test::test_deadline());
    FAIL();
  } catch (const LaunchError& e) {
    EXPECT_EQ(e.binary(), fake);
    ASSERT_FALSE(e.stderr_tail().empty());
    EXPECT_EQ(e.stderr_tail().back(), "FATAL: cannot open display");
    EXPECT_NE(std::string(e.what()).find("FATAL: cannot open display"), std::string::npos);
  }
  EXPECT_TRUE(ta::test::zombie_children().empty());
}

TEST(Pool, LeasesPagesFromARemoteBrowser) {
  // The "remote" Chromium is one this test starts itself.
  auto remote = BrowserProcess::launch(LaunchOptions{}, test::test_deadline());
  const std::string ws = remote->ws_endpoint();  // ws://127.0.0.1:PORT/devtools/browser/ID
  const std::string http = "http://" + ws.substr(5, ws.find('/', 5) - 5);
  for (const std::string& endpoint : {ws, http}) {
    auto options = test::test_pool_options();
    options.connect = {endpoint};
    {
      BrowserPool pool(options);
      EXPECT_EQ(one_plus_one(pool), 2);
      EXPECT_EQ(one_plus_one(pool), 2);
      EXPECT_TRUE(pool.browser_pids().empty() || pool.browser_pids().at(0) == 0);
    }
    EXPECT_TRUE(remote->running()) << "the pool must not close a browser it does not own";
  }
  remote->terminate();
  EXPECT_FALSE(std::filesystem::exists(remote->profile_dir()));
}

TEST(Pool, ReconnectsToARemoteBrowserAfterItsSocketDrops) {
  // The remote Chromium keeps running; only the network between it and the pool fails (a relay
  // on loopback that the test cuts), as when a browserless container's proxy restarts.
  auto remote = BrowserProcess::launch(LaunchOptions{}, test::test_deadline());
  const std::string ws = remote->ws_endpoint();
  const int remote_port = std::stoi(ws.substr(ws.rfind(':', ws.find('/', 5)) + 1));
  {
    ta::test::TcpRelay relay(remote_port);
    auto options = test::test_pool_options();
    options.connect = {"http://127.0.0.1:" + std::to_string(relay.port())};
    BrowserPool pool(options);
    EXPECT_EQ(one_plus_one(pool), 2);

    // The job on the dropped connection fails with a typed error...
    {
      auto page = pool.lease(test::test_deadline());
      page->navigate("about:blank", WaitCondition{}, test::test_deadline());
      relay.drop_connections();
      EXPECT_THROW(page->evaluate("1 + 1", test::test_deadline()), ConnectionClosedError);
    }
    // ...and the next lease reconnects to the same browser.
    const int connections_before = relay.connections_accepted();
    EXPECT_EQ(one_plus_one(pool), 2);
    EXPECT_GT(relay.connections_accepted(), connections_before) << "the pool must have opened a new connection";
    EXPECT_EQ(pool.stats().browser_restarts, 1);

    // While the remote cannot be reached a lease fails; once it is back the pool uses it again.
    relay.set_refusing(true);
    relay.drop_connections();
    EXPECT_THROW(one_plus_one(pool), ConnectionClosedError);
    relay.set_refusing(false);
    EXPECT_EQ(one_plus_one(pool), 2);
    EXPECT_EQ(pool.stats().browser_restarts, 2);
    EXPECT_TRUE(remote->running()) << "reconnecting must never touch the remote browser itself";
  }
  remote->terminate();
  EXPECT_TRUE(ta::test::zombie_children().empty());
  EXPECT_FALSE(std::filesystem::exists(remote->profile_dir()));
}

TEST(Pool, LeaseWaitsForAFreePageUntilItsDeadline) {
  auto options = test::test_pool_options();
  options.pages_per_browser = 1;
  BrowserPool pool(options);
  auto held = pool.lease(test::test_deadline());
  EXPECT_THROW(pool.lease(Deadline::after(std::chrono::milliseconds(300))), TimeoutError);
  held.release();
  EXPECT_EQ(one_plus_one(pool), 2);
}

}  // namespace
}  // namespace ta::cdp
