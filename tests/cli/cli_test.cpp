// The binary as a user runs it: help for every command, exit codes, eval and crawl on replays.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include <nlohmann/json.hpp>

#include "support/run_binary.h"
#include "support/temp_dir.h"

namespace ta {
namespace {

using nlohmann::json;

std::string project() { return TA_TEST_SOURCE_DIR; }

struct Cli {
  test::TempDir dir;
  std::string config() {
    json c = {{"data_dir", dir.file("data")}, {"log", {{"dir", dir.file("logs")}}}, {"browser", {{"pool_size", 1}}}};
    std::ofstream(dir.file("config.json")) << c.dump();
    return dir.file("config.json");
  }
  test::RunResult run(std::vector<std::string> args) { return test::run_binary(args, {{"TMPDIR", "/tmp"}}, std::chrono::seconds(180)); }
};

TEST(Cli, EveryCommandHasHelp) {
  Cli cli;
  auto top = cli.run({"--help"});
  EXPECT_EQ(top.exit_code, 0);
  for (const std::string cmd : {"version", "check-config", "eval", "crawl", "run", "once", "record", "import-legacy",
                                "test-webhook", "serve", "doctor", "backup", "restore"}) {
    auto r = cli.run({cmd, "--help"});
    EXPECT_EQ(r.exit_code, 0) << cmd;
    if (cmd != "version") {
      EXPECT_NE(r.out.find("--config"), std::string::npos) << cmd;
    }
    EXPECT_NE(top.out.find(cmd), std::string::npos) << cmd << " missing from the command list";
  }
}

TEST(Cli, VersionAndUsageErrors) {
  Cli cli;
  auto v = cli.run({"version"});
  EXPECT_EQ(v.exit_code, 0);
  EXPECT_EQ(v.out.rfind("ticket-alarm ", 0), 0u);
  EXPECT_EQ(cli.run({"no-such-command"}).exit_code, 2);
  EXPECT_EQ(cli.run({"crawl"}).exit_code, 2);
  auto unknown = cli.run({"crawl", "gmarket", "--config", cli.config()});
  EXPECT_EQ(unknown.exit_code, 2);
  EXPECT_NE(unknown.err.find("interpark, yes24, melon, ticketlink"), std::string::npos) << unknown.err;
}

TEST(Cli, BadConfigurationExitsTwoWithFileAndLine) {
  Cli cli;
  std::ofstream(cli.dir.file("bad.json")) << "{\n  \"interval\": 300,\n  \"KEYWORDS\": [\"뮤지컬\",]\n}\n";
  auto r = cli.run({"check-config", "--config", cli.dir.file("bad.json")});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("bad.json"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("3"), std::string::npos) << r.err;
}

// check-config and run/once judge the webhook alike: a host that is not Discord is a
// configuration error, not "문제 없음" in one and a silent no-send in the other.
TEST(Cli, AWebhookThatIsNotDiscordIsAConfigurationErrorEverywhere) {
  Cli cli;
  for (const std::string url : {"http://evil.example/api/webhooks/1/abc", "https://discord.com.evil.example/api/webhooks/1/abc"}) {
    json c = {{"DISCORD_WEBHOOK_URL", url}, {"data_dir", cli.dir.file("data")}, {"log", {{"dir", cli.dir.file("logs")}}}};
    std::ofstream(cli.dir.file("hook.json")) << c.dump();
    auto check = cli.run({"check-config", "--config", cli.dir.file("hook.json")});
    EXPECT_EQ(check.exit_code, 2) << url;
    EXPECT_NE(check.err.find("DISCORD_WEBHOOK_URL"), std::string::npos) << check.err;
    EXPECT_NE(check.err.find("hook.json"), std::string::npos) << "the error names the file: " << check.err;
    EXPECT_EQ(check.err.find("문제 없음"), std::string::npos) << check.err;
    auto once = cli.run({"once", "--config", cli.dir.file("hook.json"), "--replay-dir", cli.dir.file("none")});
    EXPECT_EQ(once.exit_code, 2) << url << ": " << once.err;
  }
}

TEST(Cli, CheckConfigMatchSaysWhichKeywordOrAliasATitleMeets) {
  Cli cli;
  json c = {{"KEYWORDS", {"IU", "뮤지컬"}},
            {"PRIORITY_KEYWORDS", {"방탄소년단"}},
            {"EXCLUDE_KEYWORDS", {"굿즈"}},
            {"aliases", json::array({json::array({"레미제라블", "Les Misérables"})})},
            {"data_dir", cli.dir.file("data")},
            {"log", {{"dir", cli.dir.file("logs")}}}};
  std::ofstream(cli.dir.file("match.json")) << c.dump();
  auto r = cli.run({"check-config", "--config", cli.dir.file("match.json"), "--match", "2025 아이유 콘서트", "--match",
                    "BTS 월드투어", "--match", "BTS 굿즈 판매", "--match", "연극 햄릿", "--match",
                    "뮤지컬〈LES MISÉRABLES〉"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("\"2025 아이유 콘서트\": 알림 대상 — KEYWORDS \"IU\" (별칭 \"아이유\"(으)로 찾음)"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\"BTS 월드투어\": 알림 대상, 우선 알림 (@here) — PRIORITY_KEYWORDS \"방탄소년단\" (별칭 \"BTS\"(으)로 찾음)"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("\"BTS 굿즈 판매\": 알림 대상 아님 — EXCLUDE_KEYWORDS \"굿즈\""), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\"연극 햄릿\": 알림 대상 아님 — KEYWORDS 중 일치하는 것이 없습니다"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\"뮤지컬〈LES MISÉRABLES〉\": 알림 대상 — KEYWORDS \"뮤지컬\""), std::string::npos) << r.out;
}

TEST(Cli, CheckConfigMatchListsTheRoutesATitleReaches) {
  Cli cli;
  json c = {{"DISCORD_WEBHOOK_URL", "https://discord.com/api/webhooks/100/defaultToken"},
            {"routes", json::array({{{"name", "아이유"},
                                     {"webhook", "https://discord.com/api/webhooks/200/iuToken"},
                                     {"keywords", {"IU"}},
                                     {"mention_role", "111122223333444455"},
                                     {"sites", {"interpark", "melon"}}},
                                    {{"name", "뮤지컬"},
                                     {"webhook", "https://discord.com/api/webhooks/300/musicalToken"},
                                     {"genres", {"뮤지컬"}},
                                     {"exclude", {"굿즈"}}}})},
            {"data_dir", cli.dir.file("data")},
            {"log", {{"dir", cli.dir.file("logs")}}}};
  std::ofstream(cli.dir.file("routes.json")) << c.dump();
  auto r = cli.run({"check-config", "--config", cli.dir.file("routes.json"), "--match", "아이유 콘서트", "--match",
                    "뮤지컬 레베카 굿즈"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("\"아이유 콘서트\":\n  → 기본 채널 (DISCORD_WEBHOOK_URL): 보냄\n"
                       "  → 채널 \"아이유\": 보냄, 역할 <@&111122223333444455> 호출 — 키워드 \"IU\" (별칭 \"아이유\"(으)로 찾음) "
                       "(interpark·melon 공지일 때)\n"
                       "  → 채널 \"뮤지컬\": 보내지 않음 — 장르가 genres와 다름"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("  → 채널 \"뮤지컬\": 보내지 않음 — 제외 키워드 \"굿즈\""), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("iuToken"), std::string::npos);
}

TEST(Cli, CheckConfigRefusesARouteWebhookThatIsNotDiscord) {
  Cli cli;
  json c = {{"routes", json::array({{{"name", "가짜"}, {"webhook", "https://discord.com.evil.example/api/webhooks/1/t"}}})},
            {"data_dir", cli.dir.file("data")},
            {"log", {{"dir", cli.dir.file("logs")}}}};
  std::ofstream(cli.dir.file("evil.json")) << c.dump();
  auto r = cli.run({"check-config", "--config", cli.dir.file("evil.json")});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("routes[0] (\"가짜\")"), std::string::npos) << r.err;
}

// Found by fuzz/config_fuzz.cpp: a number too large for any type ended the program (terminate).
TEST(Cli, AnOverflowingNumberIsAConfigurationError) {
  Cli cli;
  std::ofstream(cli.dir.file("big.json")) << R"({"interval": 55555555555555555555e5555555555555555555555555555})";
  auto r = cli.run({"check-config", "--config", cli.dir.file("big.json")});
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_NE(r.err.find("big.json"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find("terminate"), std::string::npos) << r.err;
}

TEST(Cli, AMalformedAliasFileIsAConfigurationErrorNamingIt) {
  Cli cli;
  std::ofstream(cli.dir.file("my-aliases.json")) << R"({"aliases": [["아이유", "IU"], ["BTS", 7]]})";
  json c = {{"aliases_file", cli.dir.file("my-aliases.json")}, {"data_dir", cli.dir.file("data")},
            {"log", {{"dir", cli.dir.file("logs")}}}};
  std::ofstream(cli.dir.file("a.json")) << c.dump();
  auto r = cli.run({"check-config", "--config", cli.dir.file("a.json")});
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_NE(r.err.find("my-aliases.json"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("aliases[1][1]"), std::string::npos) << r.err;
}

TEST(Cli, AProxyPasswordIsNeverPrinted) {
  Cli cli;
  json c = {{"proxy", {{"http", "http://fan:s3cret-pw@proxy.example:3128"}, {"https", "http://fan:s3cret-pw@proxy.example:3128"}}},
            {"data_dir", cli.dir.file("data")},
            {"log", {{"dir", cli.dir.file("logs")}}}};
  std::ofstream(cli.dir.file("proxy.json")) << c.dump(2);
  auto r = cli.run({"check-config", "--config", cli.dir.file("proxy.json")});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("http://fan:****@proxy.example:3128"), std::string::npos) << r.out;
  EXPECT_EQ((r.out + r.err).find("s3cret-pw"), std::string::npos) << r.out << r.err;

  // A syntax error on the proxy's line quotes the line, password masked.
  std::ofstream(cli.dir.file("broken.json")) << "{\n  \"proxy\": \"http://fan:s3cret-pw@proxy.example:3128\",,\n}\n";
  auto broken = cli.run({"check-config", "--config", cli.dir.file("broken.json")});
  EXPECT_EQ(broken.exit_code, 2);
  EXPECT_NE(broken.err.find("fan:****@proxy.example"), std::string::npos) << broken.err;
  EXPECT_EQ(broken.err.find("s3cret-pw"), std::string::npos) << broken.err;
}

TEST(Cli, OnceWithAReplayDirHoldingNoArchiveExitsTwoAndNamesIt) {
  Cli cli;
  std::filesystem::create_directories(cli.dir.file("replays"));
  auto r = cli.run({"once", "--config", cli.config(), "--replay-dir", cli.dir.file("replays")});
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_NE(r.err.find(cli.dir.file("replays")), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("interpark"), std::string::npos) << "the error lists the sites it looked for: " << r.err;
}

TEST(Cli, EvalRunsAScriptAgainstAReplayedPage) {
  Cli cli;
  std::ofstream(cli.dir.file("count.js")) << "// counts notice rows\nasync (ctx) => ({url: ctx.url, items: (await fetch('/contents/api/open-notice/notice-list?goodsGenre=ALL&goodsRegion=ALL&offset=0&pageSize=50&sorting=OPEN_ASC').then(r => r.json())).length})\n";
  auto r = cli.run({"eval", "https://tickets.interpark.com/contents/notice", "--script", cli.dir.file("count.js"), "--replay",
                    project() + "/fixtures/interpark/main.har", "--config", cli.config()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  json out = json::parse(r.out);
  EXPECT_EQ(out["url"], "https://tickets.interpark.com/contents/notice");
  EXPECT_EQ(out["items"], 50);
}

TEST(Cli, EvalReportsAThrowWithFileAndLine) {
  Cli cli;
  std::ofstream(cli.dir.file("broken.js")) << "async (ctx) => {\n  throw new Error('선택자 없음');\n}\n";
  auto r = cli.run({"eval", "https://tickets.interpark.com/contents/notice", "--script", cli.dir.file("broken.js"), "--replay",
                    project() + "/fixtures/interpark/main.har", "--config", cli.config()});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("broken.js:2"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("선택자 없음"), std::string::npos) << r.err;
}

TEST(Cli, MalformedHarIsAUsageErrorNamingTheFile) {
  Cli cli;
  std::ofstream(cli.dir.file("bad.har")) << "{\"log\": {\"entries\": [}";
  auto r = cli.run({"crawl", "interpark", "--replay", cli.dir.file("bad.har"), "--config", cli.config()});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("bad.har"), std::string::npos) << r.err;
}

TEST(Cli, CrawlPrintsTicketsAndASummary) {
  Cli cli;
  auto r = cli.run({"crawl", "ticketlink", "--replay", project() + "/fixtures/ticketlink/main.har", "--config", cli.config()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  json tickets = json::parse(r.out);
  std::ifstream f(project() + "/fixtures/ticketlink/expected.json");
  EXPECT_EQ(tickets, json::parse(f));
  EXPECT_NE(r.err.find("ticketlink: https://www.ticketlink.co.kr/help/notice#TICKET_OPEN · strategy api · "), std::string::npos) << r.err;
  auto table = cli.run({"crawl", "ticketlink", "--replay", project() + "/fixtures/ticketlink/main.har", "--format", "table", "--config", cli.config()});
  EXPECT_EQ(table.exit_code, 0);
  EXPECT_NE(table.out.find(tickets[0]["title"].get<std::string>()), std::string::npos);
}

TEST(Cli, CrawlDetailPrintsOneNoticeWithEveryOpening) {
  Cli cli;
  const std::string dir = project() + "/fixtures/melon/";
  const std::string url = "https://ticket.melon.com/csoon/detail.htm?csoonId=11742";
  auto r = cli.run({"crawl", "melon", "--replay", dir + "main.har", "--detail", url, "--config", cli.config()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const json out = json::parse(r.out);
  std::ifstream f(dir + "expected-detail-fanclub-presale-general.json");
  const json expected = json::parse(f);
  EXPECT_EQ(out["openings"], expected["openings"]);
  EXPECT_EQ(out["id"], "11742");
  EXPECT_EQ(out["url"], url);
  auto table = cli.run({"crawl", "melon", "--replay", dir + "main.har", "--detail", url, "--format", "table", "--config",
                        cli.config()});
  ASSERT_EQ(table.exit_code, 0) << table.err;
  EXPECT_NE(table.out.find("2026-02-13T20:00  팬클럽 선예매"), std::string::npos) << table.out;
  // A page that names no opening is a failure with the reason, like a list with no items.
  auto none = cli.run({"crawl", "melon", "--replay", dir + "main.har", "--detail",
                       "https://ticket.melon.com/csoon/detail.htm?csoonId=1", "--config", cli.config()});
  EXPECT_EQ(none.exit_code, 1);
  EXPECT_NE(none.err.find("크롤링 실패"), std::string::npos) << none.err;
  EXPECT_NE(none.err.find("ticket-alarm record"), std::string::npos) << "the message says what to do: " << none.err;
}

TEST(Cli, CrawlWithDetailsAddsEachNoticesOpenings) {
  Cli cli;
  auto r = cli.run({"crawl", "melon", "--replay", project() + "/fixtures/melon/main.har", "--with-details", "--config",
                    cli.config()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  size_t several = 0;
  for (const auto& t : json::parse(r.out)) several += t["openings"].size() > 1;
  EXPECT_GE(several, 2u) << r.out;
}

TEST(Cli, CrawlFailsWithTheReasonWhenNothingIsExtracted) {
  Cli cli;
  std::filesystem::create_directories(cli.dir.file("extract"));
  std::ofstream(cli.dir.file("extract/interpark.js")) << "async (ctx) => ({items: [], strategy: 'dom', warnings: ['NoticeItem 없음']})\n";
  json c = {{"data_dir", cli.dir.file("data")}, {"extract_dir", cli.dir.file("extract")}, {"log", {{"dir", cli.dir.file("logs")}}}};
  std::ofstream(cli.dir.file("c2.json")) << c.dump();
  auto r = cli.run({"crawl", "interpark", "--replay", project() + "/fixtures/interpark/main.har", "--config", cli.dir.file("c2.json")});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("크롤링 실패"), std::string::npos);
  EXPECT_NE(r.err.find("NoticeItem 없음"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace ta
