#include "support/http_server.h"

namespace ta::test {

HttpServer::HttpServer() {
  server_.set_logger([this](const httplib::Request& req, const httplib::Response&) {
    SeenRequest r{req.method, req.path, {}};
    for (const auto& [k, v] : req.headers) r.headers[k] = v;
    std::lock_guard<std::mutex> lock(mutex_);
    seen_.push_back(std::move(r));
  });
  port_ = server_.bind_to_any_port("127.0.0.1");
  thread_ = std::thread([this] { server_.listen_after_bind(); });
  // stop() is a no-op until the accept loop runs; wait for it so the destructor always stops it.
  while (!server_.is_running()) std::this_thread::yield();
}

HttpServer::~HttpServer() {
  server_.stop();
  if (thread_.joinable()) thread_.join();
}

void HttpServer::page(const std::string& path, const std::string& body, const std::string& type) {
  server_.Get(path, [body, type](const httplib::Request&, httplib::Response& res) { res.set_content(body, type.c_str()); });
}

std::string HttpServer::url(const std::string& path) const { return "http://127.0.0.1:" + std::to_string(port_) + path; }

std::vector<SeenRequest> HttpServer::requests() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return seen_;
}

bool HttpServer::saw(const std::string& path) const {
  std::lock_guard<std::mutex> lock(mutex_);
  for (const auto& r : seen_)
    if (r.path == path) return true;
  return false;
}

}  // namespace ta::test
