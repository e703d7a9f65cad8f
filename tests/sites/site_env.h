#pragma once
// Fixture cases and shared captures, replayed through the real crawler in real Chromium.
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "cdp/pool.h"

namespace ta::test {

inline std::string source_dir() { return TA_TEST_SOURCE_DIR; }

inline std::string slurp(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

inline nlohmann::json read_json(const std::string& path) { return nlohmann::json::parse(slurp(path)); }

inline cdp::PoolOptions site_pool_options() {
  cdp::PoolOptions o;
  o.browsers = 1;
  o.pages_per_browser = 2;
  o.scripts_dir = source_dir() + "/scripts/cdp";
  o.page.block_types = {"Image", "Media", "Font"};
  return o;
}

}  // namespace ta::test
