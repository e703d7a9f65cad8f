// The real pages in ../shared/captures, replayed as single-document archives: every item with
// the right open time. Skips when ../shared is absent (a user's clone).
#include <gtest/gtest.h>

#include <filesystem>

#include "sites/crawler.h"
#include "site_env.h"

namespace ta {
namespace {

std::string captures_dir() { return test::source_dir() + "/../shared/captures"; }

std::string single_document_har(const std::string& url, const std::string& html, const std::string& recorded) {
  nlohmann::json entry = {
      {"startedDateTime", recorded},
      {"request", {{"method", "GET"}, {"url", url}, {"headers", nlohmann::json::array()}}},
      {"response",
       {{"status", 200},
        {"headers", {{{"name", "Content-Type"}, {"value", "text/html; charset=utf-8"}}}},
        {"content", {{"mimeType", "text/html; charset=utf-8"}, {"text", html}}}}}};
  nlohmann::json har = {{"log", {{"version", "1.2"}, {"pages", {{{"startedDateTime", recorded}}}}, {"entries", {entry}}}}};
  return har.dump();
}

TEST(SharedCaptures, RealPagesGiveEveryItemWithItsOpenTime) {
  if (!std::filesystem::is_directory(captures_dir())) GTEST_SKIP() << "../shared/captures is not present";
  int checked = 0;
  for (const auto& site : all_sites()) {
    const std::string spec_path = test::source_dir() + "/fixtures/" + site.id + "/shared-captures.json";
    if (!std::filesystem::exists(spec_path)) continue;
    for (const auto& spec : test::read_json(spec_path)) {
      const std::string file = captures_dir() + "/" + spec["file"].get<std::string>();
      if (!std::filesystem::exists(file)) continue;
      SCOPED_TRACE(site.id + " " + spec["file"].get<std::string>());
      cdp::BrowserPool pool(test::site_pool_options());
      CrawlOptions options;
      options.extract_dir = test::source_dir() + "/scripts/extract";
      options.page_timeout_s = 60;
      options.replay = cdp::HarArchive::parse(
          single_document_har(spec["url"], test::slurp(file), spec.value("recorded", "2025-06-21T10:00:00+09:00")), file);
      CrawlResult r = crawl_site(pool, site, options, Deadline::after(std::chrono::seconds(120)));
      const size_t min_items = spec.value("min_items", 1);
      const size_t max_items = spec.value("max_items", 100000);
      EXPECT_GE(r.tickets.size(), min_items) << r.error;
      EXPECT_LE(r.tickets.size(), max_items);
      if (min_items > 0) {
        EXPECT_TRUE(r.ok) << r.error;
        for (const auto& t : r.tickets) EXPECT_TRUE(t.open_at.has_value()) << t.title << " has no open time";
      }
      if (spec.value("expect_warning", false)) {
        // Zero items is reported as a failure with the script's warnings, never as a silent success.
        EXPECT_FALSE(r.ok);
        EXPECT_FALSE(r.warnings.empty() && r.error.empty());
      }
      for (const auto& check : spec.value("checks", nlohmann::json::array())) {
        const std::string id = check["id"];
        auto it = std::find_if(r.tickets.begin(), r.tickets.end(), [&](const Ticket& t) { return t.id == id; });
        ASSERT_NE(it, r.tickets.end()) << "no item with id " << id;
        nlohmann::json actual = to_json(*it);
        for (auto& [key, value] : check.items()) EXPECT_EQ(actual[key], value) << id << "." << key;
      }
      ++checked;
    }
  }
  EXPECT_GT(checked, 0);
}

}  // namespace
}  // namespace ta
