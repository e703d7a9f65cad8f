#pragma once
// An httplib::Stream over an accepted socket whose reads all end by one deadline: a client that
// trickles its request (slowloris) holds a thread until then, not for as long as it keeps sending
// a byte within each read timeout.
#include <chrono>
#include <string>

#include <httplib.h>

namespace ta {

class DeadlineStream : public httplib::Stream {
 public:
  using Clock = std::chrono::steady_clock;
  DeadlineStream(socket_t sock, Clock::time_point read_deadline, std::chrono::milliseconds write_timeout);

  bool is_readable() const override;
  bool is_writable() const override;
  ssize_t read(char* ptr, size_t size) override;
  ssize_t write(const char* ptr, size_t size) override;
  void get_remote_ip_and_port(std::string& ip, int& port) const override;
  void get_local_ip_and_port(std::string& ip, int& port) const override;
  socket_t socket() const override { return sock_; }

 private:
  bool wait_for(short events, int timeout_ms) const;

  socket_t sock_;
  Clock::time_point read_deadline_;
  std::chrono::milliseconds write_timeout_;
};

// The numeric address and port of a socket's peer (or itself), "" / 0 when unknown.
void socket_address(socket_t sock, bool peer, std::string& ip, int& port);

}  // namespace ta
