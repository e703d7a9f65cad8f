// The canary through the whole binary: a site whose list suddenly shrinks to a fraction is
// "broken" after three such crawls — one message to OPS_WEBHOOK_URL naming the site, the extract
// layer and what looks wrong — and one "정상화" message when it reads like itself again; never a
// flood, and nothing of it on the fans' webhook.
#include <gtest/gtest.h>

#include "monitor_env.h"

namespace ta {
namespace {

using nlohmann::json;

std::vector<json> notices(int count, int first_id) {
  std::vector<json> out;
  for (int i = 0; i < count; ++i)
    out.push_back(test::item(std::to_string(first_id + i), "공연 " + std::to_string(first_id + i) + " 티켓오픈",
                             "2025-07-03T16:00:00+09:00"));
  return out;
}

std::vector<std::string> ops_messages(const test::MonitorEnv& env) {
  std::vector<std::string> out;
  for (const auto& m : env.discord.messages())
    if (m.webhook_id == "999000999000999000") out.push_back(m.payload.value("content", ""));
  return out;
}

TEST(Canary, AShrunkListIsOneOpsAlertAndOneRecovery) {
  test::MonitorEnv env;
  env.discord.add_webhook("999000999000999000", "opsToken-0123456789", "점검");
  env.config["OPS_WEBHOOK_URL"] = env.discord.webhook_url("999000999000999000", "opsToken-0123456789");
  env.config["first_run"] = "summary";  // one message for the first crawl's notices
  const auto full = notices(12, 7000);
  for (int i = 0; i < 5; ++i) {
    env.use_items(full);
    ASSERT_EQ(env.once().exit_code, 0);
  }
  for (int i = 0; i < 4; ++i) {
    env.use_items(notices(1, 7000));
    auto r = env.once();
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  auto ops = ops_messages(env);
  ASSERT_EQ(ops.size(), 1u) << testing::PrintToString(ops);
  EXPECT_NE(ops[0].find("🚨 예매처 점검 필요: 인터파크 — 최근 3번 연속 공지 1건 — 보통 12건에서 80% 넘게 줄었습니다"),
            std::string::npos)
      << ops[0];
  EXPECT_NE(ops[0].find("scripts/extract/interpark.js"), std::string::npos) << ops[0];
  EXPECT_NE(env.log().find("인터파크: 추출 결과가 이상합니다"), std::string::npos);

  env.use_items(full);
  ASSERT_EQ(env.once().exit_code, 0);
  env.use_items(full);
  ASSERT_EQ(env.once().exit_code, 0);
  ops = ops_messages(env);
  ASSERT_EQ(ops.size(), 2u) << testing::PrintToString(ops);
  EXPECT_NE(ops[1].find("✅ 예매처 정상화: 인터파크 — 다시 공지 12건을(를) 읽습니다"), std::string::npos) << ops[1];
  for (const auto& m : env.discord.messages())
    if (m.webhook_id != "999000999000999000") EXPECT_EQ(m.payload.value("content", "").find("예매처 점검"), std::string::npos);
}

}  // namespace
}  // namespace ta
