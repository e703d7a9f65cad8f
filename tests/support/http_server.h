#pragma once
// A real HTTP server on 127.0.0.1 (random port) for tests: pages to load in Chromium, with a log
// of every request it received.
#include <httplib.h>

#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace ta::test {

struct SeenRequest {
  std::string method;
  std::string path;
  std::map<std::string, std::string> headers;
};

class HttpServer {
 public:
  HttpServer();
  ~HttpServer();
  // Serves `body` at `path` (GET).
  void page(const std::string& path, const std::string& body, const std::string& type = "text/html; charset=utf-8");
  httplib::Server& raw() { return server_; }
  std::string url(const std::string& path) const;
  int port() const { return port_; }
  std::vector<SeenRequest> requests() const;
  bool saw(const std::string& path) const;

 private:
  httplib::Server server_;
  std::thread thread_;
  int port_ = 0;
  mutable std::mutex mutex_;
  std::vector<SeenRequest> seen_;
};

}  // namespace ta::test
