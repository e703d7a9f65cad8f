#include "ops/data_dir_lock.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <sstream>

#include "ops/kst_stamp.h"

namespace ta {
namespace fs = std::filesystem;

namespace {

std::string read_all(int fd) {
  std::string text;
  char buffer[512];
  off_t offset = 0;
  for (;;) {
    const ssize_t n = ::pread(fd, buffer, sizeof buffer, offset);
    if (n <= 0) break;
    text.append(buffer, static_cast<std::size_t>(n));
    offset += n;
  }
  return text;
}

bool write_record(int fd, const std::string& text) {
  if (::ftruncate(fd, 0) != 0) return false;
  return ::pwrite(fd, text.data(), text.size(), 0) == static_cast<ssize_t>(text.size());
}

LockHolder parse_holder(const std::string& text) {
  LockHolder holder;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    const auto eq = line.find('=');
    if (eq == std::string::npos) continue;
    const std::string key = line.substr(0, eq);
    const std::string value = line.substr(eq + 1);
    if (key == "pid") {
      try {
        holder.pid = std::stol(value);
      } catch (const std::exception&) {
        holder.pid = 0;
      }
    } else if (key == "command") {
      holder.command = value;
    } else if (key == "started") {
      holder.started = value;
    }
  }
  return holder;
}

std::string describe_locked(const std::string& data_dir, const LockHolder& holder) {
  std::ostringstream out;
  out << "데이터 폴더 " << data_dir << "을(를) 다른 ticket-alarm 프로세스가 쓰고 있습니다 (";
  if (holder.pid > 0)
    out << "pid " << holder.pid;
  else
    out << "pid 알 수 없음";
  if (!holder.command.empty()) out << ", 명령: " << holder.command;
  if (!holder.started.empty()) out << ", 시작: " << holder.started;
  out << ").\n한 데이터 폴더에서는 모니터를 하나만 실행할 수 있고, 복원(restore)은 모니터를 멈춘 뒤에만 할 수 있습니다.\n"
      << "먼저 실행 중인 모니터를 멈추세요: ";
  if (holder.pid > 0)
    out << "kill " << holder.pid;
  else
    out << "ps -ef | grep ticket-alarm 으로 찾아서 kill <pid>";
  out << " (systemd: sudo systemctl stop ticket-alarm / supervisor: sudo supervisorctl stop ticket-alarm:ticket-monitor"
      << " / Docker: docker stop <컨테이너 이름>)";
  return out.str();
}

}  // namespace

DataDirLocked::DataDirLocked(const std::string& data_dir, LockHolder holder)
    : OpsError(describe_locked(data_dir, holder)), holder_(std::move(holder)) {}

std::string lock_file_path(const std::string& data_dir) {
  return (fs::path(data_dir.empty() ? "." : data_dir) / "ticket-alarm.lock").string();
}

DataDirLock::DataDirLock(const std::string& data_dir, const std::string& command, std::time_t now)
    : path_(lock_file_path(data_dir)) {
  std::error_code ec;
  if (!data_dir.empty()) fs::create_directories(data_dir, ec);
  if (ec)
    throw OpsError("데이터 폴더 " + data_dir + "을(를) 만들 수 없습니다 (" + ec.message() +
                   ") — data_dir 설정과 폴더 권한을 확인하세요.");

  fd_ = ::open(path_.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd_ < 0)
    throw OpsError("잠금 파일 " + path_ + "을(를) 열 수 없습니다 (" + std::strerror(errno) +
                   ") — 데이터 폴더의 소유자와 쓰기 권한을 확인하세요 (서비스 사용자로 실행했는지).");

  if (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
    const int error = errno;
    LockHolder holder = parse_holder(read_all(fd_));
    ::close(fd_);
    fd_ = -1;
    if (error == EWOULDBLOCK) throw DataDirLocked(data_dir.empty() ? "." : data_dir, std::move(holder));
    throw OpsError("잠금 파일 " + path_ + "을(를) 잠글 수 없습니다 (" + std::strerror(error) +
                   ") — 데이터 폴더가 flock을 지원하는 로컬 디스크에 있는지 확인하세요.");
  }

  // Only the holder writes, and only while holding the lock, so readers see whole records.
  std::ostringstream record;
  record << "pid=" << ::getpid() << "\ncommand=" << command << "\nstarted=" << kst_display_time(now) << "\n";
  // A failed write is not fatal: the lock is held, the other side's message just lacks the pid.
  write_record(fd_, record.str());
}

DataDirLock::~DataDirLock() {
  if (fd_ < 0) return;
  // Emptied while still held, so nobody reads a departed holder's pid; the file stays because
  // unlinking a lock file lets two processes lock two different inodes of the same name.
  write_record(fd_, "");
  ::close(fd_);
}

std::optional<LockHolder> DataDirLock::holder(const std::string& data_dir) {
  const std::string path = lock_file_path(data_dir);
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return std::nullopt;
  std::optional<LockHolder> result;
  if (::flock(fd, LOCK_SH | LOCK_NB) != 0) {
    result = parse_holder(read_all(fd));
  }
  ::close(fd);  // also drops the shared lock when it was granted
  return result;
}

}  // namespace ta
