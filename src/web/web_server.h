#pragma once
// The dashboard and its JSON, /healthz and /metrics, served from the server's own threads.
// Read-only: nothing here changes the store. Every request passes request_guard.h first: a Host
// this dashboard is known by, and web.admin_token from clients on other machines.
#include <ctime>
#include <functional>
#include <memory>
#include <string>
#include <thread>

#include "config/config.h"
#include "store/store.h"
#include "web/status_source.h"

namespace httplib {
class Server;
}

namespace ta {

class WebServer {
 public:
  using Clock = std::function<std::time_t()>;

  WebServer(const Config& config, Store& store, StatusSource& status);
  ~WebServer();
  WebServer(const WebServer&) = delete;
  WebServer& operator=(const WebServer&) = delete;

  // Tests pin "now"; the default is the system clock. Call before start().
  void set_clock(Clock clock) { clock_ = std::move(clock); }
  // Binds config.web.listen (port 0: any free port) and serves on a background thread.
  // Throws std::runtime_error (Korean message) when the address is invalid or cannot be bound.
  void start();
  // Stops accepting, finishes requests in flight and joins the thread. Idempotent.
  void stop();
  int port() const { return port_; }
  const std::string& host() const { return host_; }

 private:
  void install_routes();

  const Config& config_;
  Store& store_;
  StatusSource& status_;
  Clock clock_;
  std::unique_ptr<httplib::Server> server_;
  std::thread thread_;
  std::string host_;
  int port_ = 0;
};

// What `serve` and `run --web` call: a started server, or a runtime_error to report.
std::unique_ptr<WebServer> start_web(const Config& config, Store& store, StatusSource& status);

}  // namespace ta
