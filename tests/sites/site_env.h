#pragma once
// Fixture cases and shared captures, replayed through the real crawler in real Chromium.
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include <gtest/gtest.h>

#include "cdp/pool.h"
#include "sites/crawler.h"
#include "sites/site.h"

namespace ta::test {

inline std::string source_dir() { return TA_TEST_SOURCE_DIR; }

inline std::string slurp(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

inline nlohmann::json read_json(const std::string& path) { return nlohmann::json::parse(slurp(path)); }

// One case of fixtures/<site>/<cases file>, for a parameterised test.
struct SiteCase {
  std::string site;
  nlohmann::json spec;
};

// gtest prints the case by name, not as bytes.
inline void PrintTo(const SiteCase& c, std::ostream* os) { *os << c.site << "/" << c.spec.value("name", ""); }

// Every site's cases from fixtures/<site>/<file_name> (cases.json, detail-cases.json).
inline std::vector<SiteCase> load_site_cases(const std::string& file_name) {
  std::vector<SiteCase> cases;
  for (const auto& site : all_sites()) {
    const std::string path = source_dir() + "/fixtures/" + site.id + "/" + file_name;
    std::ifstream probe(path);
    if (!probe) continue;
    for (const auto& c : read_json(path)) cases.push_back({site.id, c});
  }
  return cases;
}

// "<site>_<case name>" with every other character an underscore, as gtest wants.
inline std::string site_case_name(const ::testing::TestParamInfo<SiteCase>& info) {
  std::string name = info.param.site + "_" + info.param.spec["name"].get<std::string>();
  for (auto& ch : name)
    if (!std::isalnum(static_cast<unsigned char>(ch))) ch = '_';
  return name;
}

// Crawl options that replay the case's HAR with the project's extract scripts.
inline CrawlOptions replay_options(const SiteCase& c) {
  CrawlOptions options;
  options.extract_dir = source_dir() + "/scripts/extract";
  options.replay = cdp::HarArchive::load(source_dir() + "/fixtures/" + c.site + "/" + c.spec["har"].get<std::string>());
  options.page_timeout_s = 60;
  return options;
}

inline cdp::PoolOptions site_pool_options() {
  cdp::PoolOptions o;
  o.browsers = 1;
  o.pages_per_browser = 2;
  o.scripts_dir = source_dir() + "/scripts/cdp";
  o.page.block_types = {"Image", "Media", "Font"};
  return o;
}

}  // namespace ta::test
