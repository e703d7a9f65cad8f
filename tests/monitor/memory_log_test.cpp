// The 메모리 사용량 line operators grep for: written every `memory_log_every` cycles, with real
// figures for the controller and its Chromium. Runs the monitor in-process (real Chromium, real
// SQLite, the real log file) so cycles follow each other without waiting out the interval.
#include <gtest/gtest.h>

#include <regex>

#include "cli/command_pool.h"
#include "config/config.h"
#include "log/log.h"
#include "monitor/monitor.h"
#include "monitor_env.h"
#include "store/store.h"

namespace ta {
namespace {

struct MemoryLine {
  double controller_mb = 0;
  double chromium_mb = 0;
};

std::vector<MemoryLine> memory_lines(const std::string& log_file) {
  static const std::regex line(R"(\[INFO\].*메모리 사용량: 컨트롤러 ([0-9.]+) MB, Chromium ([0-9.]+) MB)");
  std::vector<MemoryLine> out;
  std::ifstream in(log_file);
  for (std::string s; std::getline(in, s);) {
    std::smatch m;
    if (std::regex_search(s, m, line)) out.push_back({std::stod(m[1]), std::stod(m[2])});
  }
  return out;
}

TEST(MemoryLog, EveryNthCycleWithRealFigures) {
  test::MonitorEnv env;
  env.use_fixture("interpark");
  env.config["memory_log_every"] = 2;
  env.config.erase("DISCORD_WEBHOOK_URL");  // only the crawl matters here
  const Config config = parse_config(env.config.dump(), env.dir.file("config.json"), nullptr);
  init_logging(config.log);
  const std::string log_file = env.log_path();
  {
    Store store(database_path(config.data_dir));
    CommandPool pool(config, 1);
    MonitorOptions options;
    options.replay_dir = env.replay_dir();
    Monitor monitor(config, store, pool.pool(), options);

    const std::vector<size_t> expected = {0, 1, 1, 2, 2, 3};
    for (size_t cycle = 0; cycle < expected.size(); ++cycle) {
      CycleReport report = monitor.run_cycle();
      ASSERT_EQ(report.sites_ok, 1) << "cycle " << cycle + 1 << " did not crawl";
      EXPECT_EQ(memory_lines(log_file).size(), expected[cycle]) << "after cycle " << cycle + 1;
    }
    for (const auto& m : memory_lines(log_file)) {
      EXPECT_GT(m.controller_mb, 1.0);
      EXPECT_GT(m.chromium_mb, 10.0) << "a running Chromium uses far more than this";
    }
  }
  init_console_logging();  // release the file before the temp dir goes
}

}  // namespace
}  // namespace ta
