// `once` reads the detail pages of new notices and announces every opening they name; a notice
// already read is not read again, and nothing is announced twice.
#include <gtest/gtest.h>

#include <fstream>

#include "monitor_env.h"
#include "normalize/kst_time.h"

namespace ta {
namespace {

using nlohmann::json;

json read_json(const std::string& path) {
  std::ifstream f(path);
  return json::parse(f);
}

const json* field(const json& embed, const std::string& name) {
  for (const auto& f : embed["fields"])
    if (f["name"] == name) return &f;
  return nullptr;
}

TEST(DetailPages, EveryOpeningOfANewNoticeReachesDiscordOnce) {
  test::MonitorEnv env;
  env.config["sources"] = {"melon"};
  env.config["detail_pages"] = 40;      // every notice of the fixture
  env.config["detail_budget_s"] = 240;  // replayed pages: no pacing, but a slow CI machine
  env.use_fixture("melon");
  auto first = env.once();
  ASSERT_EQ(first.exit_code, 0) << first.err;

  const std::string dir = test::project() + "/fixtures/melon/";
  const std::time_t recorded =
      *parse_iso(read_json(dir + "main.har")["log"]["pages"][0]["startedDateTime"].get<std::string>());
  const std::vector<json> embeds = env.embeds();
  int checked = 0;
  for (const auto& c : read_json(dir + "detail-cases.json")) {
    if (c["har"] != "main.har") continue;
    const json expected = read_json(dir + c["expected"].get<std::string>());
    if (expected["openings"].size() < 2) continue;
    bool upcoming = false;  // one opened before the recording is not announced (announce_past off)
    for (const auto& o : expected["openings"])
      upcoming |= o["at"].is_string() && *parse_iso(o["at"].get<std::string>()) >= recorded;
    if (!upcoming) continue;
    const json* embed = nullptr;
    for (const auto& e : embeds)
      if (e.value("url", "") == c["url"]) embed = &e;
    ASSERT_NE(embed, nullptr) << c["url"] << " was not announced";
    const json* schedule = field(*embed, "오픈 일정");
    ASSERT_NE(schedule, nullptr) << embed->dump();
    const std::string text = (*schedule)["value"].get<std::string>();
    for (const auto& o : expected["openings"]) {
      EXPECT_NE(text.find("**" + o["label"].get<std::string>() + "**"), std::string::npos) << text;
      if (o["at"].is_string())
        EXPECT_NE(text.find("<t:" + std::to_string(*parse_iso(o["at"].get<std::string>())) + ":F>"), std::string::npos)
            << text;
    }
    ++checked;
  }
  EXPECT_GE(checked, 2);

  const size_t requests = env.discord.requests().size();
  auto second = env.once();
  ASSERT_EQ(second.exit_code, 0) << second.err;
  EXPECT_EQ(env.discord.requests().size(), requests) << "the second run must announce nothing";
  EXPECT_EQ(second.err.find("상세 페이지를 읽지 못해"), std::string::npos) << "read pages are not read again";
}

TEST(DetailPages, ZeroDetailPagesReadsTheListAlone) {
  test::MonitorEnv env;
  env.config["sources"] = {"melon"};
  env.config["detail_pages"] = 0;
  env.use_fixture("melon");
  auto r = env.once();
  ASSERT_EQ(r.exit_code, 0) << r.err;
  for (const auto& e : env.embeds()) EXPECT_EQ(field(e, "오픈 일정"), nullptr) << e.dump();
}

}  // namespace
}  // namespace ta
