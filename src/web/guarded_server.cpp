#include "web/guarded_server.h"

#include <sys/socket.h>
#include <unistd.h>

#include "log/log.h"
#include "web/deadline_stream.h"
#include "web/listen_address.h"

namespace ta {
namespace {

// What a client over its limit gets before the connection closes; it never reaches a handler.
void refuse(socket_t sock) {
  static const std::string kBody = "동시 연결이 너무 많습니다. 잠시 뒤 다시 시도하세요.\n";
  static const std::string kBusy =
      "HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\nRetry-After: 5\r\n"
      "Content-Type: text/plain; charset=utf-8\r\nContent-Length: " +
      std::to_string(kBody.size()) + "\r\n\r\n" + kBody;
  (void)!::send(sock, kBusy.data(), kBusy.size(), MSG_NOSIGNAL);
}

std::string without_v4_mapping(std::string ip) {
  if (ip.rfind("::ffff:", 0) == 0 && ip.find('.') != std::string::npos) ip.erase(0, 7);
  return ip;
}

}  // namespace

GuardedServer::GuardedServer() {
  new_task_queue = [] { return new httplib::ThreadPool(kThreads); };
}

bool GuardedServer::admit(const std::string& ip, bool loopback) {
  std::lock_guard<std::mutex> lock(mutex_);
  int& mine = open_per_client_[ip];
  if (mine >= kPerClient || (!loopback && open_remote_ >= kThreads - kKeptForLoopback)) {
    if (mine == 0) open_per_client_.erase(ip);
    return false;
  }
  ++mine;
  if (!loopback) ++open_remote_;
  return true;
}

void GuardedServer::release(const std::string& ip, bool loopback) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (--open_per_client_[ip] <= 0) open_per_client_.erase(ip);
  if (!loopback) --open_remote_;
}

bool GuardedServer::process_and_close_socket(socket_t sock) {
  const auto accepted = DeadlineStream::Clock::now();
  std::string ip;
  int port = 0;
  socket_address(sock, true, ip, port);
  ip = without_v4_mapping(ip);
  const bool loopback = is_loopback_host(ip);
  bool ok = false;
  if (admit(ip, loopback)) {
    const auto write_timeout = std::chrono::duration_cast<std::chrono::milliseconds>(
        std::chrono::seconds(write_timeout_sec_) + std::chrono::microseconds(write_timeout_usec_));
    DeadlineStream stream(sock, accepted + kReadDeadline, write_timeout + std::chrono::milliseconds(1));
    bool closed = false;
    ok = process_request(stream, /*close_connection=*/true, closed, nullptr);
    release(ip, loopback);
  } else {
    logger("web")->warn("대시보드: {}에서 동시 연결이 너무 많아 거절했습니다 (주소당 {}개까지)", ip, kPerClient);
    refuse(sock);
  }
  ::shutdown(sock, SHUT_RDWR);
  ::close(sock);
  return ok;
}

}  // namespace ta
