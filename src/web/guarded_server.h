#pragma once
// httplib's server with each connection's cost bounded, so slow or many connections cannot stall
// the dashboard or /healthz (httplib 0.11 alone lets a client that trickles its headers hold a
// worker thread for as long as it likes, and eight of them hold every thread):
//  - one request per connection, read within kReadDeadline of the accept;
//  - at most kPerClient connections at once from one address (more get 503 at once);
//  - at most kThreads - kKeptForLoopback from other machines, so a local health check (Docker's
//    HEALTHCHECK, the admin's curl) always finds a thread.
#include <chrono>
#include <map>
#include <mutex>
#include <string>

#include <httplib.h>

namespace ta {

class GuardedServer : public httplib::Server {
 public:
  static constexpr int kThreads = 32;
  static constexpr int kKeptForLoopback = 4;
  static constexpr int kPerClient = 8;
  static constexpr std::chrono::seconds kReadDeadline{10};

  GuardedServer();

 private:
  bool process_and_close_socket(socket_t sock) override;
  // Takes a slot for the client, or false when it (or everyone off this machine) has too many.
  bool admit(const std::string& ip, bool loopback);
  void release(const std::string& ip, bool loopback);

  std::mutex mutex_;
  std::map<std::string, int> open_per_client_;
  int open_remote_ = 0;
};

}  // namespace ta
