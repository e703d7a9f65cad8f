#pragma once
// Shared set-up for tests that drive a real Chromium.
#include <string>

#include <nlohmann/json.hpp>

#include "cdp/pool.h"
#include "util/resource_dir.h"

namespace ta::cdp::test {

inline PoolOptions test_pool_options(int browsers = 1) {
  PoolOptions o;
  o.browsers = browsers;
  o.pages_per_browser = 2;
  o.scripts_dir = std::string(TA_TEST_SOURCE_DIR) + "/scripts/cdp";
  o.page.block_types = {"Image", "Media", "Font"};
  return o;
}

inline Deadline test_deadline() { return Deadline::after(std::chrono::seconds(30)); }

// A HAR 1.2 document built in the test: entries of {method, url, status, mime, body, post?, headers?}.
struct HarEntry {
  std::string method = "GET";
  std::string url;
  int status = 200;
  std::string mime = "text/html; charset=utf-8";
  std::string body;
  std::string post;  // empty: no postData
  bool base64 = false;
  std::string location;
};

inline std::string make_har(const std::vector<HarEntry>& entries, const std::string& started = "2025-06-21T10:00:00.000+09:00") {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& e : entries) {
    nlohmann::json req = {{"method", e.method}, {"url", e.url}, {"httpVersion", "HTTP/1.1"}, {"headers", nlohmann::json::array()}};
    if (!e.post.empty()) req["postData"] = {{"mimeType", "application/x-www-form-urlencoded"}, {"text", e.post}};
    nlohmann::json headers = nlohmann::json::array({{{"name", "Content-Type"}, {"value", e.mime}}});
    if (!e.location.empty()) headers.push_back({{"name", "Location"}, {"value", e.location}});
    nlohmann::json content = {{"mimeType", e.mime}, {"size", e.body.size()}, {"text", e.body}};
    if (e.base64) content["encoding"] = "base64";
    list.push_back({{"startedDateTime", started},
                    {"request", req},
                    {"response", {{"status", e.status}, {"statusText", ""}, {"headers", headers}, {"content", content}, {"redirectURL", e.location}}}});
  }
  nlohmann::json har = {{"log", {{"version", "1.2"}, {"creator", {{"name", "test"}}}, {"pages", {{{"startedDateTime", started}, {"id", "page_1"}}}}, {"entries", list}}}};
  return har.dump();
}

}  // namespace ta::cdp::test
