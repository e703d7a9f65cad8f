#include <gtest/gtest.h>

#include "text_files.h"

namespace ta::testing {
namespace {

TEST(SystemdUnit, RestartsOnFailureAsTheServiceUser) {
  const Ini unit = parse_ini(project_file("deploy/ticket-alarm.service"));
  EXPECT_EQ(ini_value(unit, "Service", "Restart"), "on-failure");
  EXPECT_EQ(ini_value(unit, "Service", "User"), "ticket");
  EXPECT_NE(ini_value(unit, "Service", "ExecStart").find("ticket-alarm run"), std::string::npos);
  EXPECT_EQ(ini_value(unit, "Install", "WantedBy"), "multi-user.target");
}

TEST(SystemdUnit, IsHardenedWithoutBreakingChromium) {
  const Ini unit = parse_ini(project_file("deploy/ticket-alarm.service"));
  EXPECT_EQ(ini_value(unit, "Service", "NoNewPrivileges"), "yes");
  EXPECT_EQ(ini_value(unit, "Service", "ProtectSystem"), "strict");
  EXPECT_EQ(ini_value(unit, "Service", "ProtectHome"), "yes");
  EXPECT_EQ(ini_value(unit, "Service", "PrivateTmp"), "yes");
  EXPECT_FALSE(ini_value(unit, "Service", "MemoryMax").empty());
  const auto writable = words(ini_value(unit, "Service", "ReadWritePaths"));
  EXPECT_NE(std::find(writable.begin(), writable.end(), "/var/lib/ticket-alarm"), writable.end());
  EXPECT_NE(std::find(writable.begin(), writable.end(), "/var/log/ticket-alarm"), writable.end());
  // V8's JIT and Chromium's namespace sandbox.
  for (const char* key : {"MemoryDenyWriteExecute", "RestrictNamespaces", "PrivateUsers", "SystemCallFilter"})
    EXPECT_EQ(ini_value(unit, "Service", key), "") << key << " breaks Chromium";
}

TEST(Supervisor, GroupRunsTheMonitorAndTheWebapp) {
  const Ini conf = parse_ini(project_file("deploy/supervisor.conf"));
  ASSERT_TRUE(conf.count("group:ticket-alarm"));
  const std::string programs = ini_value(conf, "group:ticket-alarm", "programs");
  EXPECT_EQ(programs, "ticket-monitor,ticket-webapp");
  EXPECT_NE(ini_value(conf, "program:ticket-monitor", "command").find("ticket-alarm run"), std::string::npos);
  EXPECT_NE(ini_value(conf, "program:ticket-webapp", "command").find("ticket-alarm serve"), std::string::npos);
  for (const char* program : {"program:ticket-monitor", "program:ticket-webapp"}) {
    EXPECT_EQ(ini_value(conf, program, "user"), "ticket") << program;
    // Chromium processes must go down with the monitor.
    EXPECT_EQ(ini_value(conf, program, "stopasgroup"), "true") << program;
    EXPECT_EQ(ini_value(conf, program, "killasgroup"), "true") << program;
  }
}

TEST(BackupCron, RunsTheBackupNightlyKeeping14) {
  int jobs = 0;
  for (const auto& line : lines_of(project_file("deploy/backup.cron"))) {
    const std::string t = trim(line);
    if (t.empty() || t[0] == '#' || std::regex_match(t, std::regex(R"([A-Z_]+=.*)"))) continue;
    const auto w = words(t);
    ASSERT_GE(w.size(), 7u) << t;
    // minute hour day month weekday user command: once a day.
    EXPECT_TRUE(std::regex_match(w[0], std::regex(R"(\d+)"))) << t;
    EXPECT_TRUE(std::regex_match(w[1], std::regex(R"(\d+)"))) << t;
    EXPECT_EQ(w[2] + w[3] + w[4], "***") << t;
    EXPECT_EQ(w[5], "ticket");
    EXPECT_NE(t.find("ticket-alarm backup --keep 14"), std::string::npos) << t;
    ++jobs;
  }
  EXPECT_EQ(jobs, 1);
}

TEST(Logrotate, LeavesTheSelfRotatedLogAlone) {
  const std::string conf = project_file("deploy/logrotate.conf");
  std::string patterns;
  for (const auto& line : lines_of(conf)) {
    const std::string t = trim(line);
    if (!t.empty() && t[0] == '/') patterns += t;
  }
  EXPECT_NE(patterns.find("/var/log/ticket-alarm/"), std::string::npos);
  // spdlog rotates ticket-alarm.log and ticket-alarm.N.log; no pattern may match them.
  EXPECT_EQ(patterns.find("ticket-alarm/*.log"), std::string::npos);
  EXPECT_EQ(patterns.find("ticket-alarm.log"), std::string::npos);
}

}  // namespace
}  // namespace ta::testing
