// Slow and many connections (slowloris): a client that trickles its request is cut off at the
// read deadline, one address cannot hold more than its share of the server's threads, and a
// health check from elsewhere is answered meanwhile.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <thread>

#include "web/guarded_server.h"
#include "web_env.h"

namespace ta::test {
namespace {

// A TCP connection to 127.0.0.1:port whose source address is `source` (any of 127.0.0.0/8).
int connect_from(const char* source, int port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in from{};
  from.sin_family = AF_INET;
  ::inet_pton(AF_INET, source, &from.sin_addr);
  EXPECT_EQ(::bind(fd, reinterpret_cast<sockaddr*>(&from), sizeof(from)), 0);
  sockaddr_in to{};
  to.sin_family = AF_INET;
  to.sin_port = htons(static_cast<uint16_t>(port));
  ::inet_pton(AF_INET, "127.0.0.1", &to.sin_addr);
  EXPECT_EQ(::connect(fd, reinterpret_cast<sockaddr*>(&to), sizeof(to)), 0);
  return fd;
}

// What the server sent before closing, read for at most `wait`; `closed` says whether it closed.
std::string read_until_closed(int fd, std::chrono::milliseconds wait, bool* closed) {
  std::string got;
  const auto until = std::chrono::steady_clock::now() + wait;
  *closed = false;
  for (;;) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(until - std::chrono::steady_clock::now());
    if (left.count() <= 0) return got;
    pollfd p{fd, POLLIN, 0};
    if (::poll(&p, 1, static_cast<int>(left.count())) <= 0) return got;
    char buf[512];
    const ssize_t n = ::recv(fd, buf, sizeof(buf), 0);
    if (n <= 0) {
      *closed = true;
      return got;
    }
    got.append(buf, static_cast<std::size_t>(n));
  }
}

TEST_F(WebTest, SlowClientsAreCutOffAndCannotStallTheHealthCheck) {
  all_sites_succeeded();
  constexpr int kSlow = 20;
  std::vector<int> fds;
  for (int i = 0; i < kSlow; ++i) {
    const int fd = connect_from("127.0.0.2", server->port());
    const std::string start = "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ";
    ASSERT_EQ(::send(fd, start.data(), start.size(), MSG_NOSIGNAL), static_cast<ssize_t>(start.size()));
    fds.push_back(fd);
  }
  // One address gets kPerClient connections; the rest are refused at once with a 503.
  std::vector<int> held;
  int refused = 0;
  for (int fd : fds) {
    bool closed = false;
    const std::string got = read_until_closed(fd, std::chrono::milliseconds(300), &closed);
    if (closed && got.rfind("HTTP/1.1 503", 0) == 0)
      ++refused;
    else
      held.push_back(fd);
  }
  EXPECT_EQ(refused, kSlow - GuardedServer::kPerClient);
  ASSERT_EQ(held.size(), static_cast<std::size_t>(GuardedServer::kPerClient));

  // The held ones trickle a byte every half second — within every per-read timeout — while a
  // health check from another address is answered.
  std::atomic<bool> trickling{true};
  std::thread trickle([&] {
    while (trickling) {
      for (int fd : held) (void)!::send(fd, "a", 1, MSG_NOSIGNAL);
      std::this_thread::sleep_for(std::chrono::milliseconds(500));
    }
  });
  httplib::Client health("127.0.0.1", server->port());
  health.set_read_timeout(5, 0);
  auto res = health.Get("/healthz");
  ASSERT_TRUE(res) << "the health check was not answered while slow clients held connections";
  EXPECT_EQ(res->status, 200);

  // Each trickling connection is closed by the server once its read deadline has passed.
  int cut_off = 0;
  for (int fd : held) {
    bool closed = false;
    read_until_closed(fd, GuardedServer::kReadDeadline + std::chrono::seconds(5), &closed);
    cut_off += closed ? 1 : 0;
  }
  trickling = false;
  trickle.join();
  EXPECT_EQ(cut_off, GuardedServer::kPerClient) << "a client trickling its headers must not hold a thread forever";
  for (int fd : fds) ::close(fd);
}

}  // namespace
}  // namespace ta::test
