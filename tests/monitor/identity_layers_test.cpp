// One site read through each of its extract layers in turn — the list API, then the DOM after a
// markup change, then the text fallback — announces each notice exactly once: a layer that gives
// no site id (hash ids) must find the notices the other layers stored.
#include <gtest/gtest.h>

#include "monitor_env.h"

namespace ta {
namespace {

using nlohmann::json;

class IdentityAcrossLayers : public ::testing::TestWithParam<std::string> {};

std::vector<std::string> list_hars(const std::string& site) {
  std::ifstream f(test::project() + "/fixtures/" + site + "/cases.json");
  std::vector<std::string> hars;
  for (const auto& c : json::parse(f))
    if (c["name"] != "throttled") hars.push_back(c["har"].get<std::string>());
  return hars;
}

TEST_P(IdentityAcrossLayers, EachNoticeIsAnnouncedOnce) {
  const std::string site = GetParam();
  test::MonitorEnv env;
  env.config["sources"] = {site};
  // Identity across list layers only: a detail page read in a later run may add a presale, which
  // is news of its own (tested in detail_pages_test.cpp).
  env.config["detail_pages"] = 0;
  const auto hars = list_hars(site);
  ASSERT_GE(hars.size(), 3u) << "main, changed and text cases expected";

  env.use_fixture(site, hars[0]);
  auto first = env.once();
  ASSERT_EQ(first.exit_code, 0) << first.err;
  const size_t announced = env.embeds().size();
  ASSERT_GT(announced, 5u) << "the main fixture announces its upcoming notices";

  for (size_t i = 1; i < hars.size(); ++i) {
    env.use_fixture(site, hars[i]);
    auto r = env.once();
    ASSERT_EQ(r.exit_code, 0) << hars[i] << ": " << r.err;
    EXPECT_NE(env.log().find("크롤링 완료"), std::string::npos);
    std::vector<std::string> again;
    const auto embeds = env.embeds();
    for (size_t k = announced; k < embeds.size(); ++k) again.push_back(embeds[k].value("title", ""));
    EXPECT_TRUE(again.empty()) << hars[i] << " announced " << again.size() << " notices again, e.g. "
                               << (again.empty() ? "" : again.front());
    if (!again.empty()) break;
  }
}

INSTANTIATE_TEST_SUITE_P(Sites, IdentityAcrossLayers, ::testing::Values("interpark", "melon", "ticketlink", "yes24"));

}  // namespace
}  // namespace ta
