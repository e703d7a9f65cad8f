#pragma once
// End-to-end set-up: the real binary, a config pointing at a fake Discord on loopback, replayed
// sites, a temporary data directory.
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "normalize/kst_time.h"
#include "support/fake_discord.h"
#include "support/run_binary.h"
#include "support/temp_dir.h"

namespace ta::test {

inline std::string project() { return TA_TEST_SOURCE_DIR; }

class MonitorEnv {
 public:
  TempDir dir;
  FakeDiscord discord;
  nlohmann::json config;

  MonitorEnv() {
    std::filesystem::create_directories(replay_dir());
    std::filesystem::create_directories(dir.file("tmp"));
    config = {{"DISCORD_WEBHOOK_URL", discord.webhook_url()},
              {"sources", {"interpark"}},
              {"interval", 60},
              {"jitter_s", 0},
              {"notification_delay", 0},
              {"max_notifications_per_cycle", 1000},
              {"first_run", "announce"},  // most tests count one alert per notice
              {"data_dir", dir.file("data")},
              {"log", {{"dir", dir.file("logs")}}},
              {"browser", {{"pool_size", 1}, {"page_timeout_s", 60}}}};
    discord.set_rate_limit(1000, std::chrono::milliseconds(1000));
  }
  std::string replay_dir() const { return dir.file("replay"); }
  std::string config_path() {
    std::ofstream(dir.file("config.json")) << config.dump(2);
    return dir.file("config.json");
  }
  // Chromium profiles go under the test's own folder, so a killed run's leftovers are found.
  std::map<std::string, std::string> env() { return {{"TMPDIR", dir.file("tmp")}, {"TICKET_ALARM_WEBHOOK_URL", ""}}; }

  RunResult once(std::vector<std::string> extra = {}) {
    std::vector<std::string> args = {"once", "--config", config_path(), "--replay-dir", replay_dir()};
    args.insert(args.end(), extra.begin(), extra.end());
    return run_binary(args, env(), std::chrono::seconds(400));
  }

  void use_fixture(const std::string& site, const std::string& har = "main.har") {
    std::filesystem::copy_file(project() + "/fixtures/" + site + "/" + har, replay_dir() + "/" + site + ".har",
                               std::filesystem::copy_options::overwrite_existing);
  }

  // A one-page "interpark" whose test extract script returns `items` as they are.
  // (A vector, not a json: nlohmann reads a one-element brace list as that element, not an array.)
  void use_items(const std::vector<nlohmann::json>& list, const std::string& recorded = "2025-06-21T10:00:00.000+09:00") {
    use_site_items("interpark", list, recorded);
  }

  // The same for `site` (interpark or yes24): its first entry page answers with `items`.
  void use_site_items(const std::string& site, const std::vector<nlohmann::json>& list, const std::string& recorded) {
    const nlohmann::json items = list;
    const std::string entry_url = site == "yes24" ? "http://ticket.yes24.com/New/Notice/NoticeMain.aspx"
                                              : "https://tickets.interpark.com/contents/notice";
    config["extract_dir"] = dir.file("extract");
    std::filesystem::create_directories(dir.file("extract"));
    std::filesystem::copy_file(project() + "/tests/monitor/data/items-extract.js", dir.file("extract/" + site + ".js"),
                               std::filesystem::copy_options::overwrite_existing);
    // Escape "</" so a title cannot close the script element of the test page.
    std::string data = items.dump();
    for (size_t p = data.find("</"); p != std::string::npos; p = data.find("</", p + 3)) data.replace(p, 2, "<\\/");
    const std::string html = "<html><body><script>window.__TEST_ITEMS__ = " + data + ";</script></body></html>";
    nlohmann::json entry = {
        {"startedDateTime", recorded},
        {"request", {{"method", "GET"}, {"url", entry_url}}},
        {"response", {{"status", 200}, {"headers", {{{"name", "Content-Type"}, {"value", "text/html; charset=utf-8"}}}},
                      {"content", {{"mimeType", "text/html"}, {"text", html}}}}}};
    nlohmann::json har = {{"log", {{"version", "1.2"}, {"pages", {{{"startedDateTime", recorded}}}}, {"entries", {entry}}}}};
    std::ofstream(replay_dir() + "/" + site + ".har") << har.dump();
  }

  std::string log_path() const { return dir.file("logs/ticket-alarm.log"); }
  // The monitor's log file as written so far.
  std::string log() const {
    std::ifstream f(log_path());
    return std::string((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
  }

  std::vector<nlohmann::json> embeds() const {
    std::vector<nlohmann::json> out;
    for (const auto& m : discord.messages())
      for (const auto& e : m.payload.value("embeds", nlohmann::json::array())) out.push_back(e);
    return out;
  }
};

inline nlohmann::json item(const std::string& id, const std::string& title, const std::string& open_at,
                           const std::string& venue = "블루스퀘어 신한카드홀") {
  return {{"id", id}, {"title", title}, {"open_at", open_at}, {"open_type", "일반예매"}, {"venue", venue},
          {"url", "https://tickets.interpark.com/contents/notice/detail/" + id}};
}

}  // namespace ta::test
