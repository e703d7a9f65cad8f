#include "util/proc_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>

namespace ta {

std::string read_proc_file(const std::string& path) noexcept {
  try {
    std::string out;
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return out;
    char buffer[4096];
    for (;;) {
      ssize_t n = ::read(fd, buffer, sizeof buffer);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) break;
      out.append(buffer, static_cast<size_t>(n));
    }
    ::close(fd);
    return out;
  } catch (...) {
    return {};  // out of memory
  }
}

}  // namespace ta
