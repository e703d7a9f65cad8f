#pragma once
// How the doctor's results read on a terminal: one ✓ / ! / ✗ line per check, the detail's further
// lines and the fix indented under it, and a closing tally.
#include <ostream>
#include <vector>

#include "doctor/check_result.h"

namespace ta::doctor {

void print_result(std::ostream& out, const CheckResult& result);
void print_summary(std::ostream& out, const std::vector<CheckResult>& results);

}  // namespace ta::doctor
