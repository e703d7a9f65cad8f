// `ticket-alarm record` as a user runs it: the built binary against a local server.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "cdp/har_archive.h"
#include "record_env.h"
#include "support/process_check.h"
#include "support/temp_dir.h"

namespace ta {
namespace {

using nlohmann::json;
using test::entries_for;
using test::run_binary;

class RecordCommandTest : public ::testing::Test {
 protected:
  void SetUp() override {
    config_ = dir_.file("config.json");
    std::ofstream(config_) << "{}\n";
  }
  void TearDown() override { EXPECT_TRUE(test::zombie_children().empty()); }

  test::TempDir dir_;
  std::string config_;
};

TEST_F(RecordCommandTest, RecordsAUrlAndRefusesToOverwriteWithoutForce) {
  test::HttpServer server;
  test::serve_site(server);
  const std::string out = dir_.file("page.har");
  const std::string base = server.url("");

  auto r = run_binary({"record", server.url("/page"), "--out", out, "--config", config_, "--wait", "[data-done]"}, dir_.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("record: " + server.url("/page")), std::string::npos) << r.err;
  EXPECT_TRUE(r.out.empty()) << "the archive goes to --out, not stdout";
  EXPECT_FALSE(std::filesystem::exists(out + ".part"));

  const json har = json::parse(test::slurp(out));
  auto post = entries_for(har, "POST", base + "/api/search");
  ASSERT_EQ(post.size(), 1u);
  EXPECT_EQ(post[0]["request"]["postData"]["text"], test::kPostBody);
  EXPECT_EQ(entries_for(har, "GET", base + "/old/notice").at(0)["response"]["status"], 302);
  EXPECT_EQ(entries_for(har, "GET", base + "/data.bin").at(0)["response"]["content"]["encoding"], "base64");
  EXPECT_EQ(entries_for(har, "GET", base + "/api/items?page=1").size(), 1u);
  EXPECT_TRUE(entries_for(har, "GET", base + "/poster.png").empty());
  EXPECT_NO_THROW(cdp::HarArchive::load(out));

  // A second run must not clobber the fixture silently.
  std::ofstream(out) << "keep me";
  r = run_binary({"record", server.url("/page"), "--out", out, "--config", config_}, dir_.path());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--force"), std::string::npos) << r.err;
  EXPECT_EQ(test::slurp(out), "keep me");

  r = run_binary({"record", server.url("/new/notice"), "--out", out, "--config", config_, "--force"}, dir_.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const json again = json::parse(test::slurp(out));
  ASSERT_EQ(again["log"]["entries"].size(), 1u);
  EXPECT_EQ(again["log"]["entries"][0]["response"]["content"]["text"], "옮긴 공지");
}

TEST_F(RecordCommandTest, PageThatDoesNotLoadExitsOneAndWritesNothing) {
  std::string closed_url;
  {
    test::HttpServer gone;
    closed_url = gone.url("/page");
  }
  const std::string out = dir_.file("page.har");
  auto r = run_binary({"record", closed_url, "--out", out, "--config", config_}, dir_.path());
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_FALSE(std::filesystem::exists(out));
  EXPECT_FALSE(std::filesystem::exists(out + ".part"));
}

TEST_F(RecordCommandTest, UsageErrorsExitTwo) {
  const std::string out = dir_.file("x.har");
  struct Case {
    std::vector<std::string> args;
    std::string says;
  };
  const std::vector<Case> cases = {
      {{"record", "http://127.0.0.1:9/"}, "--out"},                                     // no --out
      {{"record", "--out", out}, "target"},                                             // no site or URL
      {{"record", "nosuchsite", "--out", out, "--config", config_}, "알 수 없는 사이트"},  // unknown site
      {{"record", "ftp://example.kr/x", "--out", out, "--config", config_}, "http://"},  // not a web URL
  };
  for (const auto& c : cases) {
    auto r = run_binary(c.args, dir_.path());
    EXPECT_EQ(r.exit_code, 2) << c.args[1] << ": " << r.err;
    EXPECT_NE(r.err.find(c.says), std::string::npos) << r.err;
    EXPECT_FALSE(std::filesystem::exists(out));
  }
}

}  // namespace
}  // namespace ta
