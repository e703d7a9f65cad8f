#pragma once
// Runs the built ticket-alarm binary as a user would, with its own environment, capturing stdout
// and stderr, killed if it outlives its time limit.
#include <sys/types.h>

#include <chrono>
#include <map>
#include <string>
#include <vector>

namespace ta::test {

struct RunResult {
  int exit_code = -1;  // -1: killed at the time limit
  std::string out;
  std::string err;
};

RunResult run_binary(const std::vector<std::string>& args, const std::map<std::string, std::string>& env = {},
                     std::chrono::seconds limit = std::chrono::seconds(300));

// Starts the binary in the background (stdout/stderr to files in `log_dir`); returns its pid.
pid_t start_binary(const std::vector<std::string>& args, const std::map<std::string, std::string>& env,
                   const std::string& log_dir);
// Waits for a started binary; returns its exit code, or -1 if it died by a signal.
int wait_binary(pid_t pid);

// A binary started in the background that is stopped (SIGTERM, then reaped) when the guard goes
// out of scope, so a failed assertion never leaves a monitor — and its Chromium — running.
class BackgroundBinary {
 public:
  BackgroundBinary(const std::vector<std::string>& args, const std::map<std::string, std::string>& env,
                   const std::string& log_dir)
      : pid_(start_binary(args, env, log_dir)) {}
  ~BackgroundBinary();
  BackgroundBinary(const BackgroundBinary&) = delete;
  BackgroundBinary& operator=(const BackgroundBinary&) = delete;
  pid_t pid() const { return pid_; }
  // Sends `signal` and waits; returns the exit code (-1 when killed by a signal).
  int stop(int signal);

 private:
  pid_t pid_;
  bool waited_ = false;
};

}  // namespace ta::test
