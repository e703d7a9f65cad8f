#pragma once
// Shared by the record tests: a local site whose page fetches through GET, POST, a redirect and a
// binary body (files in tests/record/site), HAR helpers, and a way to run the built binary.
#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "cdp/pool.h"
#include "support/http_server.h"

namespace ta::test {

inline std::string site_file(const std::string& name) { return std::string(TA_TEST_SOURCE_DIR) + "/tests/record/site/" + name; }

inline std::string slurp(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

// Bytes that are not valid UTF-8, so the browser must hand the body over base64-encoded.
inline std::string binary_body() { return std::string("\x00\x01\x02\xff\xfe\x80", 6); }
inline const char* kPostBody = "keyword=%EB%AE%A4%EC%A7%80%EC%BB%AC&page=2";

inline void serve_site(HttpServer& server) {
  server.page("/page", slurp(site_file("page.html")));
  server.page("/app.js", slurp(site_file("app.js")), "application/javascript; charset=utf-8");
  server.raw().Get("/api/items", [](const httplib::Request& req, httplib::Response& res) {
    const std::string page = req.has_param("page") ? req.get_param_value("page") : "?";
    res.set_content("[\"〈뮤지컬〉 티켓오픈 " + page + "\", \"콘서트\"]", "application/json; charset=utf-8");
  });
  server.raw().Post("/api/search", [](const httplib::Request& req, httplib::Response& res) {
    res.set_content(req.body == kPostBody ? "검색 결과 2쪽" : "잘못된 본문: " + req.body, "text/plain; charset=utf-8");
  });
  server.raw().Get("/old/notice", [](const httplib::Request&, httplib::Response& res) { res.set_redirect("/new/notice"); });
  server.page("/new/notice", "옮긴 공지", "text/plain; charset=utf-8");
  server.page("/data.bin", binary_body(), "application/octet-stream");
  server.page("/poster.png", binary_body(), "image/png");
}

inline cdp::PoolOptions record_pool_options() {
  cdp::PoolOptions o;
  o.browsers = 1;
  o.pages_per_browser = 2;
  o.scripts_dir = std::string(TA_TEST_SOURCE_DIR) + "/scripts/cdp";
  o.page.block_types = {"Image", "Media", "Font"};
  return o;
}

// Entries of a HAR document whose request matches.
inline std::vector<nlohmann::json> entries_for(const nlohmann::json& har, const std::string& method, const std::string& url) {
  std::vector<nlohmann::json> out;
  for (const auto& e : har["log"]["entries"])
    if (e["request"]["method"] == method && e["request"]["url"] == url) out.push_back(e);
  return out;
}

inline std::string header(const nlohmann::json& entry, const std::string& name) {
  for (const auto& h : entry["response"]["headers"]) {
    std::string n = h["name"];
    for (auto& c : n) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (n == name) return h["value"];
  }
  return "";
}

struct RunResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// Runs the built ticket-alarm with `args`; stdout and stderr go to files in `dir`.
inline RunResult run_binary(const std::vector<std::string>& args, const std::string& dir) {
  const std::string out_path = dir + "/stdout.txt", err_path = dir + "/stderr.txt";
  std::vector<std::string> argv_s = {TA_BINARY};
  argv_s.insert(argv_s.end(), args.begin(), args.end());
  pid_t pid = ::fork();
  if (pid == 0) {
    int out = ::open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    int err = ::open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    ::dup2(out, 1);
    ::dup2(err, 2);
    std::vector<char*> argv;
    for (auto& a : argv_s) argv.push_back(a.data());
    argv.push_back(nullptr);
    ::execv(argv[0], argv.data());
    ::_exit(127);
  }
  RunResult r;
  int status = 0;
  if (pid > 0 && ::waitpid(pid, &status, 0) == pid && WIFEXITED(status)) r.exit_code = WEXITSTATUS(status);
  r.out = slurp(out_path);
  r.err = slurp(err_path);
  return r;
}

}  // namespace ta::test
