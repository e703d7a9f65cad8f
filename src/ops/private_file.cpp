#include "ops/private_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "ops/ops_error.h"

namespace ta {

namespace {

class Fd {
 public:
  explicit Fd(int fd) : fd_(fd) {}
  ~Fd() {
    if (fd_ >= 0) ::close(fd_);
  }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  int get() const { return fd_; }
  int release() {
    const int fd = fd_;
    fd_ = -1;
    return fd;
  }

 private:
  int fd_;
};

std::string errno_text() { return std::strerror(errno); }

}  // namespace

void copy_private_file(const std::string& from, const std::string& to) {
  Fd in(::open(from.c_str(), O_RDONLY | O_CLOEXEC));
  if (in.get() < 0) throw OpsError(from + "을(를) 읽을 수 없습니다 (" + errno_text() + ")");
  Fd out(::open(to.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600));
  if (out.get() < 0) throw OpsError(to + "을(를) 만들 수 없습니다 (" + errno_text() + ")");
  // O_CREAT's mode is filtered by the umask; fchmod is not.
  bool ok = ::fchmod(out.get(), 0600) == 0;
  char buffer[65536];
  while (ok) {
    const ssize_t n = ::read(in.get(), buffer, sizeof buffer);
    if (n == 0) break;
    if (n < 0) {
      if (errno == EINTR) continue;
      ok = false;
      break;
    }
    for (ssize_t done = 0; ok && done < n;) {
      const ssize_t w = ::write(out.get(), buffer + done, static_cast<std::size_t>(n - done));
      if (w < 0 && errno == EINTR) continue;
      if (w <= 0) ok = false;
      else done += w;
    }
  }
  if (ok) ok = ::fsync(out.get()) == 0;
  const std::string failure = ok ? "" : errno_text();
  if (::close(out.release()) != 0) ok = false;
  if (!ok) {
    ::unlink(to.c_str());
    throw OpsError(from + "을(를) " + to + "(으)로 복사하지 못했습니다 (" + failure + ") — 디스크 공간과 권한을 확인하세요.");
  }
}

void sync_directory(const std::string& dir) {
  Fd fd(::open(dir.empty() ? "." : dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (fd.get() >= 0) ::fsync(fd.get());
}

}  // namespace ta
