#pragma once
// One line of the doctor's report: what was checked, what was found and, when it is not fine,
// what the operator should do about it.
#include <string>
#include <vector>

namespace ta::doctor {

enum class Status { pass, warn, fail };

struct CheckResult {
  Status status = Status::pass;
  std::string title;   // what was checked, e.g. "데이터 디렉터리"
  std::string detail;  // what was found
  std::string fix;     // what to do; empty when nothing needs doing

  static CheckResult pass(std::string title, std::string detail) {
    return {Status::pass, std::move(title), std::move(detail), {}};
  }
  static CheckResult warn(std::string title, std::string detail, std::string fix) {
    return {Status::warn, std::move(title), std::move(detail), std::move(fix)};
  }
  static CheckResult fail(std::string title, std::string detail, std::string fix) {
    return {Status::fail, std::move(title), std::move(detail), std::move(fix)};
  }
};

// Warnings do not fail the run: the service works, the operator should still look.
inline bool all_passed(const std::vector<CheckResult>& results) {
  for (const auto& r : results)
    if (r.status == Status::fail) return false;
  return true;
}

}  // namespace ta::doctor
