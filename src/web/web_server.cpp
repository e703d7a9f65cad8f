#include "web/web_server.h"

#include <httplib.h>
#include <sys/socket.h>

#include <atomic>
#include <chrono>
#include <stdexcept>

#include "log/log.h"
#include "web/guarded_server.h"
#include "web/listen_address.h"
#include "web/security_headers.h"

namespace ta {

WebServer::WebServer(const Config& config, Store& store, StatusSource& status)
    : config_(config), store_(store), status_(status), clock_([] { return std::time(nullptr); }) {}

WebServer::~WebServer() { stop(); }

void WebServer::start() {
  if (server_) throw std::logic_error("WebServer::start called twice");
  std::string error;
  auto address = parse_listen_address(config_.web.listen, &error);
  if (!address) throw std::runtime_error(error);

  server_ = std::make_unique<GuardedServer>();
  httplib::Headers headers;
  for (const auto& [name, value] : security_headers()) headers.emplace(name, value);
  server_->set_default_headers(headers);
  // httplib's default SO_REUSEPORT would let a second ticket-alarm share the port silently and
  // answer half the requests; SO_REUSEADDR alone still allows a quick restart.
  server_->set_socket_options([](socket_t sock) {
    int yes = 1;
    ::setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof(yes));
  });
  install_routes();

  host_ = address->host;
  if (address->port == 0) {
    port_ = server_->bind_to_any_port(host_);
    if (port_ <= 0) port_ = 0;
  } else if (server_->bind_to_port(host_, address->port)) {
    port_ = address->port;
  }
  if (port_ == 0) {
    server_.reset();
    throw std::runtime_error("대시보드 주소 " + config_.web.listen +
                             "에서 기다릴 수 없습니다 (이미 쓰이는 포트이거나 이 컴퓨터의 주소가 아닙니다). web.listen을 확인하세요");
  }
  auto finished = std::make_shared<std::atomic<bool>>(false);
  thread_ = std::thread([this, finished] {
    server_->listen_after_bind();
    *finished = true;
  });
  // httplib's stop() only reaches a server whose loop has started: wait for it, so that a stop()
  // right after start() cannot leave the thread listening forever.
  while (!server_->is_running() && !*finished) std::this_thread::sleep_for(std::chrono::milliseconds(1));

  auto log = logger("web");
  log->info("대시보드: http://{}:{}/", host_.find(':') != std::string::npos ? "[" + host_ + "]" : host_, port_);
  if (!is_loopback_host(host_) && config_.web.admin_token.empty())
    log->warn("대시보드가 이 컴퓨터 밖({})에서도 열리고 web.admin_token이 없습니다. 공지·사이트 상태·통계가 "
              "누구에게나 보이니 방화벽이나 인증 프록시 뒤에 두세요 (이 컴퓨터에서만 열려면 web.listen을 127.0.0.1:{}로)",
              host_, port_);
}

void WebServer::stop() {
  if (!server_) return;
  server_->stop();
  if (thread_.joinable()) thread_.join();
  server_.reset();
}

std::unique_ptr<WebServer> start_web(const Config& config, Store& store, StatusSource& status) {
  auto server = std::make_unique<WebServer>(config, store, status);
  server->start();
  return server;
}

}  // namespace ta
