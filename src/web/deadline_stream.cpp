#include "web/deadline_stream.h"

#include <netdb.h>
#include <poll.h>
#include <sys/socket.h>

#include <cerrno>
#include <cstdlib>

namespace ta {

DeadlineStream::DeadlineStream(socket_t sock, Clock::time_point read_deadline, std::chrono::milliseconds write_timeout)
    : sock_(sock), read_deadline_(read_deadline), write_timeout_(write_timeout) {}

bool DeadlineStream::wait_for(short events, int timeout_ms) const {
  pollfd p{sock_, events, 0};
  for (;;) {
    const int n = ::poll(&p, 1, timeout_ms);
    if (n < 0 && errno == EINTR) continue;
    return n > 0 && (p.revents & (events | POLLHUP | POLLERR)) != 0;
  }
}

bool DeadlineStream::is_readable() const {
  const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(read_deadline_ - Clock::now()).count();
  return left > 0 && wait_for(POLLIN, static_cast<int>(left));
}

bool DeadlineStream::is_writable() const { return wait_for(POLLOUT, static_cast<int>(write_timeout_.count())); }

ssize_t DeadlineStream::read(char* ptr, size_t size) {
  if (!is_readable()) return -1;
  for (;;) {
    const ssize_t n = ::recv(sock_, ptr, size, 0);
    if (n < 0 && errno == EINTR) continue;
    return n;
  }
}

ssize_t DeadlineStream::write(const char* ptr, size_t size) {
  if (!is_writable()) return -1;
  for (;;) {
    const ssize_t n = ::send(sock_, ptr, size, MSG_NOSIGNAL);
    if (n < 0 && errno == EINTR) continue;
    return n;
  }
}

void socket_address(socket_t sock, bool peer, std::string& ip, int& port) {
  sockaddr_storage addr{};
  socklen_t len = sizeof(addr);
  const int rc = peer ? ::getpeername(sock, reinterpret_cast<sockaddr*>(&addr), &len)
                      : ::getsockname(sock, reinterpret_cast<sockaddr*>(&addr), &len);
  ip.clear();
  port = 0;
  if (rc != 0) return;
  char host[NI_MAXHOST], serv[NI_MAXSERV];
  if (::getnameinfo(reinterpret_cast<sockaddr*>(&addr), len, host, sizeof(host), serv, sizeof(serv),
                    NI_NUMERICHOST | NI_NUMERICSERV) != 0)
    return;
  ip = host;
  port = std::atoi(serv);
}

void DeadlineStream::get_remote_ip_and_port(std::string& ip, int& port) const { socket_address(sock_, true, ip, port); }

void DeadlineStream::get_local_ip_and_port(std::string& ip, int& port) const { socket_address(sock_, false, ip, port); }

}  // namespace ta
