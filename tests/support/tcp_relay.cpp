#include "support/tcp_relay.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <stdexcept>
#include <string>

namespace ta::test {
namespace {

sockaddr_in loopback(int port) {
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  return addr;
}

bool write_all(int fd, const char* data, ssize_t n) {
  while (n > 0) {
    ssize_t w = ::send(fd, data, static_cast<size_t>(n), MSG_NOSIGNAL);
    if (w <= 0) return false;
    data += w;
    n -= w;
  }
  return true;
}

}  // namespace

TcpRelay::TcpRelay(int target_port) : target_port_(target_port) {
  listen_fd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  sockaddr_in addr = loopback(0);
  if (listen_fd_ < 0 || ::bind(listen_fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 ||
      ::listen(listen_fd_, 16) != 0 || ::pipe2(wake_pipe_, O_CLOEXEC) != 0)
    throw std::runtime_error("TcpRelay: cannot listen on 127.0.0.1");
  socklen_t len = sizeof addr;
  ::getsockname(listen_fd_, reinterpret_cast<sockaddr*>(&addr), &len);
  port_ = ntohs(addr.sin_port);
  acceptor_ = std::thread([this] { accept_loop(); });
}

TcpRelay::~TcpRelay() {
  stopping_ = true;
  (void)!::write(wake_pipe_[1], "x", 1);
  acceptor_.join();
  drop_connections();
  for (auto& t : pumps_) t.join();
  ::close(listen_fd_);
  ::close(wake_pipe_[0]);
  ::close(wake_pipe_[1]);
}

void TcpRelay::accept_loop() {
  for (;;) {
    pollfd fds[2] = {{listen_fd_, POLLIN, 0}, {wake_pipe_[0], POLLIN, 0}};
    if (::poll(fds, 2, -1) < 0) continue;
    if (stopping_) return;
    int client = ::accept4(listen_fd_, nullptr, nullptr, SOCK_CLOEXEC);
    if (client < 0) continue;
    if (refusing_) {
      ::close(client);
      continue;
    }
    int upstream = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in target = loopback(target_port_);
    if (upstream < 0 || ::connect(upstream, reinterpret_cast<sockaddr*>(&target), sizeof target) != 0) {
      ::close(client);
      if (upstream >= 0) ::close(upstream);
      continue;
    }
    ++accepted_;
    std::lock_guard<std::mutex> lock(mutex_);
    open_fds_.push_back(client);
    open_fds_.push_back(upstream);
    pumps_.emplace_back([this, client, upstream] { pump(client, upstream); });
  }
}

void TcpRelay::pump(int client, int upstream) {
  char buffer[64 * 1024];
  bool open = true;
  while (open) {
    pollfd fds[2] = {{client, POLLIN, 0}, {upstream, POLLIN, 0}};
    if (::poll(fds, 2, -1) < 0) break;
    for (int i = 0; i < 2 && open; ++i) {
      if (!(fds[i].revents & (POLLIN | POLLHUP | POLLERR))) continue;
      ssize_t n = ::recv(fds[i].fd, buffer, sizeof buffer, 0);
      open = n > 0 && write_all(fds[1 - i].fd, buffer, n);
    }
  }
  std::lock_guard<std::mutex> lock(mutex_);
  for (int fd : {client, upstream}) {
    open_fds_.erase(std::remove(open_fds_.begin(), open_fds_.end(), fd), open_fds_.end());
    ::close(fd);
  }
}

void TcpRelay::drop_connections() {
  std::lock_guard<std::mutex> lock(mutex_);
  // shutdown wakes the pump's poll; the pump closes the descriptors itself.
  for (int fd : open_fds_) ::shutdown(fd, SHUT_RDWR);
}

}  // namespace ta::test
