// Scanning /proc while processes come and go, as happens whenever Chromium's renderers exit: a
// process that vanishes between listing and reading must be skipped, never become an exception
// (one escaped Browser::close once and aborted the controller).
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <thread>

#include "util/proc_file.h"
#include "util/process_group.h"

namespace ta {
namespace {

TEST(ProcessScan, SurvivesProcessesExitingMidScan) {
  std::atomic<bool> done{false};
  std::thread churn([&] {
    for (int i = 0; i < 2000; ++i) {
      pid_t child = ::fork();
      if (child == 0) ::_exit(0);
      if (child > 0) ::waitpid(child, nullptr, 0);
    }
    done = true;
  });
  int scans = 0;
  while (!done) {
    EXPECT_NO_THROW({
      processes_mentioning("ticket-alarm-no-such-profile");
      processes_in_group(::getpgrp());
      group_rss_kib(::getpgrp());
    });
    ++scans;
  }
  churn.join();
  EXPECT_GT(scans, 0);
}

TEST(ProcessScan, ReadProcFileGivesContentOrNothing) {
  EXPECT_NE(read_proc_file("/proc/self/status").find("VmRSS:"), std::string::npos);
  EXPECT_EQ(read_proc_file("/proc/999999999/cmdline"), "");
  pid_t child = ::fork();
  if (child == 0) ::_exit(0);
  ::waitpid(child, nullptr, 0);
  EXPECT_EQ(read_proc_file("/proc/" + std::to_string(child) + "/stat"), "");
}

}  // namespace
}  // namespace ta
