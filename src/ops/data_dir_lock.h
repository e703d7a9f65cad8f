#pragma once
// One monitor per data dir: two monitors on the same ticket-alarm.db would crawl twice and send
// every alert twice. The lock is flock(2) on data_dir/ticket-alarm.lock, so the kernel releases it
// when the holder exits in any way (kill -9, OOM kill, crash) and no stale lock is ever left.
//
// flock locks belong to an open file description, not to a process: a second DataDirLock in the
// same process conflicts with the first just as another process would. The descriptor is
// close-on-exec, so Chromium and other programs the monitor starts never keep the lock alive.
#include <ctime>
#include <optional>
#include <string>

#include "ops/ops_error.h"

namespace ta {

// What the holder wrote into the lock file.
struct LockHolder {
  long pid = 0;          // 0 when the holder had not written it yet
  std::string command;   // e.g. "ticket-alarm run"
  std::string started;   // KST, for people
};

// The lock is held by someone else. what() names the data dir, the holder's pid and command, and
// how to stop it.
class DataDirLocked : public OpsError {
 public:
  DataDirLocked(const std::string& data_dir, LockHolder holder);
  const LockHolder& holder() const { return holder_; }

 private:
  LockHolder holder_;
};

// data_dir + "/ticket-alarm.lock".
std::string lock_file_path(const std::string& data_dir);

class DataDirLock {
 public:
  // Creates data_dir when missing and takes its lock for `command`, or throws DataDirLocked
  // (someone holds it) / OpsError (the file cannot be opened: permissions, missing parent...).
  DataDirLock(const std::string& data_dir, const std::string& command, std::time_t now = std::time(nullptr));
  ~DataDirLock();
  DataDirLock(const DataDirLock&) = delete;
  DataDirLock& operator=(const DataDirLock&) = delete;

  // Who holds the lock of `data_dir` right now, without taking it; nullopt when nobody does.
  static std::optional<LockHolder> holder(const std::string& data_dir);

  const std::string& path() const { return path_; }

 private:
  std::string path_;
  int fd_ = -1;
};

}  // namespace ta
