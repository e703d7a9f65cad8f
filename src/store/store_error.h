#pragma once
// Every failure of the SQLite store surfaces as StoreError so callers need one catch, and its
// message names what was being done (the SQL operation) plus sqlite's own explanation.
#include <stdexcept>
#include <string>

namespace ta {

class StoreError : public std::runtime_error {
 public:
  // `operation`: what the store was doing (usually the SQL text); `sqlite_code`: the extended
  // result code, or 0 when the error did not come from sqlite itself.
  StoreError(std::string operation, const std::string& message, int sqlite_code = 0)
      : std::runtime_error(operation + ": " + message), operation_(std::move(operation)), code_(sqlite_code) {}

  const std::string& operation() const { return operation_; }
  int sqlite_code() const { return code_; }
  // SQLITE_FULL, or a write that failed because the file system had no space left (ENOSPC).
  bool disk_full() const { return (code_ & 0xff) == 13 || code_ == kNoSpaceCode; }

  // What fail() stores for an I/O error whose errno was ENOSPC (sqlite3_system_errno).
  static constexpr int kNoSpaceCode = -28;

 private:
  std::string operation_;
  int code_;
};

}  // namespace ta
