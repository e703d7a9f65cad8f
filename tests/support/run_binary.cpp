#include "support/run_binary.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <condition_variable>
#include <cstdlib>
#include <fstream>
#include <mutex>
#include <sstream>
#include <thread>

#include "support/temp_dir.h"

namespace ta::test {
namespace {

pid_t spawn(const std::vector<std::string>& args, const std::map<std::string, std::string>& env,
            const std::string& out_path, const std::string& err_path) {
  pid_t pid = ::fork();
  if (pid == 0) {
    for (const auto& [k, v] : env) ::setenv(k.c_str(), v.c_str(), 1);
    int out = ::open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    int err = ::open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    int in = ::open("/dev/null", O_RDONLY);
    ::dup2(in, 0);
    ::dup2(out, 1);
    ::dup2(err, 2);
    std::vector<char*> argv;
    std::string binary = TA_BINARY;
    argv.push_back(binary.data());
    std::vector<std::string> copy = args;
    for (auto& a : copy) argv.push_back(a.data());
    argv.push_back(nullptr);
    ::execv(binary.c_str(), argv.data());
    ::_exit(127);
  }
  return pid;
}

std::string slurp(const std::string& path) {
  std::ifstream f(path);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

}  // namespace

RunResult run_binary(const std::vector<std::string>& args, const std::map<std::string, std::string>& env,
                     std::chrono::seconds limit) {
  TempDir logs;
  pid_t pid = spawn(args, env, logs.file("out"), logs.file("err"));
  std::mutex m;
  std::condition_variable cv;
  bool done = false;
  int status = 0;
  std::thread waiter([&] {
    int st = 0;
    while (::waitpid(pid, &st, 0) < 0 && errno == EINTR) {
    }
    std::lock_guard<std::mutex> lock(m);
    status = st;
    done = true;
    cv.notify_all();
  });
  {
    std::unique_lock<std::mutex> lock(m);
    if (!cv.wait_for(lock, limit, [&] { return done; })) ::kill(pid, SIGKILL);
  }
  waiter.join();
  RunResult r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = slurp(logs.file("out"));
  r.err = slurp(logs.file("err"));
  return r;
}

pid_t start_binary(const std::vector<std::string>& args, const std::map<std::string, std::string>& env,
                   const std::string& log_dir) {
  return spawn(args, env, log_dir + "/out", log_dir + "/err");
}

BackgroundBinary::~BackgroundBinary() {
  if (!waited_) stop(SIGTERM);
}

int BackgroundBinary::stop(int signal) {
  if (waited_) return -1;
  ::kill(pid_, signal);
  waited_ = true;
  return wait_binary(pid_);
}

int wait_binary(pid_t pid) {
  int st = 0;
  while (::waitpid(pid, &st, 0) < 0 && errno == EINTR) {
  }
  return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

}  // namespace ta::test
