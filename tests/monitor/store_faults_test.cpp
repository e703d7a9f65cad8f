// What the store and the browser can do to a cycle, through the whole binary: a store that
// refuses a crawl's result ends `once` cleanly (exit 1, Chromium closed, the reason logged and
// the other sites still crawled), and a browser that cannot start does not keep queued alerts
// from going out.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "monitor_env.h"
#include "store/sqlite.h"
#include "store/store.h"
#include "util/process_group.h"

namespace ta {
namespace {

using nlohmann::json;

bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

TEST(StoreFaults, AStoreThatRefusesACrawlsResultEndsOnceCleanly) {
  test::MonitorEnv env;
  env.use_items({test::item("9801", "연극 A 티켓오픈", "2025-07-03T16:00:00+09:00")});
  ASSERT_EQ(env.once().exit_code, 0);
  {
    // From now on every new notice is refused, as a full or damaged database would refuse it.
    Database db(database_path(env.dir.file("data")), 5000);
    db.exec("CREATE TRIGGER refuse BEFORE INSERT ON tickets BEGIN SELECT RAISE(ABORT, 'refused by the test'); END");
  }
  env.use_items({test::item("9802", "연극 B 티켓오픈", "2025-07-03T16:00:00+09:00")});
  auto r = env.once();
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_FALSE(contains(r.err, "terminate called")) << r.err;
  EXPECT_TRUE(contains(env.log(), "크롤링 실패: 인터파크 — 결과를 데이터베이스에 저장하지 못했습니다")) << env.log();
  EXPECT_TRUE(contains(env.log(), "refused by the test"));
  EXPECT_TRUE(processes_mentioning("--user-data-dir=" + env.dir.file("tmp")).empty()) << "Chromium was closed";
  EXPECT_EQ(env.discord.messages().size(), 1u) << "only the first run's alert";
}

// A 2 MB tmpfs as data_dir, filled up between two runs (root can mount one; others skip).
class FullDisk {
 public:
  explicit FullDisk(const std::string& dir) : dir_(dir) {
    std::filesystem::create_directories(dir);
    mounted_ = geteuid() == 0 && std::system(("mount -t tmpfs -o size=2m tmpfs '" + dir + "' 2>/dev/null").c_str()) == 0;
  }
  ~FullDisk() {
    if (mounted_) std::system(("umount '" + dir_ + "'").c_str());
  }
  bool mounted() const { return mounted_; }
  // Takes every free byte but `spare`; empty() gives them back.
  void fill(std::uintmax_t spare) {
    {
      std::ofstream filler(dir_ + "/filler", std::ios::binary);
      const std::string block(4096, 'x');
      while (filler.write(block.data(), block.size())) {
      }
    }
    const auto size = std::filesystem::file_size(dir_ + "/filler");
    std::filesystem::resize_file(dir_ + "/filler", size > spare ? size - spare : 0);
  }
  void empty() { std::filesystem::remove(dir_ + "/filler"); }

 private:
  std::string dir_;
  bool mounted_ = false;
};

TEST(StoreFaults, AFullDiskDuringOnceIsACleanFailureThatLosesNothing) {
  test::MonitorEnv env;
  FullDisk disk(env.dir.file("small-disk"));
  if (!disk.mounted()) GTEST_SKIP() << "needs root to mount a tmpfs";
  env.config["data_dir"] = env.dir.file("small-disk");
  env.use_items({test::item("9901", "연극 A 티켓오픈", "2025-07-03T16:00:00+09:00")});
  ASSERT_EQ(env.once().exit_code, 0);

  std::vector<json> many;
  for (int i = 0; i < 80; ++i)
    many.push_back(test::item(std::to_string(9902 + i), "콘서트 " + std::to_string(i) + "회차 티켓오픈",
                              "2025-07-03T16:00:00+09:00"));
  env.use_items(many);
  // Room to open the database, none for the eighty notices the crawl brings.
  disk.fill(64 * 1024);
  auto r = env.once();
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_FALSE(contains(r.err, "terminate called")) << r.err;
  EXPECT_TRUE(contains(env.log(), "크롤링 실패: 인터파크 — 디스크 공간 부족")) << env.log();
  EXPECT_TRUE(processes_mentioning("--user-data-dir=" + env.dir.file("tmp")).empty()) << "Chromium was closed";
  EXPECT_EQ(env.embeds().size(), 1u) << "nothing was sent for a crawl that could not be stored";

  disk.empty();
  r = env.once();
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(env.embeds().size(), 81u) << "once space is back, every notice is announced";
}

TEST(StoreFaults, ABrowserThatCannotStartDoesNotHoldBackQueuedAlerts) {
  test::MonitorEnv env;
  env.use_items({test::item("9811", "연극 C 티켓오픈", "2025-07-03T16:00:00+09:00")});
  const std::string webhook = env.config["DISCORD_WEBHOOK_URL"];
  env.config["DISCORD_WEBHOOK_URL"] = "";  // queued, waiting for a webhook
  ASSERT_EQ(env.once().exit_code, 0);
  ASSERT_TRUE(env.discord.messages().empty());

  env.config["DISCORD_WEBHOOK_URL"] = webhook;
  env.config["browser"]["path"] = env.dir.file("no-such-chromium");
  auto r = env.once();
  EXPECT_EQ(r.exit_code, 1) << "every site failed: " << r.err;
  EXPECT_TRUE(contains(env.log(), "브라우저를 시작할 수 없습니다")) << env.log();
  ASSERT_EQ(env.embeds().size(), 1u) << "the queued alert went out without a browser";
  EXPECT_TRUE(contains(env.embeds()[0].value("title", ""), "연극 C 티켓오픈"));
}

}  // namespace
}  // namespace ta
