#pragma once
// A loopback TCP relay for tests: forwards every connection on 127.0.0.1:port() to a target port,
// and can cut all open connections (a network drop) or stop accepting (the remote is unreachable)
// while the test keeps its target running.
#include <atomic>
#include <mutex>
#include <thread>
#include <vector>

namespace ta::test {

class TcpRelay {
 public:
  explicit TcpRelay(int target_port);
  ~TcpRelay();
  TcpRelay(const TcpRelay&) = delete;
  TcpRelay& operator=(const TcpRelay&) = delete;

  int port() const { return port_; }
  // Closes every relayed connection now; new connections are still accepted.
  void drop_connections();
  // While refusing, new connections are closed as soon as they are accepted.
  void set_refusing(bool refusing) { refusing_ = refusing; }
  int connections_accepted() const { return accepted_; }

 private:
  void accept_loop();
  void pump(int client, int upstream);

  int target_port_;
  int listen_fd_ = -1;
  int wake_pipe_[2] = {-1, -1};
  int port_ = 0;
  std::atomic<bool> stopping_{false};
  std::atomic<bool> refusing_{false};
  std::atomic<int> accepted_{0};
  std::mutex mutex_;
  std::vector<int> open_fds_;
  std::vector<std::thread> pumps_;
  std::thread acceptor_;
};

}  // namespace ta::test
